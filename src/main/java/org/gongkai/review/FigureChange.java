package org.gongkai.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * One figure as it was and as it became: {@code before} null for a figure added, {@code after} null for one removed;
 * the bounds only when they differ.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FigureChange(String metric, BigDecimal before, BigDecimal after, String beforeBound, String afterBound) {}

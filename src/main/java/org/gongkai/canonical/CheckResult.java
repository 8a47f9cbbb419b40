package org.gongkai.canonical;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * The outcome of one arithmetic check (勾稽关系) on one row or column of a report. A failed check is a finding to
 * show, never a reason to reject the report.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResult(
        String rule,
        String row,
        String column,
        boolean passed,
        BigDecimal expected,
        BigDecimal actual,
        String message) {}

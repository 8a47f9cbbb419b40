package org.gongkai.queries;

import java.math.BigDecimal;
import org.gongkai.canonical.Bound;

/**
 * A result cell whose sum includes a figure that is not exact ("1000余条"): the bound is carried through, never
 * dropped. Exact sums are plain numbers.
 */
public record BoundedValue(BigDecimal value, Bound bound) {}

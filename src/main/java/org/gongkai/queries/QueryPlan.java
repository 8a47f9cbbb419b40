package org.gongkai.queries;

import java.util.List;
import java.util.SortedSet;

/**
 * A validated query: its dimensions, its metric columns, the base metric ids it must sum, and whether the roll-up
 * table can answer it.
 */
public record QueryPlan(
        QuerySpec spec,
        List<Dimension> dimensions,
        List<OutputMetric> outputs,
        SortedSet<Integer> baseIds,
        boolean fromRollup) {}

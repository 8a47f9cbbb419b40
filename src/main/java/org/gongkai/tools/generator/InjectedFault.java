package org.gongkai.tools.generator;

import java.util.List;

/**
 * A deliberate mistake in one generated report.
 *
 * @param rule the cross-check the fault is aimed at
 * @param changes the cells changed, with their clean values
 * @param failures every check that fails because of it (a cell sits in a row check and a column check)
 */
public record InjectedFault(FaultKind kind, String rule, List<CellChange> changes, List<ExpectedFailure> failures) {

    public InjectedFault {
        changes = List.copyOf(changes);
        failures = List.copyOf(failures);
    }
}

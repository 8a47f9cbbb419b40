package org.gongkai.tools.generator;

import java.util.List;
import org.gongkai.canonical.CanonicalReport;

/** One generated report, the agency that wrote it, and the faults deliberately put into it (usually none). */
public record GeneratedReport(Agency agency, CanonicalReport report, List<InjectedFault> faults) {

    public GeneratedReport {
        faults = List.copyOf(faults);
    }

    public boolean faulty() {
        return !faults.isEmpty();
    }
}

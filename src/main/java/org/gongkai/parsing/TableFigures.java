package org.gongkai.parsing;

import java.util.List;
import java.util.Map;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;

/**
 * The figures read from a document's tables, keyed by metric, and what the reader could not decide (cells whose
 * run-together digits admit several cuts); empty when it has no recognisable table.
 */
record TableFigures(Map<String, Figure> figures, List<CheckResult> findings) {

    boolean isEmpty() {
        return figures.isEmpty();
    }
}

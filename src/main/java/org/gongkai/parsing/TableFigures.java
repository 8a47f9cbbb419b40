package org.gongkai.parsing;

import java.util.Map;
import org.gongkai.canonical.Figure;

/** The figures read from a document's tables, keyed by metric; empty when it has no recognisable table. */
record TableFigures(Map<String, Figure> figures) {

    boolean isEmpty() {
        return figures.isEmpty();
    }
}

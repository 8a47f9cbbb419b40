package org.gongkai.parsing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;

/**
 * Combines what a document states in its tables, in its pre-2019 statistics annex and in its sentences into one set
 * of figures. The tables are the authority: a sentence only fills what they do not print, so a prose total that is
 * not the table's ("收到申请75件" = new + carried over) never overwrites it. The annex is a table too, but an old report
 * whose annex and prose give different numbers for the same metric contradicts itself: that metric is stored
 * nowhere, and a finding shows both numbers.
 */
final class StatedFigures {

    private StatedFigures() {}

    static Map<String, Figure> combine(
            TableFigures tables, TableFigures annex, ProseFigures prose, List<CheckResult> findings) {
        Map<String, Figure> figures = new LinkedHashMap<>(tables.figures());
        annex.figures().forEach(figures::putIfAbsent);
        prose.figures().forEach((key, stated) -> {
            Figure printed = figures.get(key);
            if (printed == null) {
                figures.put(key, stated);
            } else if (printed == annex.figures().get(key) && contradicts(printed, stated)) {
                figures.remove(key);
                findings.add(new CheckResult(
                        "annex.contradicts_prose",
                        key,
                        null,
                        false,
                        printed.value(),
                        stated.value(),
                        "the statistics annex gives " + printed.value().toPlainString() + " 「"
                                + printed.source().text() + "」 and the text "
                                + stated.value().toPlainString()
                                + " 「" + stated.source().text() + "」; the document contradicts itself, no value"
                                + " stored"));
            }
        });
        return figures;
    }

    /** A sentence contradicts a cell when its exact number differs, or the cell is below its lower bound. */
    private static boolean contradicts(Figure cell, Figure sentence) {
        int cmp = cell.value().compareTo(sentence.value());
        return switch (sentence.bound()) {
            case EXACT -> cmp != 0;
            case AT_LEAST -> cmp < 0;
            default -> false;
        };
    }
}

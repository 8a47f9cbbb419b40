package org.gongkai.tools.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;

/**
 * The metric keys of the section-三 table and the section-四 row, read once from the catalogue (request rows by their
 * role, their columns, the appeals rows) so generation never concatenates and never spells a key.
 */
final class RequestTableKeys {

    private static final MetricCatalogue CATALOGUE = MetricCatalogue.standard();

    static final String NEW = CATALOGUE.rowWithRole("new");
    static final String CARRIED_OVER = CATALOGUE.rowWithRole("carried_over");
    static final String CARRIED_FORWARD = CATALOGUE.rowWithRole("carried_forward");
    static final String OUTCOME_TOTAL = CATALOGUE.rowWithRole("handled");
    /** The top-level outcome rows （一） to （六）, in table order. */
    static final List<String> OUTCOME_ROWS = CATALOGUE.rowsWithRole("outcome");

    /** The six applicant columns; {@link #TOTAL} is their sum. */
    static final List<String> APPLICANTS = columns(NEW).subList(0, columns(NEW).size() - 1);

    static final int COLUMNS = APPLICANTS.size() + 1;
    static final int TOTAL = APPLICANTS.size();

    /** Outcome leaves in table order: 2021's rows, whose last three split （六）其他处理. */
    static final List<String> OUTCOMES = leaves(ReportFormat.F2021);

    private static final List<String> LEAVES_2019 = leaves(ReportFormat.F2019);

    /** The one outcome row 2019 prints where 2021 prints its children: （六）其他处理. */
    static final String OUTCOME_OTHER = LEAVES_2019.stream()
            .filter(row -> !OUTCOMES.contains(row))
            .findFirst()
            .orElseThrow();

    /** Index of the first of 2021's （六） rows, which 2019 prints as the one row {@link #OUTCOME_OTHER}. */
    static final int FIRST_OTHER = LEAVES_2019.indexOf(OUTCOME_OTHER);

    static final List<String> CASE_GROUPS = CATALOGUE.rowKeys().stream()
            .filter(row -> CATALOGUE.row(row).get(0).section().equals("appeals"))
            .toList();
    static final List<String> CASE_COLUMNS = columns(CASE_GROUPS.get(0));

    private static final Map<String, String[]> CELLS = cellsOfAllRows();

    private RequestTableKeys() {}

    /** The seven cell keys of a section-三 row, total last. */
    static String[] cells(String row) {
        String[] cells = CELLS.get(row);
        if (cells == null) throw new IllegalArgumentException("not a section-三 row: " + row);
        return cells;
    }

    /** The cell key of a row and column index (6 = total). */
    static String cell(String row, int column) {
        return cells(row)[column];
    }

    static String column(int column) {
        return column == TOTAL ? "total" : APPLICANTS.get(column);
    }

    /** A row's column keys in the catalogue's order (total last). */
    private static Metric totalOf(String row) {
        return CATALOGUE.row(row).get(TOTAL);
    }

    private static List<String> columns(String row) {
        return CATALOGUE.row(row).stream().map(Metric::column).toList();
    }

    /** The outcome rows a report of this format prints cells for, in table order. */
    private static List<String> leaves(ReportFormat format) {
        List<String> out = new ArrayList<>();
        for (String row : OUTCOME_ROWS) {
            Metric total = totalOf(row);
            if (total.isPrintedCellOf(format)) out.add(row);
            else
                for (String part : total.components())
                    if (CATALOGUE.get(part).isPrintedCellOf(format))
                        out.add(CATALOGUE.get(part).row());
        }
        return List.copyOf(out);
    }

    private static Map<String, String[]> cellsOfAllRows() {
        Map<String, String[]> out = new HashMap<>();
        List<String> rows = new ArrayList<>(OUTCOMES);
        rows.addAll(OUTCOME_ROWS);
        rows.addAll(List.of(NEW, CARRIED_OVER, CARRIED_FORWARD, OUTCOME_TOTAL));
        for (String row : rows) {
            out.put(row, CATALOGUE.row(row).stream().map(Metric::key).toArray(String[]::new));
        }
        return Map.copyOf(out);
    }
}

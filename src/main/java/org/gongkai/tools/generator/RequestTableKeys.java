package org.gongkai.tools.generator;

import java.util.List;

/** The metric keys of the section-三 table and the section-四 row, spelled once so generation never concatenates. */
final class RequestTableKeys {

    /** The six applicant columns; {@link #TOTAL} is their sum. */
    static final List<String> APPLICANTS =
            List.of("natural_person", "commercial", "research", "social_org", "legal_services", "other_org");

    static final int COLUMNS = 7;
    static final int TOTAL = 6;

    /** Outcome leaves in table order; the last three are 2021's split of （六）其他处理. */
    static final List<String> OUTCOMES = List.of(
            "outcome.granted",
            "outcome.partial",
            "outcome.denied.state_secret",
            "outcome.denied.prohibited_by_law",
            "outcome.denied.security_stability",
            "outcome.denied.third_party",
            "outcome.denied.internal_affairs",
            "outcome.denied.process_info",
            "outcome.denied.enforcement_file",
            "outcome.denied.admin_query",
            "outcome.unavailable.not_held",
            "outcome.unavailable.needs_creation",
            "outcome.unavailable.unclear",
            "outcome.not_processed.petition",
            "outcome.not_processed.duplicate",
            "outcome.not_processed.publication",
            "outcome.not_processed.mass_repeated",
            "outcome.not_processed.confirm_reissue",
            "outcome.other.no_correction",
            "outcome.other.fee_unpaid",
            "outcome.other.other");

    /** Index of the first of 2021's three （六） rows, which 2019 prints as the one row outcome.other. */
    static final int FIRST_OTHER = 18;

    static final String NEW = "requests.new";
    static final String CARRIED_OVER = "requests.carried_over";
    static final String CARRIED_FORWARD = "requests.carried_forward";
    static final String OUTCOME_TOTAL = "outcome.total";
    static final String OUTCOME_OTHER = "outcome.other";

    static final List<String> CASE_GROUPS = List.of("review", "litigation.direct", "litigation.after_review");
    static final List<String> CASE_COLUMNS = List.of("upheld", "corrected", "other", "pending", "total");

    private static final java.util.Map<String, String[]> CELLS = cellsOfAllRows();

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

    private static java.util.Map<String, String[]> cellsOfAllRows() {
        java.util.Map<String, String[]> out = new java.util.HashMap<>();
        List<String> rows = new java.util.ArrayList<>(OUTCOMES);
        rows.addAll(List.of(NEW, CARRIED_OVER, CARRIED_FORWARD, OUTCOME_TOTAL, OUTCOME_OTHER));
        for (String row : rows) {
            String[] cells = new String[COLUMNS];
            for (int c = 0; c < COLUMNS; c++) cells[c] = row + "." + column(c);
            out.put(row, cells);
        }
        return java.util.Map.copyOf(out);
    }

    static String column(int column) {
        return column == TOTAL ? "total" : APPLICANTS.get(column);
    }
}

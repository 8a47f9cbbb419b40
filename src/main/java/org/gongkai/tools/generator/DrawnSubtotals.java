package org.gongkai.tools.generator;

import static org.gongkai.tools.generator.RequestTableKeys.COLUMNS;
import static org.gongkai.tools.generator.RequestTableKeys.OUTCOME_ROWS;

import java.util.HashMap;
import java.util.Map;
import org.gongkai.canonical.ReportFormat;

/**
 * The subtotals of section 三 that a table-format report does not print, summed from the generator's own draws: the
 * ground truth Gongkai's derived figures must match. The groups are written out here from the order {@link
 * RequestFlow} draws the outcome leaves in, not read from the catalogue's components, so that the truth does not
 * repeat the arithmetic it checks.
 */
final class DrawnSubtotals {

    private DrawnSubtotals() {}

    /** Subtotal cell key → value; empty for a narrative report, which prints no outcome leaves. */
    static Map<String, Long> of(ReportFormat format, RequestYear r) {
        Map<String, Long> out = new HashMap<>(40);
        if (format == ReportFormat.NARRATIVE) return out;
        long[][] o = r.outcomes();
        for (int c = 0; c < COLUMNS; c++) {
            // （三）不予公开: leaves 2 to 9 (国家秘密 … 行政查询事项)
            long denied = o[2][c] + o[3][c] + o[4][c] + o[5][c] + o[6][c] + o[7][c] + o[8][c] + o[9][c];
            // （四）无法提供: leaves 10 to 12
            long unavailable = o[10][c] + o[11][c] + o[12][c];
            // （五）不予处理: leaves 13 to 17
            long notProcessed = o[13][c] + o[14][c] + o[15][c] + o[16][c] + o[17][c];
            out.put(RequestTableKeys.cell(OUTCOME_ROWS.get(2), c), denied);
            out.put(RequestTableKeys.cell(OUTCOME_ROWS.get(3), c), unavailable);
            out.put(RequestTableKeys.cell(OUTCOME_ROWS.get(4), c), notProcessed);
            // （六）其他处理 is printed in 2019 and split into leaves 18 to 20 in 2021
            if (format == ReportFormat.F2021)
                out.put(RequestTableKeys.cell(OUTCOME_ROWS.get(5), c), o[18][c] + o[19][c] + o[20][c]);
        }
        return out;
    }
}

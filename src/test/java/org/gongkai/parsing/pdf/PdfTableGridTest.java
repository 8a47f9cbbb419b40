package org.gongkai.parsing.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grid rebuilt from ruling lines alone, without a PDF: merged cells, dashed borders, a missing bottom border. */
class PdfTableGridTest {

    private static Glyph glyph(String text, float x, float top) {
        return new Glyph(text, x, top, 8, 8, 8);
    }

    /** A 2 × 3 grid at x 0/40/80/120, y 0/20/40, with the line between columns 1 and 2 of row 0 missing. */
    private static List<Ruling> grid() {
        List<Ruling> lines = new ArrayList<>();
        for (float y : new float[] {0, 20, 40}) lines.add(new Ruling(0, y, 120, y));
        lines.add(new Ruling(0, 0, 0, 40));
        lines.add(new Ruling(40, 0, 40, 40));
        lines.add(new Ruling(80, 20, 80, 40)); // row 0 spans columns 1–2
        lines.add(new Ruling(120, 0, 120, 40));
        return lines;
    }

    @Test
    void repeatsAMergedCellsTextInEveryColumnItSpans() {
        PdfTableGrid table = PdfTableGrid.find(grid()).get(0);
        table.take(glyph("甲", 10, 6));
        table.take(glyph("乙", 50, 6));
        table.take(glyph("丙", 10, 26));
        table.take(glyph("1", 50, 26));
        table.take(glyph("2", 90, 26));

        assertThat(table.rows()).containsExactly(List.of("甲", "乙", "乙"), List.of("丙", "1", "2"));
    }

    @Test
    void joinsTheLinesOfOneCellWithoutSpaces() {
        PdfTableGrid table = PdfTableGrid.find(grid()).get(0);
        table.take(glyph("商", 42, 1));
        table.take(glyph("业", 50, 1));
        table.take(glyph("企", 58, 1));
        table.take(glyph("业", 42, 10));

        assertThat(table.rows().get(0)).containsExactly("", "商业企业", "商业企业");
    }

    @Test
    void takesDashedBordersForWholeLines() {
        List<Ruling> lines = new ArrayList<>(grid());
        lines.remove(new Ruling(0, 20, 120, 20));
        for (float x = 0; x < 120; x += 6) lines.add(new Ruling(x, 20, x + 3, 20)); // a dashed middle border

        List<Ruling> joined = PdfTableGrid.joined(lines);
        assertThat(joined).filteredOn(r -> r.horizontal() && r.position() == 20).hasSize(1);
        PdfTableGrid table = PdfTableGrid.find(lines).get(0);
        table.take(glyph("甲", 10, 6));
        table.take(glyph("丙", 10, 26));
        assertThat(table.rows()).hasSize(2);
    }

    @Test
    void closesATableWhoseBottomBorderIsOnTheNextPage() {
        List<Ruling> lines = new ArrayList<>(grid());
        lines.remove(new Ruling(0, 40, 120, 40));
        PdfTableGrid table = PdfTableGrid.find(lines).get(0);
        assertThat(table.take(glyph("丙", 10, 26)))
                .as("the last row reaches the ends of the vertical lines")
                .isTrue();
    }

    @Test
    void keepsNearbyBordersOfTwoTablesApart() {
        // LibreOffice: a column border of one table at x 169.7 (y 34–232), one of the table below at 168.6
        // (y 288–327). Close enough to be collinear, but far apart along their length: two lines, not one.
        List<Ruling> lines =
                List.of(new Ruling(168.6f, 288.8f, 168.6f, 327.6f), new Ruling(169.7f, 34f, 169.7f, 232.6f));

        List<Ruling> joined = PdfTableGrid.joined(lines);

        assertThat(joined).hasSize(2);
        assertThat(joined).anySatisfy(r -> assertThat(r.y1()).isEqualTo(34f));
    }
}

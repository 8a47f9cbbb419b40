package org.gongkai.parsing.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One ruled table of a page, rebuilt from its ruling lines: the distinct line positions make an elementary grid,
 * and two neighbouring grid cells are one (merged) cell where no line separates them, which is how a PDF shows
 * rowspan and colspan. {@link #rows} lays the table out as the HTML path does: one line per grid row, the text of
 * a merged cell repeated in every grid cell it covers.
 */
final class PdfTableGrid {

    /** Lines this close (points) are one line; a line ending this close to another meets it. */
    private static final float TOLERANCE = 2f;
    /** Pieces of one line this far apart (points) are one line: dashes, or borders drawn cell by cell. */
    private static final float GAP = 4f;
    /** Caps keep a hostile page of thousands of lines from building a huge grid; real forms have far fewer. */
    private static final int MAX_LINES = 400;

    private final float[] xs;
    private final float[] ys;
    private final int[] parent;
    private final List<List<Glyph>> glyphs;

    private PdfTableGrid(float[] xs, float[] ys, List<Ruling> horizontals, List<Ruling> verticals) {
        this.xs = xs;
        this.ys = ys;
        int rows = ys.length - 1;
        int cols = xs.length - 1;
        parent = new int[rows * cols];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        for (int r = 0; r < rows; r++) {
            float midY = (ys[r] + ys[r + 1]) / 2;
            for (int c = 0; c < cols; c++) {
                float midX = (xs[c] + xs[c + 1]) / 2;
                if (c + 1 < cols && !covered(verticals, xs[c + 1], midY, true)) union(r * cols + c, r * cols + c + 1);
                if (r + 1 < rows && !covered(horizontals, ys[r + 1], midX, false)) {
                    union(r * cols + c, (r + 1) * cols + c);
                }
            }
        }
        glyphs = new ArrayList<>(parent.length);
        for (int i = 0; i < parent.length; i++) glyphs.add(null);
    }

    /** The ruled tables of a page: groups of connected lines with at least two lines each way. */
    static List<PdfTableGrid> find(List<Ruling> drawn) {
        if (drawn.size() > MAX_LINES * 4) return List.of();
        List<Ruling> rulings = joined(drawn);
        int n = rulings.size();
        int[] group = new int[n];
        for (int i = 0; i < n; i++) group[i] = i;
        for (int i = 0; i < n; i++) {
            Ruling a = rulings.get(i);
            for (int j = i + 1; j < n; j++) {
                Ruling b = rulings.get(j);
                if (meets(a, b)) join(group, i, j);
            }
        }
        List<PdfTableGrid> tables = new ArrayList<>();
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            int root = find(group, i);
            if (done[root]) continue;
            done[root] = true;
            List<Ruling> h = new ArrayList<>();
            List<Ruling> v = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (find(group, j) != root) continue;
                Ruling r = rulings.get(j);
                if (r.horizontal()) h.add(r);
                else v.add(r);
            }
            float[] ys = positions(h, v, true);
            float[] xs = positions(v, h, false);
            if (ys.length >= 2 && xs.length >= 2 && ys.length <= MAX_LINES && xs.length <= MAX_LINES) {
                tables.add(new PdfTableGrid(xs, ys, h, v));
            }
        }
        tables.sort((a, b) -> Float.compare(a.top(), b.top()));
        return tables;
    }

    /**
     * Collinear pieces of one line joined into one (dashed borders, or a border drawn cell by cell), so that a
     * separator is never taken for missing where its pieces leave a gap.
     */
    static List<Ruling> joined(List<Ruling> drawn) {
        List<Ruling> out = new ArrayList<>(drawn.size());
        for (boolean horizontal : new boolean[] {true, false}) {
            List<Ruling> lines = new ArrayList<>();
            for (Ruling r : drawn) if (r.horizontal() == horizontal) lines.add(r);
            lines.sort((a, b) -> Float.compare(a.position(), b.position()));
            // Lines within the tolerance of a group's first line are collinear; a group is joined along its length.
            // (Sorting by rounded position alone would interleave two groups either side of a rounding boundary,
            // and join a border of one table into a nearby border of another.)
            for (int i = 0; i < lines.size(); ) {
                int j = i;
                while (j < lines.size()
                        && lines.get(j).position() - lines.get(i).position() <= TOLERANCE) j++;
                List<Ruling> group = new ArrayList<>(lines.subList(i, j));
                group.sort((a, b) -> Float.compare(start(a), start(b)));
                Ruling current = null;
                for (Ruling r : group) {
                    if (current != null && start(r) <= end(current) + GAP) {
                        current = horizontal
                                ? new Ruling(current.x1(), current.y1(), Math.max(current.x2(), r.x2()), current.y2())
                                : new Ruling(current.x1(), current.y1(), current.x2(), Math.max(current.y2(), r.y2()));
                        continue;
                    }
                    if (current != null) out.add(current);
                    current = r;
                }
                if (current != null) out.add(current);
                i = j;
            }
        }
        return out;
    }

    private static float start(Ruling r) {
        return r.horizontal() ? r.x1() : r.y1();
    }

    private static float end(Ruling r) {
        return r.horizontal() ? r.x2() : r.y2();
    }

    float top() {
        return ys[0];
    }

    float bottom() {
        return ys[ys.length - 1];
    }

    int columns() {
        return xs.length - 1;
    }

    /** Takes the character if its middle lies inside the table; returns whether it did. */
    boolean take(Glyph g) {
        int c = slot(xs, g.centerX());
        int r = slot(ys, g.centerY());
        if (c < 0 || r < 0) return false;
        int cell = root(r * columns() + c);
        if (glyphs.get(cell) == null) glyphs.set(cell, new ArrayList<>());
        glyphs.get(cell).add(g);
        return true;
    }

    /** One list of cell texts per grid row that holds any text; merged cells repeat their text. */
    List<List<String>> rows() {
        int cols = columns();
        String[] texts = new String[parent.length];
        List<List<String>> out = new ArrayList<>();
        for (int r = 0; r < ys.length - 1; r++) {
            List<String> row = new ArrayList<>(cols);
            boolean any = false;
            for (int c = 0; c < cols; c++) {
                int cell = root(r * cols + c);
                if (texts[cell] == null) {
                    List<Glyph> g = glyphs.get(cell);
                    texts[cell] = g == null
                            ? ""
                            : TextLines.joinWrapped(TextLines.group(g)).replace('\t', ' ');
                }
                row.add(texts[cell]);
                any |= !texts[cell].isEmpty();
            }
            if (any) out.add(row);
        }
        return out;
    }

    private static int slot(float[] bounds, float v) {
        if (v < bounds[0] || v > bounds[bounds.length - 1]) return -1;
        int i = Arrays.binarySearch(bounds, v);
        if (i >= 0) return Math.min(i, bounds.length - 2);
        return Math.min(-i - 2, bounds.length - 2);
    }

    /** Whether a line at {@code position} crosses the point {@code at} along it (a separator between two cells). */
    private static boolean covered(List<Ruling> lines, float position, float at, boolean vertical) {
        for (Ruling l : lines) {
            if (Math.abs(l.position() - position) > TOLERANCE) continue;
            float from = vertical ? l.y1() : l.x1();
            float to = vertical ? l.y2() : l.x2();
            if (from - TOLERANCE <= at && at <= to + TOLERANCE) return true;
        }
        return false;
    }

    private static boolean meets(Ruling a, Ruling b) {
        return a.x1() - TOLERANCE <= b.x2()
                && b.x1() - TOLERANCE <= a.x2()
                && a.y1() - TOLERANCE <= b.y2()
                && b.y1() - TOLERANCE <= a.y2();
    }

    /**
     * Distinct positions of the lines, close ones merged, ascending; plus the ends of the crossing lines, which
     * close a table whose last border is missing (a table that continues on the next page has no bottom line).
     */
    private static float[] positions(List<Ruling> lines, List<Ruling> crossing, boolean vertical) {
        float[] p = new float[lines.size() + 2];
        for (int i = 0; i < lines.size(); i++) p[i] = lines.get(i).position();
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (Ruling c : crossing) {
            min = Math.min(min, vertical ? c.y1() : c.x1());
            max = Math.max(max, vertical ? c.y2() : c.x2());
        }
        p[lines.size()] = crossing.isEmpty() || lines.isEmpty() ? p[0] : min;
        p[lines.size() + 1] = crossing.isEmpty() || lines.isEmpty() ? p[0] : max;
        if (lines.isEmpty()) return new float[0];
        Arrays.sort(p);
        float[] out = new float[p.length];
        int n = 0;
        for (float v : p) {
            if (n == 0 || v - out[n - 1] > TOLERANCE) out[n++] = v;
        }
        return Arrays.copyOf(out, n);
    }

    private int root(int i) {
        return find(parent, i);
    }

    private void union(int a, int b) {
        join(parent, a, b);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void join(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}

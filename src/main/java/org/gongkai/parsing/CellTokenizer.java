package org.gongkai.parsing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalized text into cells, whatever the table layout: a line with tabs or pipes is split at them (empty
 * fields are blank cells, which keep their column position); any other line is split at spaces and where digits run
 * into labels ({@link GluedWords}), with neighbouring label pieces merged back into one label, so "(三) 不予公开 0 0"
 * gives one label and two values, "1.属于国家秘密00000002.其他…" a label, a value and the next label, and a
 * cell-per-line table one cell per line.
 */
final class CellTokenizer {

    private CellTokenizer() {}

    static List<Cell> cells(String text) {
        List<Cell> out = new ArrayList<>(Math.max(16, text.length() / 16));
        List<int[]> spans = new ArrayList<>();
        int lineNo = 0;
        int pos = 0;
        int n = text.length();
        while (pos <= n) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) eol = n;
            if (eol > pos) splitLine(text, pos, eol, lineNo, out, spans);
            lineNo++;
            pos = eol + 1;
        }
        return out;
    }

    private static void splitLine(String text, int from, int to, int lineNo, List<Cell> out, List<int[]> spans) {
        spans.clear();
        char sep = separatorOf(text, from, to);
        if (sep == '|' && isMarkdownRule(text, from, to)) return;
        if (sep != 0) {
            int s = from;
            for (int i = from; i <= to; i++) {
                if (i == to || text.charAt(i) == sep) {
                    spans.add(trimmed(text, s, i));
                    s = i + 1;
                }
            }
            if (sep == '|') {
                // "| a | b |": the edges outside the outer pipes are not cells.
                if (!spans.isEmpty() && spans.get(0)[0] == spans.get(0)[1]) spans.remove(0);
                if (!spans.isEmpty() && spans.get(spans.size() - 1)[0] == spans.get(spans.size() - 1)[1]) {
                    spans.remove(spans.size() - 1);
                }
            }
            emit(text, spans, lineNo, false, false, out);
            return;
        }
        // Space-separated: words cut into label and value pieces, with runs of label pieces merged into one label
        // unless a piece starts a numbered item.
        List<GluedWords.Piece> pieces = new ArrayList<>();
        int i = from;
        while (i < to) {
            while (i < to && text.charAt(i) == ' ') i++;
            if (i >= to) break;
            int s = i;
            while (i < to && text.charAt(i) != ' ') i++;
            if (CellValues.isValue(text.substring(s, i))) pieces.add(new GluedWords.Piece(s, i, true, false));
            else if (GluedWords.mayHoldPieces(text, s, i)) GluedWords.split(text, s, i, pieces);
            else pieces.add(new GluedWords.Piece(s, i, false, false));
        }
        List<int[]> merged = new ArrayList<>(pieces.size());
        int[] label = null;
        for (GluedWords.Piece piece : pieces) {
            if (piece.value()) {
                if (label != null) merged.add(label);
                label = null;
                merged.add(new int[] {piece.start(), piece.end()});
            } else if (label == null || piece.itemStart()) {
                if (label != null) merged.add(label);
                label = new int[] {piece.start(), piece.end()};
            } else {
                label[1] = piece.end();
            }
        }
        if (label != null) merged.add(label);
        emit(text, merged, lineNo, merged.size() == 1, true, out);
    }

    private static void emit(
            String text, List<int[]> spans, int lineNo, boolean wholeLine, boolean runTogether, List<Cell> out) {
        int count = spans.size();
        String[] texts = new String[count];
        CellKind[] kinds = new CellKind[count];
        BigDecimal[] values = new BigDecimal[count];
        boolean hasNumber = false;
        for (int k = 0; k < count; k++) {
            int[] sp = spans.get(k);
            String t = text.substring(sp[0], sp[1]);
            texts[k] = t;
            if (t.isEmpty()) kinds[k] = CellKind.BLANK;
            else if (CellValues.isAbsentMark(t)) kinds[k] = CellKind.VALUE;
            else if ((values[k] = CellValues.number(t)) != null) {
                kinds[k] = CellKind.VALUE;
                hasNumber = true;
            } else kinds[k] = CellKind.LABEL;
        }
        for (int k = 0; k < count; k++) {
            int[] sp = spans.get(k);
            out.add(new Cell(texts[k], sp[0], sp[1], kinds[k], values[k], lineNo, wholeLine, hasNumber, runTogether));
        }
    }

    private static char separatorOf(String text, int from, int to) {
        boolean pipe = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\t') return '\t';
            if (c == '|') pipe = true;
        }
        return pipe ? '|' : 0;
    }

    private static boolean isMarkdownRule(String text, int from, int to) {
        boolean dash = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '-') dash = true;
            else if (c != '|' && c != ':' && c != ' ') return false;
        }
        return dash;
    }

    private static int[] trimmed(String text, int s, int e) {
        while (s < e && text.charAt(s) == ' ') s++;
        while (e > s && text.charAt(e - 1) == ' ') e--;
        return new int[] {s, e};
    }
}

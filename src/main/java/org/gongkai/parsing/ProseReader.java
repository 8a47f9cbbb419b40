package org.gongkai.parsing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.Part;
import org.gongkai.canonical.Source;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.metrics.ProseKeys;

/**
 * Reads the figures reports state in sentences: items published (with per-channel counts as parts), requests
 * received, handled, granted, partly granted and pending, review and litigation split into direct and after-review
 * suits (including "未发生…行政复议…行政诉讼" as zeros), and counts of normative documents issued, repealed and in force.
 * The first statement of a figure wins, except that "主动公开政府信息N条" wins over looser counts of items. A negation
 * zeroes only what its clause names. A stated total whose "其中" parts do not add up is a finding.
 */
final class ProseReader {

    /** The metric each statement fills, from the catalogue's prose section. */
    private final ProseKeys keys;

    private final List<String> litigationKeys;
    private final MetricCatalogue catalogue;

    /** "主动公开政府信息2543条": the year's total in the words of the old reports, preferred to any other count. */
    private static final Pattern ITEMS_PROACTIVE = ProseNumber.compile("主动公开(?:政府)?信息 ?(?:共|共计|合计|总计|达)?{N}条{T}");

    private static final Pattern ITEMS = ProseNumber.compile("(?:公开|发布)[^。;,!?\\n]{0,20}?信息(?:共|共计|合计|总计|达)?{N}条{T}");
    private static final Pattern RECEIVED = ProseNumber.compile("(?:受理|收到|接收|新收|接到)[^,;。\\d\\n]{0,15}?{N}(?:件|条)");
    private static final Pattern RECEIVED_NONE = Pattern.compile("(?:未收到|没有收到|未受理|未接到|未发生)[^,;。\\n]{0,20}申请");
    private static final Pattern GRANTED_COUNT =
            ProseNumber.compile("(?<!部分)(?:同意公开|予以公开|全部公开)[^,;。\\d\\n]{0,6}?{N}(?:件|条)");
    private static final Pattern PARTIAL_COUNT =
            ProseNumber.compile("(?:同意部分公开|部分公开|部分予以公开)[^,;。\\d\\n]{0,6}?{N}(?:件|条)");
    private static final Pattern LITIGATION_DIRECT_COUNT =
            ProseNumber.compile("(?:未经复议|直接)(?:起诉|提起行政诉讼|提起诉讼|向法院起诉)[^,;。\\d\\n]{0,6}?{N}(?:件|起|宗)");
    private static final Pattern LITIGATION_AFTER_REVIEW_COUNT =
            ProseNumber.compile("复议后(?:起诉|提起行政诉讼|提起诉讼|向法院起诉)[^,;。\\d\\n]{0,6}?{N}(?:件|起|宗)");
    /** "收到1份有关政府信息公开行政复议申请": the count stands before the words. */
    private static final Pattern REVIEW_RECEIVED =
            ProseNumber.compile("(?:收到|受理|发生|办理|涉及)[^,;。\\d\\n]{0,4}?{N}(?:件|份|起|宗)[^,;。\\d\\n]{0,14}?行政复议");

    private static final Pattern ALL_HANDLED = Pattern.compile("(?:全部|均已|均|已全部)(?:按时|依法|按期)?(?:办结|答复)");
    private static final Pattern CARRIED_OVER_NONE = Pattern.compile("(?:无|没有)(?:去年|上年|上一年)[^,;。\\n]{0,4}结转");
    private static final Pattern HANDLED_AFTER = ProseNumber.compile("{N}件[^,;。\\d\\n]{0,12}?(?:办结|答复完毕)");
    private static final Pattern HANDLED_BEFORE = ProseNumber.compile("(?:办结|答复)[^,;。\\d\\n]{0,8}?{N}(?:件|条)");
    private static final Pattern PENDING_AFTER =
            ProseNumber.compile("{N}件[^,;。\\d\\n]{0,6}?(?:正在办理|正在处理|尚在办理|仍在办理|正在答复)");
    private static final Pattern PENDING_BEFORE =
            ProseNumber.compile("(?:正在办理|结转下一?年度?(?:继续办理)?|结转至下一?年度?)[^,;。\\d\\n]{0,8}?{N}件");
    private static final Pattern DOCUMENTS = ProseNumber.compile(
            "(?<verb>制定|制发|印发|出台|发布|废止|现行有效|现有有效|有效)[^,;。\\d\\n]{0,12}?(?<kind>行政规范性文件|规范性文件|规章)(?:共)?{N}件");
    private static final Pattern NEGATION = Pattern.compile("未发生|没有发生|未出现|没有出现|未有|没有|无|未收到|未接到|未被|零");
    private static final Pattern REVIEW_COUNT = ProseNumber.compile("行政复议[^,;。\\d\\n]{0,6}?{N}(?:件|起|宗|次)");
    private static final Pattern TOTAL_BEFORE_PARTS = ProseNumber.compile("{N}(?<unit>条|件|项|个){T},?$");
    private static final Pattern PART_ITEM = ProseNumber.compile("(?<label>[^、,;。\\d\\n]{1,14}?){N}(?<unit>条|件|项|个)");

    ProseReader(MetricCatalogue catalogue) {
        this.catalogue = catalogue;
        this.keys = catalogue.proseKeys();
        this.litigationKeys = List.of(keys.litigationDirect(), keys.litigationAfterReview());
    }

    ProseFigures read(String text) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        List<CheckResult> findings = new ArrayList<>();
        readProactiveTotal(text, figures);
        int n = text.length();
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && !isSentenceEnd(text.charAt(end))) end++;
            int stop = Math.min(n, end + 1);
            int s = start;
            while (s < stop && (text.charAt(s) == ' ' || text.charAt(s) == '\t' || text.charAt(s) == '\n')) s++;
            if (stop - s > 1) readSentence(text, s, text.charAt(stop - 1) == '\n' ? stop - 1 : stop, figures);
            start = stop;
        }
        checkPartSums(text, figures, findings);
        return new ProseFigures(figures, findings);
    }

    /** The first "主动公开政府信息N条" of the text, with the parts listed after it, wins over looser phrasings. */
    private void readProactiveTotal(String text, Map<String, Figure> figures) {
        Matcher m = ITEMS_PROACTIVE.matcher(text);
        if (!m.find()) return;
        ProseNumber total = ProseNumber.from(m);
        if (total == null) return;
        int from = m.start();
        while (from > 0 && !isSentenceEnd(text.charAt(from - 1))) from--;
        while (from < m.start() && text.charAt(from) == ' ') from++;
        int to = m.end();
        while (to < text.length() && !isSentenceEnd(text.charAt(to))) to++;
        if (to < text.length() && text.charAt(to) != '\n') to++;
        List<Part> parts = partsAfter(text, m.end());
        figures.put(
                keys.itemsPublished(),
                new Figure(
                        total.value(), total.bound(), Source.prose(text.substring(from, to), from, to), parts, null));
    }

    private static boolean isSentenceEnd(char c) {
        return c == '。' || c == '!' || c == '?' || c == '\n';
    }

    private void readSentence(String text, int from, int to, Map<String, Figure> figures) {
        String sentence = text.substring(from, to);
        if (!figures.containsKey(keys.itemsPublished()) && sentence.contains("信息")) {
            Matcher m = ITEMS.matcher(sentence);
            if (m.find()) {
                ProseNumber total = ProseNumber.from(m);
                if (total != null) {
                    List<Part> parts = partsAfter(text, from + m.end());
                    figures.put(
                            keys.itemsPublished(),
                            new Figure(total.value(), total.bound(), Source.prose(sentence, from, to), parts, null));
                }
            }
        }
        if (sentence.contains("申请")) readRequests(sentence, from, to, figures);
        boolean tableRow = sentence.indexOf('\t') >= 0;
        if (!tableRow && (sentence.contains("行政复议") || sentence.contains("行政诉讼"))) {
            readAppeals(sentence, from, to, figures);
        }
        if (!tableRow && sentence.indexOf('件') >= 0 && (sentence.contains("规范性文件") || sentence.contains("规章"))) {
            readDocuments(sentence, from, to, figures);
        }
    }

    private void readRequests(String sentence, int from, int to, Map<String, Figure> figures) {
        // Table rows ("一、本年新收政府信息公开申请数量\t0…") are not sentences.
        if (!sentence.contains("公开") || sentence.indexOf('\t') >= 0) return;
        Source source = Source.prose(sentence, from, to);
        boolean counted = sentence.indexOf('件') >= 0 || sentence.indexOf('条') >= 0;
        // A negation zeroes only what it names: a clause about a review or a suit says nothing of the requests.
        int clauseStart = 0;
        for (int i = 0; i <= sentence.length(); i++) {
            if (i < sentence.length() && sentence.charAt(i) != ',' && sentence.charAt(i) != ';') continue;
            String clause = sentence.substring(clauseStart, i);
            clauseStart = i + 1;
            if (!clause.contains("申请") || clause.contains("复议") || clause.contains("诉讼")) continue;
            if (!(counted && put(figures, keys.received(), RECEIVED.matcher(clause), source))
                    && clause.contains("未")
                    && RECEIVED_NONE.matcher(clause).find()) {
                figures.putIfAbsent(keys.received(), Figure.exact(0, source));
            }
        }
        if (counted) {
            put(figures, keys.granted(), GRANTED_COUNT.matcher(sentence), source);
            put(figures, keys.partial(), PARTIAL_COUNT.matcher(sentence), source);
        }
        if (counted && (sentence.contains("办结") || sentence.contains("答复"))) {
            if (!put(figures, keys.handled(), HANDLED_AFTER.matcher(sentence), source)) {
                put(figures, keys.handled(), HANDLED_BEFORE.matcher(sentence), source);
            }
        }
        // "收到申请12件,已全部办结": every request received in the sentence was handled.
        Figure received = figures.get(keys.received());
        if (received != null
                && received.source().start() == from
                && ALL_HANDLED.matcher(sentence).find()) {
            figures.putIfAbsent(keys.handled(), Figure.of(received.value(), received.bound(), source));
        }
        if (counted
                && (sentence.contains("办理")
                        || sentence.contains("处理")
                        || sentence.contains("答复")
                        || sentence.contains("结转"))) {
            if (!put(figures, keys.pending(), PENDING_AFTER.matcher(sentence), source)) {
                put(figures, keys.pending(), PENDING_BEFORE.matcher(sentence), source);
            }
        }
        if (sentence.contains("结转") && CARRIED_OVER_NONE.matcher(sentence).find()) {
            figures.putIfAbsent(keys.carriedOver(), Figure.exact(0, source));
        }
    }

    /** Stores the first number the matcher finds under the key, unless the key is already known. */
    private static boolean put(Map<String, Figure> figures, String key, Matcher m, Source source) {
        if (figures.containsKey(key)) return true;
        if (!m.find()) return false;
        ProseNumber number = ProseNumber.from(m);
        if (number == null) return false;
        figures.put(key, Figure.of(number.value(), number.bound(), source));
        return true;
    }

    private void readAppeals(String sentence, int from, int to, Map<String, Figure> figures) {
        Source source = Source.prose(sentence, from, to);
        int clauseStart = 0;
        for (int i = 0; i <= sentence.length(); i++) {
            if (i < sentence.length() && sentence.charAt(i) != ',' && sentence.charAt(i) != ';') continue;
            String clause = sentence.substring(clauseStart, i);
            clauseStart = i + 1;
            int review = clause.indexOf("行政复议");
            int litigation = clause.indexOf("行政诉讼");
            int suit = clause.indexOf("起诉");
            if (review < 0 && litigation < 0 && suit < 0) continue;
            int firstTerm = Integer.MAX_VALUE;
            for (int term : new int[] {review, litigation, suit}) if (term >= 0) firstTerm = Math.min(firstTerm, term);
            Matcher negation = NEGATION.matcher(clause);
            if (negation.find() && negation.start() < firstTerm) {
                if (review >= 0) figures.putIfAbsent(keys.review(), Figure.exact(0, source));
                if (litigation >= 0) litigationKeys.forEach(k -> figures.putIfAbsent(k, Figure.exact(0, source)));
                continue;
            }
            if (review >= 0 && !put(figures, keys.review(), REVIEW_COUNT.matcher(clause), source)) {
                put(figures, keys.review(), REVIEW_RECEIVED.matcher(clause), source);
            }
            // Suits are stored only where the text splits them into direct and after-review.
            put(figures, keys.litigationDirect(), LITIGATION_DIRECT_COUNT.matcher(clause), source);
            put(figures, keys.litigationAfterReview(), LITIGATION_AFTER_REVIEW_COUNT.matcher(clause), source);
        }
    }

    private void readDocuments(String sentence, int from, int to, Map<String, Figure> figures) {
        Matcher m = DOCUMENTS.matcher(sentence);
        while (m.find()) {
            ProseNumber number = ProseNumber.from(m);
            if (number == null) continue;
            String row = documentRow(m.group("kind"));
            String column =
                    switch (m.group("verb")) {
                        case "废止" -> "repealed";
                        case "现行有效", "现有有效", "有效" -> "in_force";
                        default -> "issued";
                    };
            String clause = m.group();
            figures.putIfAbsent(
                    cellKey(row, column),
                    Figure.of(number.value(), number.bound(), Source.prose(clause, from + m.start(), from + m.end())));
        }
    }

    /** The proactive row a printed kind of document fills (行政规范性文件 is counted as 规范性文件). */
    private String documentRow(String printedKind) {
        for (Map.Entry<String, String> kind : keys.documentKinds().entrySet()) {
            if (printedKind.endsWith(kind.getKey())) return kind.getValue();
        }
        throw new IllegalStateException("the catalogue names no row for " + printedKind);
    }

    private String cellKey(String row, String column) {
        return catalogue.row(row).stream()
                .filter(m -> column.equals(m.column()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(row + " has no column " + column))
                .key();
    }

    /** "…其中A类3条、B类4条" from just after a total; a list may run on past a full stop when its labels match. */
    private List<Part> partsAfter(String text, int pos) {
        int p = pos;
        if (p < text.length() && text.charAt(p) == ',') p++;
        if (!text.startsWith("其中", p)) return List.of();
        p += 2;
        if (p < text.length() && text.charAt(p) == ':') p++;
        List<Part> parts = new ArrayList<>();
        Matcher m = PART_ITEM.matcher(text);
        char labelEnding = 0;
        while (p < text.length() && parts.size() < 50) {
            m.region(p, Math.min(text.length(), p + 40));
            if (!m.lookingAt()) break;
            ProseNumber number = ProseNumber.from(m);
            String label = m.group("label").strip();
            if (number == null || label.isEmpty()) break;
            boolean tentative = !parts.isEmpty() && (text.charAt(p - 1) == ',' || text.charAt(p - 1) == '。');
            if (tentative && label.charAt(label.length() - 1) != labelEnding) break;
            if (parts.isEmpty()) labelEnding = label.charAt(label.length() - 1);
            int itemStart = m.start("label")
                    + (m.group("label").length()
                            - m.group("label").stripLeading().length());
            parts.add(new Part(
                    label,
                    Figure.of(
                            number.value(),
                            number.bound(),
                            Source.prose(text.substring(itemStart, m.end()), itemStart, m.end()))));
            p = m.end();
            if (p >= text.length()) break;
            char sep = text.charAt(p);
            if (sep == '、' || sep == ';' || sep == ',' || sep == '。') p++;
            else break;
        }
        return parts;
    }

    /** Every "N条,其中…" whose parts are all exact and do not add up to an exact total is a finding. */
    private void checkPartSums(String text, Map<String, Figure> figures, List<CheckResult> findings) {
        Figure items = figures.get(keys.itemsPublished());
        int at = text.indexOf("其中");
        while (at >= 0) {
            if (at == 0 || "条件项个余多上右,".indexOf(text.charAt(at - 1)) < 0) {
                at = text.indexOf("其中", at + 2);
                continue;
            }
            int windowStart = Math.max(0, at - 24);
            Matcher total = TOTAL_BEFORE_PARTS.matcher(text).region(windowStart, at);
            if (total.find()) {
                ProseNumber stated = ProseNumber.from(total);
                List<Part> parts = partsAfter(text, at);
                if (stated != null && stated.bound() == Bound.EXACT && parts.size() >= 2) {
                    BigDecimal sum = BigDecimal.ZERO;
                    boolean exact = true;
                    for (Part p : parts) {
                        sum = sum.add(p.figure().value());
                        exact &= p.figure().bound() == Bound.EXACT;
                    }
                    if (exact && sum.compareTo(stated.value()) != 0) {
                        boolean isItems = items != null
                                && items.source().start() <= total.start()
                                && total.end() <= items.source().end();
                        int sentenceEnd =
                                parts.get(parts.size() - 1).figure().source().end();
                        String quoted = text.substring(total.start(), sentenceEnd);
                        findings.add(new CheckResult(
                                "prose.parts_sum",
                                isItems ? keys.itemsPublished() : null,
                                null,
                                false,
                                sum,
                                stated.value(),
                                "「" + quoted + "」: the parts add up to " + sum.toPlainString() + ", not the stated "
                                        + stated.value().toPlainString()));
                    }
                }
            }
            at = text.indexOf("其中", at + 2);
        }
    }
}

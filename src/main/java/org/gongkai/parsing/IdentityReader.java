package org.gongkai.parsing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.canonical.CheckResult;
import org.gongkai.parsing.IdentityEvidence.Candidate;
import org.gongkai.regions.DepartmentAliases;
import org.gongkai.regions.GovernmentHosts;
import org.gongkai.regions.OcrCorrector;
import org.gongkai.regions.Region;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.regions.RegionLevel;
import org.gongkai.regions.RegionResolver;

/**
 * Finds who wrote a document, the year it reports on and when it was published, and records how it decided
 * ({@link IdentityEvidence}).
 *
 * <p>The agency is weighed from four places of the page, in this order: the report's own <b>title</b> (under article
 * 50 each body reports on its own work, and the title says whose report it is); the CMS's <b>发布机构</b> (who posted
 * it); the <b>signature</b> above the closing date (who signed it, often the office that compiled it); the
 * <b>来源</b> line (the channel of the site, which often names the site's owner rather than the author: a zone's report
 * posted with 来源：平潭县人民政府). The caller's hint comes last. The first that names exactly one region decides; a
 * name that fits several regions (市中区) is narrowed by the regions the other places and the site's host name, and
 * stays unresolved when they do not make it one. Failing that, an abbreviation (区教体局) is completed with the one
 * region of its level the page names elsewhere, a bare provincial department (教育厅) with the province of the site,
 * and a name with one OCR-confused character with the one correction that names a region (recorded as a finding).
 *
 * <p>The year is the title's, else the statistics period's (统计期限自2019年1月1日起至2019年12月31日止), else the hint's,
 * else the publication date's when it falls in the first half of a year (a report published in March 2020 covers 2019).
 */
final class IdentityReader {

    private static final Pattern TITLE_WORDS =
            Pattern.compile("报告|总结|公开情况|工作情况|实施方案|方案|要点|通知|计划|意见|办法|规定|公告|指南|目录|简报|函");
    private static final Pattern REPORT_TITLE = Pattern.compile("政府信息公开.{0,8}报告|年度报告|工作报告|工作总结|公开情况|公开工作情况|信息公开报告");
    /** The first half of a title a converter broke: it names the year or the disclosure work, not yet the report. */
    private static final Pattern BROKEN_TITLE_START = Pattern.compile("(?:19|20)\\d{2}年|公开$");

    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})年");
    private static final Pattern YEAR_WORD = Pattern.compile("(?:19|20)\\d{2}年度?");
    /** Spaces a PDF converter puts between characters ("2 0 2 3 年", "平 潭 县"). */
    private static final Pattern INNER_SPACE =
            Pattern.compile("(?<=[0-9\\u4e00-\\u9fa5])[ \\t]+(?=[0-9\\u4e00-\\u9fa5])");

    private static final Pattern AGENCY = Pattern.compile(
            "[\\u4e00-\\u9fa5]{2,30}?(?:人民政府办公厅|人民政府办公室|人民政府|委员会|办公厅|办公室|管理局|局|厅|委|办|院|中心|署|政府|部|所|站|馆|队|会|管委会)");
    /** Words a name cut short ends with: 平潭综合实验区管委 for 管委会. Names end at a complete word. */
    private static final Pattern TRUNCATED = Pattern.compile("(?:管委|管理委员|委员|人民政|办公)$");

    private static final Pattern LEVEL_ABBREVIATION = Pattern.compile("^([省市区县州旗])([\\u4e00-\\u9fa5]{2,12})$");
    private static final Pattern TITLE_AGENCY_END =
            Pattern.compile("政府信息公开|政务公开|信息公开|全面推进|关于|年度报告|工作报告|工作总结|工作要点|工作情况");
    private static final Pattern SOURCE_LINE = Pattern.compile("来源[ \\t]*:[ \\t]*([\\u4e00-\\u9fa5]{2,30})");
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?:日期|时间|发布时间|发布日期|成文日期|发文日期)[ \\t]*:[ \\t]*((?:19|20)\\d{2})[-/.年](\\d{1,2})[-/.月](\\d{1,2})");
    private static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})[-/.年](\\d{1,2})[-/.月](\\d{1,2})");
    private static final Pattern SIGNATURE_DATE = Pattern.compile("((?:19|20)\\d{2})年(\\d{1,2})月(\\d{1,2})日(印发)?");
    private static final Pattern ORIGINAL_URL = Pattern.compile("(?:原文链接|原文地址|原文网址)[ \\t]*:[ \\t]*(https?://[^\\s]+)");
    /** 统计期限自2019年1月1日起至2019年12月31日止; 统计时限为2022年1月1日至2022年12月31日; 统计期间: 2019年9月1日—12月31日. */
    private static final Pattern STATISTICS_PERIOD =
            Pattern.compile("统计(?:期限|期间|时限|时间|区间|周期|范围)[^0-9。]{0,8}((?:19|20)\\d{2})年"
                    + "\\d{1,2}月\\d{1,2}日?(?:起)?(?:至|到|—|-|~|～)(?:((?:19|20)\\d{2})年)?\\d{1,2}月");

    private static final int HEAD_LINES = 40;
    private static final int TAIL_CHARS = 600;
    private static final int HEAD_CHARS = 3000;
    private static final int END_CHARS = 3000;
    private static final int TITLE_LINE_CHARS = 60;

    private final RegionResolver regions;
    private final RegionDirectory directory;
    private final GovernmentHosts hosts;
    private final DepartmentAliases aliases;
    private final OcrCorrector ocr;

    IdentityReader(RegionResolver regions) {
        this.regions = regions;
        this.directory = RegionDirectory.standard();
        this.hosts = GovernmentHosts.standard();
        this.aliases = DepartmentAliases.standard();
        this.ocr = OcrCorrector.over(regions);
    }

    DocumentIdentity read(String text, String htmlTitle, Hints hints) {
        PageMetadata meta = PageMetadata.read(text);
        String body = text.substring(meta.bodyStart());
        String title = title(meta, body, htmlTitle);
        String tail = body.substring(Math.max(0, body.length() - TAIL_CHARS));
        String head = body.substring(0, Math.min(body.length(), HEAD_CHARS));
        // Identity sits at the top (title, 日期, 来源) or the bottom (signature, 原文链接) of a page.
        String ends = body.length() <= HEAD_CHARS + END_CHARS
                ? body
                : head + "\n" + body.substring(body.length() - END_CHARS);
        String declaredUrl = meta.get("原文链接", "原文地址", "原文网址", "页面链接", "列表页");
        String originalUrl = declaredUrl == null && ends.contains("原文") ? firstGroup(ORIGINAL_URL, ends) : declaredUrl;
        String sourceUrl = hints.sourceUrl() != null ? hints.sourceUrl() : originalUrl;
        Optional<Region> site = hosts.regionOf(hints.sourceUrl()).or(() -> hosts.regionOf(originalUrl));

        List<Named> names = new ArrayList<>();
        add(names, agencyInTitle(title), "title");
        add(names, completeName(meta.get("发布机构", "发文机关", "发布单位", "发文单位")), "publisher");
        add(names, signatureAgency(tail), "signature");
        String sourceLine = meta.get("来源", "信息来源");
        if (sourceLine == null && ends.contains("来源")) sourceLine = firstGroup(SOURCE_LINE, ends);
        add(names, completeName(firstCjkRun(sourceLine)), "source");
        add(names, hints.agency() == null ? null : hints.agency().strip(), "hint");

        List<Candidate> candidates = new ArrayList<>();
        List<CheckResult> findings = new ArrayList<>();
        Decision agency = decide(names, site, ends, candidates, findings);

        LocalDate published = publishedOn(meta, ends, tail);
        Integer year = yearOf(title, head, hints, published, candidates);
        String yearSource = year == null
                ? null
                : candidates.stream()
                        .filter(c -> c.field().equals("year"))
                        .findFirst()
                        .map(Candidate::source)
                        .orElse(null);
        List<String> missing = new ArrayList<>();
        if (agency.name == null) missing.add("agency");
        if (agency.regionCode == null) missing.add("regionCode");
        if (year == null) missing.add("year");
        IdentityEvidence evidence =
                new IdentityEvidence(agency.source, agency.printed, yearSource, candidates, missing);
        return new DocumentIdentity(
                title, agency.name, agency.regionCode, year, published, sourceUrl, evidence, findings);
    }

    /** One place of the page that names an agency. */
    private record Named(String name, String source) {}

    /** The canonical name decided, its region, where it was found, and the name as printed there (completed). */
    private record Decision(String name, String regionCode, String source, String printed) {}

    private static void add(List<Named> names, String name, String source) {
        if (name == null || name.isBlank()) return;
        if (names.stream().noneMatch(n -> n.name.equals(name))) names.add(new Named(name, source));
    }

    private Decision decide(
            List<Named> names,
            Optional<Region> site,
            String ends,
            List<Candidate> candidates,
            List<CheckResult> findings) {
        List<List<Region>> fits = new ArrayList<>();
        Set<Region> context = new LinkedHashSet<>();
        site.ifPresent(context::add);
        for (Named n : names) {
            List<Region> fit = regions.candidates(n.name);
            fits.add(fit);
            if (fit.size() == 1) context.add(fit.get(0));
        }
        for (int i = 0; i < names.size(); i++) {
            Named n = names.get(i);
            List<Region> fit = fits.get(i);
            if (fit.size() > 1) fit = narrowed(fit, context);
            candidates.add(
                    new Candidate("agency", n.name, fit.size() == 1 ? fit.get(0).code() : null, n.source));
            if (fit.size() == 1)
                return new Decision(aliases.expand(n.name), fit.get(0).code(), n.source, n.name);
        }
        for (Named n : names) {
            Decision completed = completed(n, names, site, ends, candidates, findings);
            if (completed != null) return completed;
        }
        if (names.isEmpty()) return new Decision(null, null, null, null);
        // Nothing decides: keep the first name, and list every region it could mean.
        for (int i = 0; i < names.size(); i++) {
            for (Region r : fits.get(i))
                candidates.add(new Candidate("regionCode", r.code(), r.code(), names.get(i).source));
        }
        return new Decision(aliases.expand(names.get(0).name), null, names.get(0).source, names.get(0).name);
    }

    /** The regions of a name that several fit which lie under, or over, a region the page names elsewhere. */
    private List<Region> narrowed(List<Region> fit, Set<Region> context) {
        List<Region> kept = new ArrayList<>();
        for (Region r : fit) {
            List<Region> lineage = directory.lineage(r.code());
            boolean supported = context.stream()
                    .anyMatch(c -> !c.equals(r)
                            && (lineage.contains(c)
                                    || directory.lineage(c.code()).contains(r)));
            if (supported) kept.add(r);
        }
        return kept;
    }

    /** A name that names no region, completed from elsewhere on the page, or corrected for OCR; null if neither. */
    private Decision completed(
            Named n,
            List<Named> names,
            Optional<Region> site,
            String ends,
            List<Candidate> candidates,
            List<CheckResult> findings) {
        if (!regions.candidates(n.name).isEmpty()) return null;
        Matcher abbreviation = LEVEL_ABBREVIATION.matcher(n.name);
        if (abbreviation.matches() && AGENCY.matcher(abbreviation.group(2)).matches()) {
            String level = abbreviation.group(1);
            Set<String> written = new LinkedHashSet<>();
            Region only = null;
            for (Named other : names) collectLevel(other.name, level, written);
            site.ifPresent(r -> {
                if (r.name().endsWith(level)) written.add(r.name());
            });
            if (written.isEmpty()) collectLevel(ends, level, written);
            for (String w : written) {
                Region r = regions.resolve(w).orElse(null);
                if (r == null || (only != null && !only.equals(r))) return null;
                only = r;
            }
            if (only != null) {
                String region = written.iterator().next();
                String name = region + aliases.expand(abbreviation.group(2));
                candidates.add(new Candidate("agency", name, only.code(), n.source + "+region-elsewhere"));
                return new Decision(name, only.code(), n.source, region + abbreviation.group(2));
            }
        }
        if (site.isPresent()
                && site.get().level() == RegionLevel.PROVINCE
                && (n.name.startsWith("省") || n.name.endsWith("厅"))) {
            String printed = site.get().name() + (n.name.startsWith("省") ? n.name.substring(1) : n.name);
            String name = aliases.expand(printed);
            candidates.add(new Candidate("agency", name, site.get().code(), n.source + "+url"));
            return new Decision(name, site.get().code(), n.source, printed);
        }
        Optional<OcrCorrector.Correction> correction = ocr.correct(n.name);
        if (correction.isPresent()) {
            OcrCorrector.Correction c = correction.get();
            String name = aliases.expand(c.corrected());
            candidates.add(new Candidate("agency", name, c.region().code(), "ocr-correction"));
            findings.add(new CheckResult(
                    "identity.ocr_correction",
                    null,
                    null,
                    false,
                    null,
                    null,
                    "the " + n.source + " names \"" + c.written() + "\", which names no region; read as \""
                            + c.corrected() + "\" (" + c.region().name() + ", "
                            + c.region().code()
                            + "), the only correction of one OCR-confused character that names a region"));
            return new Decision(name, c.region().code(), n.source, c.corrected());
        }
        return null;
    }

    /** Region names of the given level (区, 县, 市 …) written in the text, as written. */
    private void collectLevel(String text, String level, Set<String> out) {
        for (RegionResolver.NamedRegion named : regions.namedIn(text)) {
            if (named.name().endsWith(level) && named.regions().size() == 1) out.add(named.name());
        }
    }

    /** The CMS title, else the report title at the top of the body (joined when broken over lines), else the HTML title. */
    private static String title(PageMetadata meta, String body, String htmlTitle) {
        String declared = meta.get("标题", "题名", "名称");
        if (declared != null) return tidy(declared);
        return title(body, htmlTitle);
    }

    /** The first short line near the top that reads like a title; else the HTML title; else the first line. */
    static String title(String text, String htmlTitle) {
        List<String> lines = new ArrayList<>();
        int pos = 0;
        for (int line = 0; line < HEAD_LINES && pos < text.length(); line++) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) eol = text.length();
            String candidate = tidy(cleanTitle(text.substring(pos, Math.min(eol, pos + 200))));
            pos = eol + 1;
            if (!candidate.isEmpty()) lines.add(candidate);
        }
        // A report's own title beats menus and breadcrumbs that happen to say 通知 or 公告.
        for (int i = 0; i < lines.size(); i++) {
            String joined = reportTitleAt(lines, i);
            if (joined != null) return joined;
        }
        if (htmlTitle != null && !htmlTitle.isBlank()) {
            String t = tidy(cleanTitle(TextNormalizer.normalize(htmlTitle)));
            if (TITLE_WORDS.matcher(t).find()) return t;
        }
        for (String line : lines) {
            if (line.length() >= 4
                    && line.length() <= 80
                    && hasCjk(line)
                    && TITLE_WORDS.matcher(line).find()
                    && !isNavigation(line)) return line;
        }
        if (htmlTitle != null && !htmlTitle.isBlank()) return tidy(cleanTitle(TextNormalizer.normalize(htmlTitle)));
        for (String line : lines)
            if (line.length() >= 4 && hasCjk(line)) return line.substring(0, Math.min(80, line.length()));
        return "";
    }

    /**
     * The report title starting at line i: the line itself, or the line with the next when a converter broke the
     * title over two ("2023年××市人民政府办公室政府信息公开" / "工作年度报告"), with an agency line above it when the title
     * starts with its year ("××市人民政府办公室" / "2023年政府信息公开工作年度报告").
     */
    private static String reportTitleAt(List<String> lines, int i) {
        String line = lines.get(i);
        if (!isTitleLine(line)) return null;
        String title = null;
        if (REPORT_TITLE.matcher(line).find()) title = line;
        else if (i + 1 < lines.size() && isTitleLine(lines.get(i + 1))) {
            String joined = line + lines.get(i + 1);
            if (BROKEN_TITLE_START.matcher(line).find()
                    && REPORT_TITLE.matcher(joined).find()) title = joined;
        }
        if (title == null) return null;
        if (i > 0 && YEAR.matcher(title).lookingAt() && isTitleLine(lines.get(i - 1))) {
            String above = lines.get(i - 1);
            if (AGENCY.matcher(above).matches() && !TRUNCATED.matcher(above).find()) return above + title;
        }
        return title;
    }

    private static boolean isTitleLine(String line) {
        return line.length() <= TITLE_LINE_CHARS
                && line.length() >= 2
                && hasCjk(line)
                && !isNavigation(line)
                && line.indexOf('。') < 0
                && line.indexOf(':') < 0;
    }

    /** A title as a person reads it: no converter spaces inside words or numbers ("2 0 2 3 年" → "2023年"). */
    static String tidy(String title) {
        return INNER_SPACE.matcher(title.strip()).replaceAll("");
    }

    private static boolean isNavigation(String line) {
        return line.contains(">") || line.contains("首页") || line.contains("您的位置") || line.contains("当前位置");
    }

    private static String cleanTitle(String line) {
        String s = line.replace('\t', ' ').strip();
        int i = 0;
        while (i < s.length()
                && (s.charAt(i) == '•'
                        || s.charAt(i) == '|'
                        || s.charAt(i) == '·'
                        || s.charAt(i) == ' '
                        || s.charAt(i) == '*'
                        || s.charAt(i) == '#')) i++;
        int j = s.length();
        while (j > i && (s.charAt(j - 1) == '|' || s.charAt(j - 1) == ' ')) j--;
        return s.substring(i, j);
    }

    private static boolean hasCjk(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= '\u4e00' && s.charAt(i) <= '\u9fa5') return true;
        return false;
    }

    /**
     * "牡丹江市教育局 2019年政府信息公开工作年度报告" → 牡丹江市教育局; "2024年教育厅政务公开工作总结" → 教育厅;
     * "平潭综合实验区2022年度政府信息公开工作年度报告" → 平潭综合实验区 (a region or zone is named for its government).
     */
    String agencyInTitle(String title) {
        if (title == null) return null;
        String s = YEAR_WORD.matcher(title).replaceAll("").replace(" ", "");
        Matcher end = TITLE_AGENCY_END.matcher(s);
        if (!end.find() || end.start() < 2) return null;
        String prefix = s.substring(0, end.start());
        if (prefix.length() > 40) return null;
        if (regions.isRegionName(prefix)) return prefix;
        // The whole prefix must be the agency: "XX局" before "政府信息公开", not words before it.
        return AGENCY.matcher(prefix).matches() && !TRUNCATED.matcher(prefix).find() ? prefix : null;
    }

    /** The whole value when it is one complete agency name, else null ("平潭综合实验区管委" is cut short). */
    private static String completeName(String value) {
        if (value == null) return null;
        String s = value.strip();
        if (s.length() < 3 || s.length() > 30) return null;
        return AGENCY.matcher(s).matches() && !TRUNCATED.matcher(s).find() ? s : null;
    }

    private static String firstCjkRun(String s) {
        if (s == null) return null;
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '\u4e00' && s.charAt(i) <= '\u9fa5') i++;
        return i == 0 ? null : s.substring(0, i);
    }

    /**
     * The agency signing above the closing date near the end ("定西市教育局 2017年12月30日"), on the same line or the
     * line before; an issuing note ("…办公室 2020年1月13日印发") is no signature.
     */
    private String signatureAgency(String tail) {
        Matcher date = SIGNATURE_DATE.matcher(tail);
        String found = null;
        while (date.find()) {
            if (date.group(4) != null) continue;
            String agency = nameBefore(tail, date.start());
            if (agency == null) {
                int lineStart = tail.lastIndexOf('\n', date.start() - 1) + 1;
                if (tail.substring(lineStart, date.start()).isBlank() && lineStart > 1)
                    agency = nameBefore(tail, lineStart - 1);
            }
            if (agency != null) found = agency;
        }
        return found;
    }

    /** The run of Chinese characters ending just before {@code end}, from the first region name in it when it has one. */
    private String nameBefore(String text, int end) {
        int e = end;
        while (e > 0 && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\t')) e--;
        int s = e;
        while (s > 0 && e - s < 30 && text.charAt(s - 1) >= '\u4e00' && text.charAt(s - 1) <= '\u9fa5') s--;
        String run = text.substring(s, e);
        List<RegionResolver.NamedRegion> named = regions.namedIn(run);
        if (!named.isEmpty()) run = run.substring(run.indexOf(named.get(0).name()));
        return completeName(run);
    }

    private static LocalDate publishedOn(PageMetadata meta, String text, String tail) {
        String declared = meta.get("发布时间", "发布日期", "成文日期", "发文日期", "生成日期");
        if (declared != null) {
            Matcher d = DATE.matcher(declared);
            if (d.find()) {
                LocalDate date = date(d.group(1), d.group(2), d.group(3));
                if (date != null) return date;
            }
        }
        Matcher m = DATE_LINE.matcher(text);
        if ((text.contains("日期") || text.contains("时间")) && m.find()) {
            LocalDate d = date(m.group(1), m.group(2), m.group(3));
            if (d != null) return d;
        }
        Matcher s = SIGNATURE_DATE.matcher(tail);
        LocalDate last = null;
        while (s.find()) {
            LocalDate d = date(s.group(1), s.group(2), s.group(3));
            if (d != null) last = d;
        }
        return last;
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** The year reported on, with every year the document offers recorded as a candidate, the deciding one first. */
    private static Integer yearOf(
            String title, String head, Hints hints, LocalDate published, List<Candidate> candidates) {
        Integer year = null;
        Matcher t = YEAR.matcher(title == null ? "" : title);
        if (t.find()) year = offer(candidates, null, Integer.valueOf(t.group(1)), "title");
        Matcher p = STATISTICS_PERIOD.matcher(head);
        if (p.find() && (p.group(2) == null || p.group(2).equals(p.group(1))))
            year = offer(candidates, year, Integer.valueOf(p.group(1)), "statistics-period");
        if (hints.year() != null) year = offer(candidates, year, hints.year(), "hint");
        // Published in the first half of year N: the report on N−1 (the regulation asks for it by 31 January, later
        // by 31 March; late ones follow). Later in the year the date says nothing sure.
        if (published != null && published.getMonthValue() <= 6)
            year = offer(candidates, year, published.getYear() - 1, "publication-date");
        return year;
    }

    private static Integer offer(List<Candidate> candidates, Integer decided, int year, String source) {
        candidates.add(new Candidate("year", Integer.toString(year), null, source));
        return decided != null ? decided : year;
    }

    private static String firstGroup(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}

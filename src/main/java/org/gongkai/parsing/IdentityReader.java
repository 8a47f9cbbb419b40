package org.gongkai.parsing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.regions.Region;
import org.gongkai.regions.RegionResolver;

/**
 * Finds who wrote a document, the year it reports on and when it was published. The agency comes from the title, a
 * "来源:" line, the signature or the caller's hint, the first that names a region; a name without one ("教育厅") is
 * completed from the province of the original's web address (jyt.ah.gov.cn → 安徽省). The title's year wins over
 * the publication date, since a report published on 2020-01-31 covers 2019.
 */
final class IdentityReader {

    private static final Pattern TITLE_WORDS = Pattern.compile("报告|总结|公开情况|工作情况|实施方案|方案|要点|通知|计划|意见|办法|规定|公告|指南|目录|简报");
    private static final Pattern REPORT_TITLE = Pattern.compile("政府信息公开.{0,8}报告|年度报告|工作报告|工作总结|公开情况|公开工作情况|信息公开报告");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s?年");
    private static final Pattern YEAR_WORD = Pattern.compile("(?:19|20)\\d{2}\\s?年度?");
    private static final Pattern BODY_YEAR = Pattern.compile("((?:19|20)\\d{2})年度?(?:政府信息公开|政务公开|信息公开|,|的)");
    private static final Pattern AGENCY = Pattern.compile(
            "[\\u4e00-\\u9fa5]{2,30}?(?:人民政府办公厅|人民政府办公室|人民政府|委员会|办公厅|办公室|管理局|局|厅|委|办|院|中心|署|政府|部|所|站|馆|队|会)");
    private static final Pattern TITLE_AGENCY_END =
            Pattern.compile("政府信息公开|政务公开|信息公开|全面推进|关于|年度报告|工作报告|工作总结|工作要点|工作情况");
    private static final Pattern SOURCE_LINE = Pattern.compile("来源[ \\t]*:[ \\t]*([\\u4e00-\\u9fa5]{2,30})");
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?:日期|时间|发布时间|发布日期|成文日期|发文日期)[ \\t]*:[ \\t]*((?:19|20)\\d{2})[-/.年](\\d{1,2})[-/.月](\\d{1,2})");
    private static final Pattern SIGNATURE_DATE = Pattern.compile("((?:19|20)\\d{2})年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern ORIGINAL_URL = Pattern.compile("(?:原文链接|原文地址|原文网址)[ \\t]*:[ \\t]*(https?://[^\\s]+)");
    private static final Pattern GOV_HOST = Pattern.compile("https?://(?:[a-z0-9-]+\\.)*?([a-z]+)\\.gov\\.cn");
    private static final Map<String, String> PROVINCE_HOSTS = Map.ofEntries(
            Map.entry("bj", "北京市"),
            Map.entry("beijing", "北京市"),
            Map.entry("tj", "天津市"),
            Map.entry("tianjin", "天津市"),
            Map.entry("hebei", "河北省"),
            Map.entry("shanxi", "山西省"),
            Map.entry("nmg", "内蒙古自治区"),
            Map.entry("ln", "辽宁省"),
            Map.entry("jl", "吉林省"),
            Map.entry("hlj", "黑龙江省"),
            Map.entry("sh", "上海市"),
            Map.entry("js", "江苏省"),
            Map.entry("jiangsu", "江苏省"),
            Map.entry("zj", "浙江省"),
            Map.entry("zhejiang", "浙江省"),
            Map.entry("ah", "安徽省"),
            Map.entry("fj", "福建省"),
            Map.entry("fujian", "福建省"),
            Map.entry("jiangxi", "江西省"),
            Map.entry("jx", "江西省"),
            Map.entry("sd", "山东省"),
            Map.entry("shandong", "山东省"),
            Map.entry("henan", "河南省"),
            Map.entry("hubei", "湖北省"),
            Map.entry("hunan", "湖南省"),
            Map.entry("gd", "广东省"),
            Map.entry("gxzf", "广西壮族自治区"),
            Map.entry("hainan", "海南省"),
            Map.entry("cq", "重庆市"),
            Map.entry("sc", "四川省"),
            Map.entry("guizhou", "贵州省"),
            Map.entry("yn", "云南省"),
            Map.entry("xizang", "西藏自治区"),
            Map.entry("shaanxi", "陕西省"),
            Map.entry("gansu", "甘肃省"),
            Map.entry("qinghai", "青海省"),
            Map.entry("nx", "宁夏回族自治区"),
            Map.entry("xinjiang", "新疆维吾尔自治区"));
    private static final int HEAD_LINES = 40;
    private static final int TAIL_CHARS = 600;
    private static final int HEAD_CHARS = 3000;
    private static final int END_CHARS = 3000;

    private final RegionResolver regions;

    IdentityReader(RegionResolver regions) {
        this.regions = regions;
    }

    DocumentIdentity read(String text, String htmlTitle, Hints hints) {
        String title = title(text, htmlTitle);
        String tail = text.substring(Math.max(0, text.length() - TAIL_CHARS));
        // Identity sits at the top (title, 日期, 来源) or the bottom (signature, 原文链接) of a page.
        String ends = text.length() <= HEAD_CHARS + END_CHARS
                ? text
                : text.substring(0, HEAD_CHARS) + "\n" + text.substring(text.length() - END_CHARS);
        String originalUrl = ends.contains("原文") ? firstGroup(ORIGINAL_URL, ends) : null;
        String sourceUrl = hints.sourceUrl() != null ? hints.sourceUrl() : originalUrl;

        List<String> candidates = new ArrayList<>();
        addIfPresent(candidates, agencyInTitle(title));
        String sourceLine = ends.contains("来源") ? firstGroup(SOURCE_LINE, ends) : null;
        if (sourceLine != null) addIfPresent(candidates, firstMatch(AGENCY, sourceLine));
        addIfPresent(candidates, signatureAgency(tail));
        addIfPresent(candidates, hints.agency());

        String agency = null;
        String regionCode = null;
        for (String candidate : candidates) {
            Optional<Region> region = regions.resolve(candidate);
            if (region.isPresent()) {
                agency = candidate;
                regionCode = region.get().code();
                break;
            }
        }
        if (agency == null && !candidates.isEmpty()) {
            agency = candidates.get(0);
            String province = provinceOf(originalUrl != null ? originalUrl : sourceUrl);
            if (province != null) {
                String qualified = province + stripProvinceWord(agency);
                Optional<Region> region = regions.resolve(qualified);
                if (region.isPresent()) {
                    agency = qualified;
                    regionCode = region.get().code();
                }
            }
        }
        LocalDate published = publishedOn(ends, tail);
        Integer year = yearOf(title, text, hints, published);
        return new DocumentIdentity(title, agency, regionCode, year, published, sourceUrl);
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isBlank() && !list.contains(value)) list.add(value.strip());
    }

    /** The first short line near the top that reads like a title; else the HTML title; else the first line. */
    static String title(String text, String htmlTitle) {
        List<String> lines = new ArrayList<>();
        int pos = 0;
        for (int line = 0; line < HEAD_LINES && pos < text.length(); line++) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) eol = text.length();
            String candidate = cleanTitle(text.substring(pos, Math.min(eol, pos + 200)));
            pos = eol + 1;
            if (candidate.length() >= 4 && hasCjk(candidate)) lines.add(candidate);
        }
        // A report's own title beats menus and breadcrumbs that happen to say 通知 or 公告.
        for (String line : lines)
            if (line.length() <= 80 && REPORT_TITLE.matcher(line).find()) return line;
        if (htmlTitle != null && !htmlTitle.isBlank()) {
            String t = cleanTitle(TextNormalizer.normalize(htmlTitle));
            if (TITLE_WORDS.matcher(t).find()) return t;
        }
        for (String line : lines) {
            if (line.length() <= 80 && TITLE_WORDS.matcher(line).find() && !isNavigation(line)) return line;
        }
        if (htmlTitle != null && !htmlTitle.isBlank()) return cleanTitle(TextNormalizer.normalize(htmlTitle));
        return lines.isEmpty()
                ? ""
                : lines.get(0).substring(0, Math.min(80, lines.get(0).length()));
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

    /** "牡丹江市教育局 2019年政府信息公开工作年度报告" → 牡丹江市教育局; "2024年教育厅政务公开工作总结" → 教育厅. */
    static String agencyInTitle(String title) {
        if (title == null) return null;
        String s = YEAR_WORD.matcher(title).replaceAll("").replace(" ", "");
        Matcher end = TITLE_AGENCY_END.matcher(s);
        if (!end.find() || end.start() < 2) return null;
        String prefix = s.substring(0, end.start());
        Matcher agency = AGENCY.matcher(prefix);
        String found = null;
        while (agency.find()) found = agency.group();
        // The agency must close the prefix: "XX局" before "政府信息公开", not words before it.
        return found != null && prefix.endsWith(found) && prefix.length() <= 40 ? prefix : null;
    }

    /** "定西市教育局 2017年12月30日" (or the agency on the line before the date) near the end. */
    private static String signatureAgency(String tail) {
        Matcher date = SIGNATURE_DATE.matcher(tail);
        String found = null;
        while (date.find()) {
            int lineStart = tail.lastIndexOf('\n', date.start() - 1) + 1;
            String before = tail.substring(lineStart, date.start()).strip();
            if (before.isEmpty() && lineStart > 1) {
                int prev = tail.lastIndexOf('\n', lineStart - 2) + 1;
                before = tail.substring(prev, lineStart - 1).strip();
            }
            String agency = wholeAgency(before);
            if (agency != null) found = agency;
        }
        return found;
    }

    private static String wholeAgency(String s) {
        if (s.length() < 3 || s.length() > 30) return null;
        Matcher m = AGENCY.matcher(s);
        return m.matches() ? s : null;
    }

    private static String stripProvinceWord(String agency) {
        return agency.startsWith("省") ? agency.substring(1) : agency;
    }

    private static String provinceOf(String url) {
        if (url == null) return null;
        Matcher m = GOV_HOST.matcher(url.toLowerCase(java.util.Locale.ROOT));
        return m.find() ? PROVINCE_HOSTS.get(m.group(1)) : null;
    }

    private static LocalDate publishedOn(String text, String tail) {
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

    private static Integer yearOf(String title, String text, Hints hints, LocalDate published) {
        Matcher t = YEAR.matcher(title == null ? "" : title);
        if (t.find()) return Integer.valueOf(t.group(1));
        Matcher b = BODY_YEAR.matcher(text.substring(0, Math.min(text.length(), 3000)));
        if (b.find()) return Integer.valueOf(b.group(1));
        if (hints.year() != null) return hints.year();
        return published == null ? null : published.getYear() - 1;
    }

    private static String firstGroup(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String firstMatch(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group() : null;
    }
}

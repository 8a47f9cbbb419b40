package org.gongkai.parsing;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.canonical.ReportFormat;

/**
 * Decides whether a document is an annual report, and in which format, from the kind of document it is, never from
 * the column it was filed in:
 *
 * <ol>
 *   <li>the disclosure tables with values make it a report in their format;
 *   <li>a list of many titles with dates and no report body is an index or column page;
 *   <li>the form's labels with no values in their cells are a blank template (or a notice issuing one);
 *   <li>the title's last word names the document's kind — a Chinese title ends with its kind, so
 *       "关于2014年政府信息公开工作要点落实情况的函" is a letter and "…关于政府信息公开工作年度报告有关事项的通知" a notice,
 *       whatever report words come before it;
 *   <li>without a telling title, a body that reports figures as a report does makes a narrative report.
 * </ol>
 */
final class DocumentClassifier {

    private static final Pattern KIND_WORD =
            Pattern.compile("报告|年报|总结|情况|通知|函|通报|方案|要点|意见|办法|规定|细则|指南|目录|计划|分解表|清单|公告|通告" + "|决定|批复|请示|决算|预算|制度|规划");
    private static final Set<String> REPORT_KINDS = Set.of("报告", "年报", "总结", "情况");
    private static final Pattern REPORT_BODY = Pattern.compile("报告如下|本报告|工作总结如下|总体情况|一、概述");
    /** A date as index pages print it beside each title: "…年度报告 2024-03-08". */
    private static final Pattern LIST_DATE = Pattern.compile("(?:19|20)\\d{2}-\\d{1,2}-\\d{1,2}");
    /** The title before a list date: one with a year, ending with its kind. */
    private static final Pattern LISTED_TITLE = Pattern.compile(
            "[\\u4e00-\\u9fa5]{2,40}(?:19|20)\\d{2}[\\u4e00-\\u9fa5]{2,40}(?:报告|年报|总结|通知|公告|函)[ \\t\\[\\]【】()]*$");

    private static final int LIST_ENTRIES = 5;
    /** Row labels every annual-report form prints (2019 and 2021 alike). */
    private static final String[] FORM_LABELS = {
        "本年新收政府信息公开申请数量",
        "上年结转政府信息公开申请数量",
        "本年度办理结果",
        "予以公开",
        "部分公开",
        "不予公开",
        "本机关不掌握相关政府信息",
        "没有现成信息需要另行制作",
        "补正后申请内容仍不明确",
        "信访举报投诉类申请",
        "重复申请",
        "要求提供公开出版物",
        "结转下年度继续办理",
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构"
    };

    private static final int TEMPLATE_LABELS = 12;
    /** A number in a cell: digits not followed by the "." or "、" of a label's numbering ("1.属于国家秘密"). */
    private static final Pattern CELL_NUMBER = Pattern.compile("\\d+(?![\\d.、)）])");

    private static final int TEMPLATE_MAX_NUMBERS = 2;
    /**
     * Titles of documents that look like reports but are not: a blank template of the report's tables
     * (…年度报告格式模板) and the other yearly disclosures with dense tables, final accounts and budgets (部门决算,
     * 预算), whose 总计 rows would otherwise read as disclosure tables.
     */
    private static final Pattern LOOKALIKE_TITLE = Pattern.compile("模板|模版|样表|样张|决算|预算");

    Classification classify(
            String title, String text, boolean hasTables, ReportFormat tableFormat, boolean hasProseFigures) {
        Matcher lookalike = LOOKALIKE_TITLE.matcher(title == null ? "" : title);
        if (lookalike.find()) {
            return new Classification(
                    DocumentKind.NOT_A_REPORT,
                    "the title \"" + title + "\" names a " + lookalike.group() + " ("
                            + describe(lookalike.group()) + "), not an annual report on government information"
                            + " disclosure");
        }
        if (hasTables) {
            return new Classification(
                    DocumentKind.of(tableFormat),
                    "the disclosure tables of the " + tableFormat.code() + " format are present");
        }
        boolean reportBody = REPORT_BODY.matcher(text).find();
        int listed = datedTitles(text);
        if (listed >= LIST_ENTRIES && !reportBody) {
            return new Classification(
                    DocumentKind.NOT_A_REPORT,
                    "a list of " + listed + " titles with dates and no report body: an index or column page");
        }
        if (isBlankForm(text)) {
            return new Classification(
                    DocumentKind.NOT_A_REPORT,
                    "the annual-report form's labels with no values in their cells: a blank template or a notice"
                            + " issuing it");
        }
        String t = title == null ? "" : title;
        String kind = lastKindWord(t);
        if (kind != null && REPORT_KINDS.contains(kind)) {
            return new Classification(
                    DocumentKind.REPORT_NARRATIVE, "the title \"" + t + "\" names a report or summary of the year");
        }
        if (kind != null) {
            return new Classification(
                    DocumentKind.NOT_A_REPORT,
                    "the title \"" + t + "\" names a " + kind + " (" + describe(kind)
                            + "), not an annual report on government information disclosure");
        }
        if (hasProseFigures && reportBody) {
            return new Classification(
                    DocumentKind.REPORT_NARRATIVE, "the body reports the year's disclosure figures in prose");
        }
        return new Classification(
                DocumentKind.NOT_A_REPORT,
                "no report title, no disclosure tables and no stated disclosure figures: a news item or other page");
    }

    /** The kind word that ends the title (the last one in it), or null when it has none. */
    private static String lastKindWord(String title) {
        Matcher m = KIND_WORD.matcher(title);
        String last = null;
        while (m.find()) last = m.group();
        return last;
    }

    /** How many distinct titles with dates the text lists. */
    private static int datedTitles(String text) {
        Matcher date = LIST_DATE.matcher(text);
        Set<String> titles = new HashSet<>();
        while (date.find()) {
            Matcher title = LISTED_TITLE.matcher(text).region(Math.max(0, date.start() - 90), date.start());
            if (title.find()) titles.add(title.group().strip());
        }
        return titles.size();
    }

    /** The form's labels are (nearly) all there, and the cells between the first and the last hold no numbers. */
    private static boolean isBlankForm(String text) {
        int labels = 0;
        for (String label : FORM_LABELS) if (text.contains(label)) labels++;
        if (labels < TEMPLATE_LABELS) return false;
        int from = text.indexOf(FORM_LABELS[0]);
        int to = text.indexOf(FORM_LABELS[12], Math.max(from, 0));
        if (from < 0 || to < 0) return false;
        Matcher numbers = CELL_NUMBER.matcher(text).region(from, Math.min(text.length(), to + 60));
        int found = 0;
        while (numbers.find()) if (++found > TEMPLATE_MAX_NUMBERS) return false;
        return true;
    }

    private static String describe(String word) {
        return switch (word) {
            case "方案" -> "an implementation plan";
            case "要点", "计划", "规划", "分解表" -> "a work plan";
            case "通知", "通报", "公告", "通告" -> "a notice";
            case "函", "请示", "批复" -> "a letter";
            case "意见" -> "an opinion";
            case "办法", "规定", "细则", "制度", "决定" -> "rules";
            case "指南" -> "a guide";
            case "目录", "清单" -> "a catalogue";
            case "模板", "模版", "样表", "样张" -> "a blank template";
            case "决算" -> "final accounts";
            case "预算" -> "a budget";
            default -> "another kind of document";
        };
    }
}

package org.gongkai.parsing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.canonical.ReportFormat;

/**
 * Decides whether a document is an annual report, and in which format: tables decide the format; otherwise a report
 * title (年度报告, 工作总结, 公开情况) or stated disclosure figures make it a narrative report; a title naming another
 * kind of document (实施方案, 工作要点, 通知) makes it not a report.
 */
final class DocumentClassifier {

    private static final Pattern REPORT_TITLE = Pattern.compile("报告|年报|工作总结|公开情况|工作情况|总结");
    private static final Pattern OTHER_TITLE = Pattern.compile("实施方案|工作要点|通知|工作计划|实施意见|意见|办法|规定|指南|目录|方案|计划|要点");
    /**
     * Titles of documents that look like reports but are not: a blank template of the report's tables
     * (…年度报告格式模板) and the other yearly disclosures with dense tables, final accounts and budgets (部门决算,
     * 预算), whose 总计 rows would otherwise read as disclosure tables.
     */
    private static final Pattern LOOKALIKE_TITLE = Pattern.compile("模板|模版|样表|样张|决算|预算");

    private static final Pattern REPORT_BODY = Pattern.compile("报告如下|年度报告|本报告|工作总结如下");

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
        String t = title == null ? "" : title;
        boolean reportTitle = REPORT_TITLE.matcher(t).find();
        Matcher other = OTHER_TITLE.matcher(t);
        if (reportTitle && !(other.find() && !t.contains("报告"))) {
            return new Classification(
                    DocumentKind.REPORT_NARRATIVE, "the title \"" + t + "\" names a report or summary of the year");
        }
        other.reset();
        if (other.find()) {
            return new Classification(
                    DocumentKind.NOT_A_REPORT,
                    "the title \"" + t + "\" names a " + other.group() + " (" + describe(other.group())
                            + "), not an annual report on government information disclosure");
        }
        if (hasProseFigures && REPORT_BODY.matcher(text).find()) {
            return new Classification(
                    DocumentKind.REPORT_NARRATIVE, "the body reports the year's disclosure figures in prose");
        }
        return new Classification(
                DocumentKind.NOT_A_REPORT,
                "no report title, no disclosure tables and no stated disclosure figures: a news item or other page");
    }

    private static String describe(String word) {
        return switch (word) {
            case "实施方案", "方案" -> "an implementation plan";
            case "工作要点", "要点" -> "a work plan";
            case "通知" -> "a notice";
            case "工作计划", "计划" -> "a plan";
            case "实施意见", "意见" -> "an opinion";
            case "办法", "规定" -> "rules";
            case "指南" -> "a guide";
            case "目录" -> "a catalogue";
            case "模板", "模版", "样表", "样张" -> "a blank template";
            case "决算" -> "final accounts";
            case "预算" -> "a budget";
            default -> "another kind of document";
        };
    }
}

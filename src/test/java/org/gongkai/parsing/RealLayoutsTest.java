package org.gongkai.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.SourceMethod;
import org.junit.jupiter.api.Test;

/**
 * Fragments written to look like pages of other sites and converters (not the project's renderer, not the corpus):
 * flattened tables whose cells ran together, PDF-to-markdown pipe tables, Word-exported HTML, the pre-2019 statistics
 * annex, and prose that must state no more than it says. Every expected value is computed by hand in the comments.
 */
class RealLayoutsTest {

    private static final DocumentParser PARSER = DocumentParser.standard();

    private static ParsedDocument parse(String text) {
        return PARSER.parse(text, "text/plain", Hints.none());
    }

    private static Map<String, Figure> figures(ParsedDocument doc) {
        return doc.report().figures();
    }

    private static BigDecimal value(ParsedDocument doc, String key) {
        Figure f = figures(doc).get(key);
        return f == null ? null : f.value();
    }

    private static String method(ParsedDocument doc, String key) {
        return figures(doc).get(key).source().method();
    }

    @Test
    void cutsRunTogetherRowsWhereTheTablesArithmeticAllowsOneCut() {
        // 一: 9|2|0|0|0|0|11 ("92000011" also reads 9|20|…, which breaks the row sum); 二: 1|0|0|0|0|0|1;
        // 予以公开 6|1|0|0|0|0|7; 无法提供·不掌握 3|1|…|4; 总计 10|2|…|12;
        // 结转 0. Every other row is seven zeros, glued to the next item's number ("00000002.其他…").
        String zeros = "0000000";
        String doc = "某县自然资源局2022年政府信息公开工作年度报告 一、总体情况 略。 三、收到和处理政府信息公开申请情况"
                + "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
                + "一、本年新收政府信息公开申请数量92000011二、上年结转政府信息公开申请数量1000001三、本年度办理结果"
                + "（一）予以公开6100007（二）部分公开（区分处理的，只计这一情形，不计其他情形）" + zeros
                + "（三）不予公开1.属于国家秘密" + zeros + "2.其他法律行政法规禁止公开" + zeros + "3.危及“三安全一稳定”" + zeros
                + "4.保护第三方合法权益" + zeros + "5.属于三类内部事务信息" + zeros + "6.属于四类过程性信息" + zeros
                + "7.属于行政执法案卷" + zeros + "8.属于行政查询事项" + zeros + "（四）无法提供1.本机关不掌握相关政府信息3100004"
                + "2.没有现成信息需要另行制作" + zeros + "3.补正后申请内容仍不明确" + zeros + "（五）不予处理1.信访举报投诉类申请" + zeros
                + "2.重复申请" + zeros + "3.要求提供公开出版物" + zeros + "4.无正当理由大量反复申请" + zeros
                + "5.要求行政机关确认或重新出具已获取信息" + zeros + "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
                + zeros + "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" + zeros + "3.其他" + zeros
                + "（七）总计102000012四、结转下年度继续办理" + zeros
                + "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
                + "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
                + "100123100400000五、存在的主要问题及改进情况 无。";
        ParsedDocument parsed = parse(doc);

        assertThat(parsed.classification().code()).isEqualTo("report-2021");
        assertThat(value(parsed, "requests.new.natural_person")).isEqualByComparingTo("9");
        assertThat(value(parsed, "requests.new.commercial")).isEqualByComparingTo("2");
        assertThat(value(parsed, "requests.new.total")).isEqualByComparingTo("11");
        assertThat(value(parsed, "requests.carried_over.total")).isEqualByComparingTo("1");
        assertThat(value(parsed, "outcome.granted.total")).isEqualByComparingTo("7");
        assertThat(value(parsed, "outcome.unavailable.not_held.total")).isEqualByComparingTo("4");
        assertThat(value(parsed, "outcome.total.total")).isEqualByComparingTo("12");
        assertThat(value(parsed, "requests.carried_forward.total")).isEqualByComparingTo("0");
        assertThat(method(parsed, "requests.new.total")).isEqualTo(SourceMethod.ARITHMETIC_SPLIT.code());
        // Section 四, one digit per cell: 复议 1|0|0|1|2, 直接起诉 3|1|0|0|4, 复议后起诉 all 0.
        assertThat(value(parsed, "review.total")).isEqualByComparingTo("2");
        assertThat(value(parsed, "litigation.direct.total")).isEqualByComparingTo("4");
        assertThat(value(parsed, "litigation.after_review.total")).isEqualByComparingTo("0");
        assertThat(parsed.report().findings()).noneMatch(f -> f.rule().equals("table.ambiguous_split"));
    }

    @Test
    void leavesCellsEmptyWhenSeveralCutsSatisfyTheArithmetic() {
        // "101000011" is 10|1|0|0|0|0|11 or 1|0|10|0|0|0|11: both add up, and no other row decides between them.
        // Every cut agrees on the 总计 (11) and on the last three organisation columns (0); "12345" under 规范性文件
        // has no arithmetic at all (1|2|345, 12|3|45, …), so none of its cells is stored.
        ParsedDocument parsed = parse("某区教育局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况 信息内容 本年制发件数 本年废止件数 现行有效件数 "
                + "规章000规范性文件12345 三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量101000011 五、其他 无");

        assertThat(value(parsed, "proactive.rules.issued")).isEqualByComparingTo("0");
        assertThat(figures(parsed))
                .doesNotContainKeys(
                        "proactive.normative_docs.issued",
                        "proactive.normative_docs.repealed",
                        "proactive.normative_docs.in_force",
                        "requests.new.natural_person",
                        "requests.new.commercial",
                        "requests.new.research");
        assertThat(value(parsed, "requests.new.total")).isEqualByComparingTo("11");
        assertThat(value(parsed, "requests.new.other_org")).isEqualByComparingTo("0");
        assertThat(parsed.report().findings())
                .filteredOn(f -> f.rule().equals("table.ambiguous_split"))
                .extracting(CheckResult::row)
                .contains("proactive.normative_docs", "requests.new");
        assertThat(parsed.report().findings())
                .filteredOn(f -> "requests.new".equals(f.row()))
                .singleElement()
                .extracting(CheckResult::message)
                .asString()
                .contains("10|1|0|0|0|0|11", "1|0|10|0|0|0|11");
    }

    @Test
    void readsIrregularlySpacedRowsAsTheirDigitsAllow() {
        // " 0 0 0 0 0 00": five cells, then 其他 and 总计 glued; " 3 0 0 0 0 03" likewise (3 then 0|3).
        ParsedDocument parsed = parse("某局2019年政府信息公开工作年度报告 三、收到和处理政府信息公开申请情况 "
                + "一、本年新收政府信息公开申请数量 3 0 0 0 0 03二、上年结转政府信息公开申请数量 0 0 0 0 0 00");

        assertThat(value(parsed, "requests.new.natural_person")).isEqualByComparingTo("3");
        assertThat(value(parsed, "requests.new.other_org")).isEqualByComparingTo("0");
        assertThat(value(parsed, "requests.new.total")).isEqualByComparingTo("3");
        assertThat(value(parsed, "requests.carried_over.total")).isEqualByComparingTo("0");
    }

    @Test
    void readsMarkdownPipeTablesFromPdfConverters() {
        // A converter's output: the header wrapped (商业 / 企业), a row label stacked one character per line in the
        // first column, the table cut by a page break with a page number, then continued.
        String md =
                """
                某市司法局2023年政府信息公开工作年度报告

                三、收到和处理政府信息公开申请情况

                | 申请人情况 | | | 自然人 | 法人或其他组织 | | | | | 总计 |
                |---|---|---|---|---|---|---|---|---|---|
                | | | | | 商业 | 科研 | 社会公益 | 法律服务 | 其他 | |
                | | | | | 企业 | 机构 | 组织 | 机构 | | |
                | 一、本年新收政府信息公开申请数量 | | | 20 | 3 | 0 | 0 | 1 | 0 | 24 |
                | 二、上年结转政府信息公开申请数量 | | | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
                | 三 | （一）予以公开 | | 12 | 2 | 0 | 0 | 0 | 0 | 14 |
                | 、 | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | | 3 | 0 | 0 | 0 | 1 | 0 | 4 |

                - 5 -

                | 本 | （七）总计 | | 20 | 2 | 0 | 0 | 1 | 0 | 23 |
                | 年 | | | | | | | | | |
                | 四、结转下年度继续办理 | | | 2 | 1 | 0 | 0 | 0 | 0 | 3 |
                """;
        ParsedDocument parsed = parse(md);

        assertThat(value(parsed, "requests.new.natural_person")).isEqualByComparingTo("20");
        assertThat(value(parsed, "requests.new.commercial")).isEqualByComparingTo("3");
        assertThat(value(parsed, "requests.new.total")).isEqualByComparingTo("24");
        assertThat(value(parsed, "requests.carried_over.total")).isEqualByComparingTo("2");
        assertThat(value(parsed, "outcome.granted.total")).isEqualByComparingTo("14");
        assertThat(value(parsed, "outcome.partial.legal_services")).isEqualByComparingTo("1");
        assertThat(value(parsed, "outcome.total.total")).isEqualByComparingTo("23");
        assertThat(value(parsed, "requests.carried_forward.total")).isEqualByComparingTo("3");
        // The page number is not a cell of any row.
        assertThat(figures(parsed).values()).noneMatch(f -> f.source().text().contains("5 -"));
    }

    @Test
    void readsWordExportedHtml() {
        // Word's "Save as web page": mso classes, <p> and <br> inside cells, a number split over two spans, &nbsp;.
        String html = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta charset=utf-8>"
                + "<style>p.MsoNormal{margin:0}</style></head><body lang=ZH-CN><div class=WordSection1>"
                + "<p class=MsoNormal align=center><span style='font-size:16pt'>某县卫生健康局2022年政府信息公开工作年度报告</span></p>"
                + "<p class=MsoNormal><b>三、收到和处理政府信息公开申请情况</b></p>"
                + "<table class=MsoNormalTable border=1><tr><td colspan=3><p class=MsoNormal>申请人情况</p></td>"
                + "<td><p class=MsoNormal>自然人</p></td><td><p>商业<br>企业</p></td><td><p>科研<br>机构</p></td>"
                + "<td><p>社会公益组织</p></td><td><p>法律服务机构</p></td><td><p>其他</p></td><td><p>总计</p></td></tr>"
                + "<tr><td colspan=3><p class=MsoNormal><span lang=EN-US>一、</span><span>本年新收政府信息公开申请数量</span></p></td>"
                + "<td><p class=MsoNormal><span lang=EN-US>1</span><span lang=EN-US>2</span></p></td>"
                + "<td><p class=MsoNormal><span lang=EN-US>3</span></p></td><td><p>0</p></td><td><p>0</p></td>"
                + "<td><p>&nbsp;0&nbsp;</p></td><td><p>0</p></td><td><p class=MsoNormal><span>1</span><span>5</span></p></td></tr>"
                + "</table></div></body></html>";
        ParsedDocument parsed = PARSER.parse(html, "text/html", Hints.none());

        assertThat(value(parsed, "requests.new.natural_person")).isEqualByComparingTo("12");
        assertThat(value(parsed, "requests.new.commercial")).isEqualByComparingTo("3");
        assertThat(value(parsed, "requests.new.legal_services")).isEqualByComparingTo("0");
        assertThat(value(parsed, "requests.new.total")).isEqualByComparingTo("15");
    }

    @Test
    void readsThePre2019StatisticsAnnexSpaceSeparated() {
        // 本年度 only: 主动公开 310 (not the 历年累计 2890), 受理 5 = 当面 2 + 网上 3, 答复 5 = 同意 3 + 部分 1 + 否决 1.
        ParsedDocument parsed = parse("某县人民政府2016年政府信息公开工作年度报告 全年主动公开政府信息310条。 "
                + "附件：政府信息公开情况统计表 指标名称 计量单位 2016年度 历年累计 主动公开信息数 条 310 2890 "
                + "其中：1、网站公开 条 300 2800 2、政府公报公开 条 10 90 受理依申请公开信息总数 条 5 40 "
                + "其中：1、当面申请数 条 2 20 2、网上申请数 条 3 20 对申请的答复总数 条 5 40 其中：1、同意公开答复数 条 3 30 "
                + "2、同意部分公开答复数 条 1 6 3、否决公开答复数 条 1 4 行政复议数 件 0 1 行政诉讼数 件 0 0");

        assertThat(parsed.classification().code()).isEqualTo("report-narrative");
        assertThat(value(parsed, "proactive.items_published")).isEqualByComparingTo("310");
        assertThat(figures(parsed).get("proactive.items_published").parts()).hasSize(2);
        assertThat(value(parsed, "requests.new.total")).isEqualByComparingTo("5");
        assertThat(value(parsed, "outcome.total.total")).isEqualByComparingTo("5");
        assertThat(value(parsed, "outcome.granted.total")).isEqualByComparingTo("3");
        assertThat(value(parsed, "outcome.partial.total")).isEqualByComparingTo("1");
        assertThat(value(parsed, "annex.outcome.denied")).isEqualByComparingTo("1");
        assertThat(value(parsed, "review.total")).isEqualByComparingTo("0");
        assertThat(value(parsed, "annex.litigation.total")).isEqualByComparingTo("0");
        assertThat(method(parsed, "requests.new.total")).isEqualTo(SourceMethod.ANNEX_ROW.code());
        assertThat(figures(parsed)).doesNotContainKeys("requests.carried_over.total", "requests.carried_forward.total");
    }

    @Test
    void cutsARunTogetherAnnexWithItsSubRowSums() {
        // "条3121305" alone is 3|121305, 31|21305 or 312|1305; the sub-rows decide: 网站 "3001290" can be 300|1290
        // and 公报 "1215" 12|15, and only 300+12 = 312, 1290+15 = 1305 add up. "条624" is 6|24 (62|4 has 本年度 over
        // 历年累计). "条0" under 行政复议数 is cut short: 本年度 0.
        ParsedDocument parsed = parse("某县人民政府2014年政府信息公开工作年度报告 现将报告如下。"
                + "政府信息公开情况统计表指标名称计量单位2014年度历年累计主动公开信息数条3121305其中：1.网站公开条30012902.政府公报公开条1215"
                + "受理依申请公开信息总数条624对申请的答复数条624其中：1.同意公开答复数条5202.同意部分公开答复数条143.否决公开答复数条00"
                + "行政复议数条0");

        assertThat(value(parsed, "proactive.items_published")).isEqualByComparingTo("312");
        assertThat(value(parsed, "requests.new.total")).isEqualByComparingTo("6");
        assertThat(value(parsed, "outcome.total.total")).isEqualByComparingTo("6");
        assertThat(value(parsed, "outcome.granted.total")).isEqualByComparingTo("5");
        assertThat(value(parsed, "outcome.partial.total")).isEqualByComparingTo("1");
        assertThat(value(parsed, "review.total")).isEqualByComparingTo("0");
    }

    @Test
    void storesNothingForAKeyTheAnnexAndTheProseDisagreeOn() {
        ParsedDocument parsed = parse("某区人民政府2013年政府信息公开工作年度报告 2013年主动公开政府信息480条。收到1份有关政府信息公开行政复议申请。"
                + " 政府信息公开情况统计表 指标名称 计量单位 2013年度 历年累计 主动公开信息数 条 520 4100 "
                + "受理依申请公开信息总数 条 0 3 行政复议数 件 0 0");

        assertThat(figures(parsed)).doesNotContainKeys("proactive.items_published", "review.total");
        assertThat(value(parsed, "requests.new.total")).isEqualByComparingTo("0");
        assertThat(parsed.report().findings())
                .filteredOn(f -> f.rule().equals("annex.contradicts_prose"))
                .extracting(CheckResult::row)
                .containsExactlyInAnyOrder("proactive.items_published", "review.total");
    }

    @Test
    void aNegationZeroesOnlyWhatItNames() {
        ParsedDocument parsed = parse("某县交通运输局2017年政府信息公开工作年度报告 现将报告如下。" + "2017年共收到政府信息公开申请12件，未收到政府信息公开行政复议申请。");

        assertThat(value(parsed, "requests.new.total")).isEqualByComparingTo("12");
        assertThat(value(parsed, "review.total")).isEqualByComparingTo("0");
        assertThat(figures(parsed)).doesNotContainKeys("litigation.direct.total", "litigation.after_review.total");
    }

    @Test
    void readsRepliesOutcomesAndSplitLitigationFromProse() {
        ParsedDocument parsed = parse("某市人力资源和社会保障局2016年政府信息公开工作年度报告 现将报告如下。"
                + "全年受理政府信息公开申请36件，共答复申请35件，其中同意公开28件，同意部分公开4件。"
                + "发生政府信息公开行政复议2件；行政诉讼3件，其中未经复议直接起诉2件、复议后起诉1件。");

        assertThat(value(parsed, "requests.new.total")).isEqualByComparingTo("36");
        assertThat(value(parsed, "outcome.total.total")).isEqualByComparingTo("35");
        assertThat(value(parsed, "outcome.granted.total")).isEqualByComparingTo("28");
        assertThat(value(parsed, "outcome.partial.total")).isEqualByComparingTo("4");
        assertThat(value(parsed, "review.total")).isEqualByComparingTo("2");
        assertThat(value(parsed, "litigation.direct.total")).isEqualByComparingTo("2");
        assertThat(value(parsed, "litigation.after_review.total")).isEqualByComparingTo("1");
    }

    @Test
    void aProseTotalNeverOverwritesTheTable() {
        // The prose counts new + carried over (9 + 1 = 10); the table's 本年新收 is 9.
        ParsedDocument parsed = parse("某区市场监督管理局2022年政府信息公开工作年度报告\n"
                + "2022年，全区收到政府信息公开申请10件，均按期答复。\n三、收到和处理政府信息公开申请情况\n"
                + "一、本年新收政府信息公开申请数量\t8\t1\t0\t0\t0\t0\t9\n二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n");

        assertThat(value(parsed, "requests.new.total")).isEqualByComparingTo("9");
        assertThat(figures(parsed).get("requests.new.total").source().kind().name())
                .isEqualTo("TABLE");
    }

    @Test
    void aTemplateWithEveryLabelAndNoValueYieldsNoFigures() {
        ParsedDocument parsed = parse("XX年政府信息公开工作年度报告 三、收到和处理政府信息公开申请情况 申请人情况 自然人 法人或其他组织 总计 "
                + "一、本年新收政府信息公开申请数量 二、上年结转政府信息公开申请数量 三、本年度办理结果 （一）予以公开 "
                + "（二）部分公开（区分处理的，只计这一情形，不计其他情形） （七）总计 四、结转下年度继续办理 "
                + "四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计");

        if (parsed.report() != null) assertThat(figures(parsed)).isEmpty();
    }
}

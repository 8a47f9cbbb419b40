package org.gongkai.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.Map;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.junit.jupiter.api.Test;

class TableLayoutsTest {

    private static final DocumentParser PARSER = DocumentParser.standard();
    private static final String HEAD = "溪湖区教育局2021年政府信息公开工作年度报告\n日期:2022-01-20\n";

    private static ParsedDocument parse(String text) {
        return PARSER.parse(text, "text/plain", Hints.none());
    }

    private static BigDecimal value(ParsedDocument doc, String key) {
        Figure f = doc.report().figures().get(key);
        return f == null ? null : f.value();
    }

    @Test
    void readsSpaceSeparatedRowsWithLabelsContainingSpaces() {
        ParsedDocument doc = parse(HEAD + "二、主动公开政府信息情况\n第二十条第(一)项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n"
                + "规章 0 0 0\n行政规范性文件 3 1 27\n三、收到和处理政府信息公开申请情况\n"
                + "一、本年新收政府信息公开申请数量 5 0 0 0 0 1 6\n(三) 不予公开\n1.属于国家秘密 0 0 0 0 0 0 0\n");

        assertThat(doc.report().format()).isEqualTo(ReportFormat.F2021);
        assertThat(value(doc, "proactive.normative_docs.issued")).isEqualByComparingTo("3");
        assertThat(value(doc, "proactive.normative_docs.repealed")).isEqualByComparingTo("1");
        assertThat(value(doc, "proactive.normative_docs.in_force")).isEqualByComparingTo("27");
        assertThat(doc.report()
                        .figures()
                        .get("proactive.normative_docs.issued")
                        .source()
                        .row())
                .isEqualTo("行政规范性文件");
        assertThat(value(doc, "requests.new.natural_person")).isEqualByComparingTo("5");
        assertThat(value(doc, "requests.new.total")).isEqualByComparingTo("6");
        assertThat(value(doc, "outcome.denied.state_secret.total")).isEqualByComparingTo("0");
    }

    @Test
    void readsMarkdownAndPipeTablesAndFoldsFullWidthForms() {
        ParsedDocument doc = parse(HEAD + "二、主动公开政府信息情况\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n"
                + "| 规章 | ０ | — | ２ |\n| 规范性文件 | １２ | / | 无 |\n"
                + "第二十条第（五）项\n信息内容｜本年处理决定数量\n行政许可｜１，２３４\n");

        assertThat(value(doc, "proactive.rules.issued")).isEqualByComparingTo("0");
        assertThat(value(doc, "proactive.rules.in_force")).isEqualByComparingTo("2");
        assertThat(value(doc, "proactive.normative_docs.issued")).isEqualByComparingTo("12");
        assertThat(value(doc, "proactive.licensing.decisions")).isEqualByComparingTo("1234");
        // "—", "/" and "无" state nothing: absent, never a made-up 0.
        assertThat(doc.report().figures())
                .doesNotContainKeys(
                        "proactive.rules.repealed",
                        "proactive.normative_docs.repealed",
                        "proactive.normative_docs.in_force");
        assertThat(doc.text()).contains("第二十条第(五)项").doesNotContain("（");
    }

    @Test
    void readsSignedChangesWrittenInWordsAndKeepsDecimalsAsWritten() {
        ParsedDocument doc = parse("某县教育局2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
                + "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t7\t减少2项\t3\n行政处罚\t2\t增加1项\t0\n"
                + "信息内容\t采购项目数量\t采购总金额(万元,保留四位小数)\n政府集中采购\t3\t12.5000\n");

        assertThat(doc.report().format()).isEqualTo(ReportFormat.F2019);
        assertThat(value(doc, "proactive.licensing.items_change")).isEqualByComparingTo("-2");
        assertThat(value(doc, "proactive.penalty.items_change")).isEqualByComparingTo("1");
        assertThat(value(doc, "proactive.procurement.amount_10k_yuan")).isEqualTo(new BigDecimal("12.5000"));
    }

    @Test
    void leavesRowsOfATableCutShortMissing() {
        ParsedDocument doc = parse(
                HEAD + "三、收到和处理政府信息公开申请情况\n" + "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n" + "二、上年结转政府信息公开申请数量\t0\t0\t0");

        Map<String, Figure> figures = doc.report().figures();
        assertThat(value(doc, "requests.new.total")).isEqualByComparingTo("1");
        assertThat(value(doc, "requests.carried_over.research")).isEqualByComparingTo("0");
        assertThat(figures)
                .doesNotContainKeys(
                        "requests.carried_over.social_org",
                        "requests.carried_over.total",
                        "outcome.total.total",
                        "requests.carried_forward.total");
    }

    @Test
    void expandsRowspanAndColspanOfHtmlTablesDecodedFromGbk() {
        String html = "<html><head><meta charset=\"gbk\"><title>示例</title></head><body>"
                + "<p>本溪市财政局2021年政府信息公开工作年度报告</p><h3>三、收到和处理政府信息公开申请情况</h3><table>"
                + "<tr><td colspan=3 rowspan=2>申请人情况</td><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>"
                + "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"
                + "<tr><td rowspan=3>三、本年度办理结果</td><td rowspan=2>（三）不予公开</td><td>1.属于国家秘密</td>"
                + "<td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>21</td></tr>"
                + "<tr><td>2.其他法律行政法规禁止公开</td><td>０</td><td></td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>"
                + "<tr><td colspan=2>（七）总计</td><td>9</td><td>9</td><td>9</td><td>9</td><td>9</td><td>9</td><td>54</td></tr>"
                + "</table></body></html>";
        ParsedDocument doc = PARSER.parse(html.getBytes(Charset.forName("GBK")), "text/html", Hints.none());

        assertThat(doc.charset()).isEqualTo("GB18030");
        assertThat(doc.report().agencyName()).isEqualTo("本溪市财政局");
        assertThat(value(doc, "outcome.denied.state_secret.research")).isEqualByComparingTo("3");
        assertThat(value(doc, "outcome.denied.state_secret.social_org")).isEqualByComparingTo("4");
        assertThat(value(doc, "outcome.denied.state_secret.total")).isEqualByComparingTo("21");
        assertThat(value(doc, "outcome.denied.prohibited_by_law.natural_person"))
                .isEqualByComparingTo("0");
        assertThat(doc.report().figures()).doesNotContainKey("outcome.denied.prohibited_by_law.commercial");
        assertThat(value(doc, "outcome.denied.prohibited_by_law.research")).isEqualByComparingTo("0");
        assertThat(value(doc, "outcome.total.total")).isEqualByComparingTo("54");
        Figure cell = doc.report().figures().get("outcome.denied.state_secret.social_org");
        assertThat(cell.source().row()).endsWith("1.属于国家秘密");
        assertThat(cell.source().column()).isEqualTo("社会公益组织");
        assertThat(doc.text().substring(cell.source().start(), cell.source().end()))
                .isEqualTo("4");
    }

    @Test
    void readsChineseNumeralsMultipliersAndApproximations() {
        ParsedDocument doc = parse("某区人民政府2016年政府信息公开工作年度报告\n现将2016年政府信息公开工作情况报告如下。\n"
                + "全年主动公开政府信息约二千三百条。本年度共受理政府信息公开申请二十三件。\n"
                + "全年办结政府信息公开申请二十件,3件正在办理中。");

        assertThat(doc.report().format()).isEqualTo(ReportFormat.NARRATIVE);
        Figure items = doc.report().figures().get("proactive.items_published");
        assertThat(items.value()).isEqualByComparingTo("2300");
        assertThat(items.bound()).isEqualTo(org.gongkai.canonical.Bound.APPROXIMATELY);
        assertThat(value(doc, "requests.new.total")).isEqualByComparingTo("23");
        assertThat(value(doc, "outcome.total.total")).isEqualByComparingTo("20");
        assertThat(value(doc, "requests.carried_forward.total")).isEqualByComparingTo("3");
    }

    @Test
    void takesTheReportedYearFromTheTitleNotThePublicationDate() {
        ParsedDocument doc = parse("牡丹江市教育局2019年政府信息公开工作年度报告\n发布日期:2020-01-31\n正文。\n");

        assertThat(doc.report().year()).isEqualTo(2019);
        assertThat(doc.report().publishedOn()).isEqualTo(java.time.LocalDate.of(2020, 1, 31));
    }

    @Test
    void usesHintsOnlyWhereTheDocumentIsSilent() {
        ParsedDocument doc = PARSER.parse(
                "政府信息公开工作年度报告\n现将政府信息公开工作情况报告如下。全年主动公开政府信息120条。",
                "text/plain",
                new Hints("http://www.example.gov.cn/a.html", "定西市教育局", 2018));

        assertThat(doc.report().agencyName()).isEqualTo("定西市教育局");
        assertThat(doc.report().regionCode()).isEqualTo("621100");
        assertThat(doc.report().year()).isEqualTo(2018);
        assertThat(doc.report().sourceUrl()).isEqualTo("http://www.example.gov.cn/a.html");
    }

    @Test
    void readsDataTablesNestedInAPageLayoutTable() {
        String html = "<html><body><table><tr><td><div>某市教育局2020年政府信息公开工作年度报告</div>"
                + "<p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td>"
                + "<td>对外公开总数量</td></tr><tr><td>规范性文件</td><td>1</td><td>2</td><td>3</td></tr></table>"
                + "</td></tr></table></body></html>";
        ParsedDocument doc = PARSER.parse(html, "text/html", Hints.none());

        assertThat(doc.title()).isEqualTo("某市教育局2020年政府信息公开工作年度报告");
        assertThat(value(doc, "proactive.normative_docs.issued")).isEqualByComparingTo("1");
        assertThat(value(doc, "proactive.normative_docs.in_force")).isEqualByComparingTo("3");
    }

    @Test
    void readsThe2021FormWhereSingleColumnsSpanTheWholeRow() {
        String html = "<html><body><p>定西市财政局2022年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p><table>"
                + "<tr><td colspan=4>第二十条第（一）项</td></tr>"
                + "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
                + "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
                + "<tr><td>行政规范性文件</td><td>4</td><td>1</td><td>30</td></tr>"
                + "<tr><td colspan=4>第二十条第（五）项</td></tr>"
                + "<tr><td>信息内容</td><td colspan=3>本年处理决定数量</td></tr>"
                + "<tr><td>行政许可</td><td colspan=3>15</td></tr>"
                + "<tr><td colspan=4>第二十条第（八）项</td></tr>"
                + "<tr><td>信息内容</td><td colspan=3>本年收费金额（单位：万元）</td></tr>"
                + "<tr><td>行政事业性收费</td><td colspan=3>12.35</td></tr></table>"
                + "<p>三、收到和处理政府信息公开申请情况</p><table>"
                + "<tr><td rowspan=3>三、本年度办理结果</td><td rowspan=3>（六）其他处理</td>"
                + "<td>1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请</td>"
                + "<td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>"
                + "<tr><td>2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请</td>"
                + "<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>"
                + "<tr><td>3.其他</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>"
                + "</table></body></html>";
        ParsedDocument doc = PARSER.parse(html, "text/html; charset=UTF-8", Hints.none());

        assertThat(doc.classification().code()).isEqualTo("report-2021");
        assertThat(doc.report().regionCode()).isEqualTo("621100");
        assertThat(value(doc, "proactive.normative_docs.repealed")).isEqualByComparingTo("1");
        assertThat(value(doc, "proactive.licensing.decisions")).isEqualByComparingTo("15");
        assertThat(value(doc, "proactive.fees.amount_10k_yuan")).isEqualTo(new BigDecimal("12.35"));
        assertThat(value(doc, "outcome.other.no_correction.total")).isEqualByComparingTo("1");
        assertThat(value(doc, "outcome.other.fee_unpaid.total")).isEqualByComparingTo("0");
        assertThat(value(doc, "outcome.other.other.natural_person")).isEqualByComparingTo("2");
        assertThat(doc.report().figures().get("proactive.normative_docs.issued").note())
                .isNull();
    }

    @Test
    void readsPdfTextWhoseLabelsBreakBeforeTheirNumbers() {
        ParsedDocument doc = parse("某县教育局2019年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
                + "(二)部分公开(区分处理的,只计\n这一情形,不计其他情形) 1 0 0 0 0 0 1\n"
                + "5.要求行政机关确认或重新出具已获\n取信息 0 0 0 0 0 0 0\n(七)总计 9 0 0 0 0 0 9\n"
                + "四、结转下年度继续办理 0 0 0 0 0 0 0\n四、政府信息公开行政复议、行政诉讼情况\n"
                + "行政复议 行政诉讼\n0 1 0 0 1 0 0 0 0 0 — — — — —\n五、存在的主要问题及改进情况\n无。");

        assertThat(value(doc, "outcome.partial.total")).isEqualByComparingTo("1");
        assertThat(value(doc, "outcome.not_processed.confirm_reissue.total")).isEqualByComparingTo("0");
        assertThat(value(doc, "outcome.total.natural_person")).isEqualByComparingTo("9");
        assertThat(value(doc, "requests.carried_forward.total")).isEqualByComparingTo("0");
        assertThat(value(doc, "review.corrected")).isEqualByComparingTo("1");
        assertThat(value(doc, "review.total")).isEqualByComparingTo("1");
        assertThat(value(doc, "litigation.direct.total")).isEqualByComparingTo("0");
        assertThat(doc.report().figures())
                .doesNotContainKeys("litigation.after_review.upheld", "litigation.after_review.total");
    }

    @Test
    void readsAPageLaidOutInOneTableCellAsParagraphs() {
        String prose = "现将本年度政府信息公开工作情况报告如下。本年度通过门户网站主动公开政府信息1234条,其中政务动态类1000条、通知公告类234条。"
                + "本年度共收到政府信息公开申请12件,已全部办结。".repeat(10);
        String html = "<html><body><table><tr><td>首页</td><td><h1>溪湖区教育局2018年政府信息公开工作年度报告</h1><p>" + prose
                + "</p></td></tr></table></body></html>";
        ParsedDocument doc = PARSER.parse(html, "text/html", Hints.none());

        assertThat(doc.title()).isEqualTo("溪湖区教育局2018年政府信息公开工作年度报告");
        assertThat(doc.report().regionCode()).isEqualTo("210503");
        assertThat(value(doc, "proactive.items_published")).isEqualByComparingTo("1234");
        assertThat(doc.report().figures().get("proactive.items_published").parts())
                .hasSize(2);
        assertThat(value(doc, "requests.new.total")).isEqualByComparingTo("12");
        assertThat(value(doc, "outcome.total.total")).isEqualByComparingTo("12");
    }
}

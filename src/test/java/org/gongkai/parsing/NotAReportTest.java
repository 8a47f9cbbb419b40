package org.gongkai.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Pages filed beside annual reports that are not reports — a column's list page, a blank form, a letter, a work plan —
 * and a real report that must stay one. Fragments written by hand to look like such pages of other sites.
 */
class NotAReportTest {

    private static final DocumentParser PARSER = DocumentParser.standard();

    private static ParsedDocument parse(String text) {
        return PARSER.parse(text, "text/plain", Hints.none());
    }

    @Test
    void aListOfTitlesWithDatesIsAnIndexPage() {
        ParsedDocument doc = parse(
                """
                政府信息公开年报 - 汶上县人民政府
                首页 > 政务公开 > 政府信息公开年报
                汶上县人民政府2023年政府信息公开工作年度报告 [2024-01-30]
                汶上县人民政府2022年政府信息公开工作年度报告 [2023-01-31]
                汶上县人民政府2021年政府信息公开工作年度报告 [2022-01-28]
                汶上县人民政府2020年政府信息公开工作年度报告 [2021-01-29]
                汶上县人民政府2019年政府信息公开工作年度报告 [2020-01-31]
                汶上县人民政府2018年政府信息公开工作年度报告 [2019-02-01]
                共6条 首页 上一页 下一页 尾页
                """);
        assertThat(doc.classification().kind()).isEqualTo(DocumentKind.NOT_A_REPORT);
        assertThat(doc.classification().reason()).contains("list");
        assertThat(doc.report()).isNull();
    }

    @Test
    void aFormWithEveryLabelAndNoValuesIsATemplate() {
        ParsedDocument doc = parse(
                """
                XX年度政府信息公开工作年度报告（模板）
                三、收到和处理政府信息公开申请情况
                （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
                申请人情况 自然人 法人或其他组织 总计
                商业企业 科研机构 社会公益组织 法律服务机构 其他
                一、本年新收政府信息公开申请数量
                二、上年结转政府信息公开申请数量
                三、本年度办理结果
                （一）予以公开
                （二）部分公开（区分处理的，只计这一情形，不计其他情形）
                （三）不予公开 1.属于国家秘密 2.其他法律行政法规禁止公开 3.危及“三安全一稳定”
                （四）无法提供 1.本机关不掌握相关政府信息 2.没有现成信息需要另行制作 3.补正后申请内容仍不明确
                （五）不予处理 1.信访举报投诉类申请 2.重复申请 3.要求提供公开出版物 4.无正当理由大量反复申请
                （六）其他处理
                （七）总计
                四、结转下年度继续办理
                """);
        assertThat(doc.classification().kind()).isEqualTo(DocumentKind.NOT_A_REPORT);
        assertThat(doc.classification().reason()).contains("template");
    }

    @Test
    void aLetterWhoseTitleEndsInLetterIsNoReportWhateverItMentions() {
        ParsedDocument doc = parse(
                """
                标题: 宜昌市人民政府办公室关于2020年政府信息公开工作年度报告编制发布情况的函
                发布时间: 2020-12-15 09:30
                ==== 正文 ====
                省政府办公厅：
                现将我市2020年政府信息公开工作年度报告编制发布准备情况函告如下：全年主动公开政府信息1.2万余条，受理政府信息公开申请215件。
                宜昌市人民政府办公室
                2020年12月15日
                """);
        assertThat(doc.classification().kind()).isEqualTo(DocumentKind.NOT_A_REPORT);
        assertThat(doc.classification().reason()).contains("letter");
    }

    @Test
    void aWorkPlanIsNoReport() {
        ParsedDocument doc = parse(
                """
                汶上县2021年政务公开工作要点
                为深入贯彻落实《国务院办公厅关于印发2021年政务公开工作要点的通知》精神，现提出如下工作要点。
                一、加强政策解读 二、深化重点领域信息公开
                """);
        assertThat(doc.classification().kind()).isEqualTo(DocumentKind.NOT_A_REPORT);
    }

    @Test
    void aReportWhoseTitleEndsInReportStaysAReport() {
        ParsedDocument doc = parse(
                """
                汶上县人民政府2021年政府信息公开工作年度报告
                本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》编制。
                一、总体情况
                2021年，全县主动公开政府信息2356条，收到政府信息公开申请18件。
                """);
        assertThat(doc.classification().kind()).isEqualTo(DocumentKind.REPORT_NARRATIVE);
        assertThat(doc.report()).isNotNull();
    }
}

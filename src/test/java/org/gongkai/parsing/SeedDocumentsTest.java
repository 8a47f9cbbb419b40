package org.gongkai.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.Part;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.SourceKind;
import org.gongkai.checks.MissingCells;
import org.gongkai.metrics.MetricCatalogue;
import org.junit.jupiter.api.Test;

class SeedDocumentsTest {

    private static final DocumentParser PARSER = DocumentParser.standard();

    private static ParsedDocument parse(String seed) {
        return PARSER.parse(Seeds.bytes(seed), "text/plain", Hints.none());
    }

    /** Asserts a figure's value, bound and kind, and that its source quotes the normalized text at its offsets. */
    private static Figure assertFigure(ParsedDocument doc, String key, String value, Bound bound, SourceKind kind) {
        Figure f = doc.report().figures().get(key);
        assertThat(f).as(key).isNotNull();
        assertThat(f.value()).as(key).isEqualTo(new BigDecimal(value));
        assertThat(f.bound()).as(key).isEqualTo(bound);
        assertThat(f.source().kind()).as(key).isEqualTo(kind);
        assertThat(doc.text().substring(f.source().start(), f.source().end()))
                .as(key)
                .isEqualTo(f.source().text());
        return f;
    }

    private static void assertCell(ParsedDocument doc, String key, String value, String row, String column) {
        Figure f = assertFigure(doc, key, value, Bound.EXACT, SourceKind.TABLE);
        assertThat(f.source().text())
                .as(key)
                .isEqualTo(value.startsWith("-") || !key.endsWith("items_change") ? value : "+" + value);
        assertThat(f.source().row()).as(key).isEqualTo(row);
        assertThat(f.source().column()).as(key).isEqualTo(column);
    }

    @Test
    void readsSeed000ProseTotalWithItsChannelsAndReportsTheSubCountMismatch() {
        ParsedDocument doc = parse(Seeds.DINGXI_2017);
        CanonicalReport r = doc.report();

        assertThat(doc.classification().kind()).isEqualTo(DocumentKind.REPORT_NARRATIVE);
        assertThat(doc.charset()).isEqualTo("UTF-8");
        assertThat(r.agencyName()).isEqualTo("定西市教育局");
        assertThat(r.regionCode()).isEqualTo("621100");
        assertThat(r.year()).isEqualTo(2017);
        assertThat(r.format()).isEqualTo(ReportFormat.NARRATIVE);
        assertThat(r.publishedOn()).isEqualTo(LocalDate.of(2017, 12, 30));

        Figure items = assertFigure(doc, "proactive.items_published", "392", Bound.EXACT, SourceKind.PROSE);
        assertThat(items.source().text())
                .startsWith("截止12月30日,通过门户网站发布各类信息392条,其中教育简讯类233条")
                .endsWith("教育扶贫类38条。");
        assertThat(items.parts())
                .extracting(Part::label)
                .containsExactly("教育简讯类", "政策法规类", "规范计划类", "办事指南类", "通知公告类", "教育扶贫类");
        assertThat(items.parts())
                .extracting(p -> p.figure().value().intValue())
                .containsExactly(233, 25, 16, 34, 46, 38);
        assertThat(items.parts().get(0).figure().source().text()).isEqualTo("教育简讯类233条");

        assertThat(r.findings()).hasSize(1);
        CheckResult mismatch = r.findings().get(0);
        assertThat(mismatch.rule()).isEqualTo("prose.parts_sum");
        assertThat(mismatch.passed()).isFalse();
        assertThat(mismatch.expected()).isEqualByComparingTo("113");
        assertThat(mismatch.actual()).isEqualByComparingTo("119");
        assertThat(mismatch.message()).contains("119条,其中教育资讯类71条").contains("办事服务类15条");
    }

    @Test
    void readsSeed001TablesCellByCell() {
        ParsedDocument doc = parse(Seeds.MUDANJIANG_2019);
        CanonicalReport r = doc.report();

        assertThat(doc.classification().code()).isEqualTo("report-2019");
        assertThat(r.agencyName()).isEqualTo("牡丹江市教育局");
        assertThat(r.regionCode()).isEqualTo("231000");
        assertThat(r.year()).isEqualTo(2019);
        assertThat(r.publishedOn()).isEqualTo(LocalDate.of(2020, 1, 31));
        assertThat(r.format()).isEqualTo(ReportFormat.F2019);

        assertCell(doc, "proactive.normative_docs.issued", "2", "规范性文件", "本年新制作数量");
        assertCell(doc, "proactive.normative_docs.published", "2", "规范性文件", "本年新公开数量");
        assertCell(doc, "proactive.normative_docs.in_force", "16", "规范性文件", "对外公开总数量");
        assertThat(r.figures().get("proactive.normative_docs.issued").note()).contains("本年新制作数量");
        assertThat(r.figures().get("proactive.normative_docs.in_force").note()).contains("对外公开总数量");
        assertCell(doc, "proactive.rules.issued", "0", "规章", "本年新制作数量");
        assertCell(doc, "proactive.rules.published", "0", "规章", "本年新公开数量");
        assertCell(doc, "proactive.rules.in_force", "0", "规章", "对外公开总数量");
        assertCell(doc, "proactive.licensing.items_prev_year", "4", "行政许可", "上一年项目数量");
        assertCell(doc, "proactive.licensing.items_change", "-2", "行政许可", "本年增/减");
        assertCell(doc, "proactive.licensing.decisions", "0", "行政许可", "处理决定数量");
        assertCell(doc, "proactive.penalty.items_prev_year", "0", "行政处罚", "上一年项目数量");
        assertCell(doc, "proactive.coercion.decisions", "0", "行政强制", "处理决定数量");
        assertCell(doc, "proactive.fees.items_prev_year", "1", "行政事业性收费", "上一年项目数量");
        assertCell(doc, "proactive.fees.items_change", "1", "行政事业性收费", "本年增/减");
        assertCell(doc, "proactive.procurement.projects", "9", "政府集中采购", "采购项目数量");
        assertCell(doc, "proactive.procurement.amount_10k_yuan", "885.1737", "政府集中采购", "采购总金额万元,保留四位小数");
        assertThat(r.figures()
                        .get("proactive.procurement.amount_10k_yuan")
                        .value()
                        .scale())
                .isEqualTo(4);

        for (String column : List.of("items_prev_year", "items_change", "decisions")) {
            Figure row = r.figures().get("proactive.other_services." + column);
            assertThat(row.value()).as(column).isEqualByComparingTo("0");
            assertThat(row.parts()).as(column).hasSize(1);
            Part part = row.parts().get(0);
            assertThat(part.label()).isEqualTo("涉外学校审批");
            assertThat(part.figure().value()).isEqualByComparingTo("0");
            assertThat(part.figure().source().row()).isEqualTo("涉外学校审批");
            assertThat(row.source().row()).isEqualTo("其他对外管理服务事项");
        }

        List<String> columns = List.of(
                "natural_person", "commercial", "research", "social_org", "legal_services", "other_org", "total");
        List<String> printedRows = List.of(
                "requests.new",
                "requests.carried_over",
                "outcome.granted",
                "outcome.partial",
                "outcome.denied.state_secret",
                "outcome.denied.prohibited_by_law",
                "outcome.denied.security_stability",
                "outcome.denied.third_party",
                "outcome.denied.internal_affairs",
                "outcome.denied.process_info",
                "outcome.denied.enforcement_file",
                "outcome.denied.admin_query",
                "outcome.unavailable.not_held",
                "outcome.unavailable.needs_creation");
        for (String row : printedRows) {
            for (String column : columns) assertFigure(doc, row + "." + column, "0", Bound.EXACT, SourceKind.TABLE);
        }
        assertThat(r.figures()
                        .get("outcome.denied.prohibited_by_law.total")
                        .source()
                        .row())
                .isEqualTo("2.其他法律行政法规禁止公开");
        assertThat(r.figures()
                        .get("outcome.denied.security_stability.natural_person")
                        .source()
                        .row())
                .isEqualTo("3.危及“三安全一稳定”");
        assertThat(r.figures().get("outcome.denied.third_party.total").source().row())
                .isEqualTo("4.保护第三方合法权");
        assertThat(r.figures().get("requests.new.social_org").source().column()).isEqualTo("社会公益");

        for (String absent : List.of(
                "outcome.unavailable.unclear",
                "outcome.not_processed.petition",
                "outcome.not_processed.duplicate",
                "outcome.not_processed.publication",
                "outcome.not_processed.mass_repeated",
                "outcome.not_processed.confirm_reissue",
                "outcome.other",
                "outcome.total",
                "requests.carried_forward")) {
            for (String column : columns) assertThat(r.figures()).doesNotContainKey(absent + "." + column);
        }
        assertThat(new MissingCells(MetricCatalogue.standard())
                        .of(ReportFormat.F2019, r.figures().keySet()))
                .containsExactly(
                        "outcome.unavailable.unclear.*",
                        "outcome.not_processed.petition.*",
                        "outcome.not_processed.duplicate.*",
                        "outcome.not_processed.publication.*",
                        "outcome.not_processed.mass_repeated.*",
                        "outcome.not_processed.confirm_reissue.*",
                        "outcome.other.*",
                        "outcome.total.*",
                        "requests.carried_forward.*");

        for (String group : List.of("review", "litigation.direct", "litigation.after_review")) {
            for (String column : List.of("upheld", "corrected", "other", "pending", "total")) {
                assertFigure(doc, group + "." + column, "0", Bound.EXACT, SourceKind.TABLE);
            }
        }
    }

    @Test
    void readsSeed002LowerBoundAndNoReviewOrLitigation() {
        ParsedDocument doc = parse(Seeds.XIHU_2018);
        CanonicalReport r = doc.report();

        assertThat(doc.classification().kind()).isEqualTo(DocumentKind.REPORT_NARRATIVE);
        assertThat(r.agencyName()).isEqualTo("溪湖区教育局");
        assertThat(r.regionCode()).isEqualTo("210503");
        assertThat(r.year()).isEqualTo(2018);
        Figure items = assertFigure(doc, "proactive.items_published", "1000", Bound.AT_LEAST, SourceKind.PROSE);
        assertThat(items.source().text()).contains("公开信息1000余条");
        for (String key : List.of("review.total", "litigation.direct.total", "litigation.after_review.total")) {
            Figure f = assertFigure(doc, key, "0", Bound.EXACT, SourceKind.PROSE);
            assertThat(f.source().text()).contains("未发生关于信息公开事项的行政复议案、行政诉讼案");
        }
        // 受理群众诉求29件 are petitions, not disclosure requests.
        assertThat(r.figures()).doesNotContainKey("requests.new.total");
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void readsSeed003RepublishedSummaryAsTheAnhuiEducationDepartment() {
        ParsedDocument doc = parse(Seeds.ANHUI_2024);
        CanonicalReport r = doc.report();

        assertThat(doc.classification().kind()).isEqualTo(DocumentKind.REPORT_NARRATIVE);
        assertThat(doc.title()).isEqualTo("2024年教育厅政务公开工作总结");
        assertThat(r.agencyName()).isEqualTo("安徽省教育厅");
        assertThat(r.regionCode()).isEqualTo("340000");
        assertThat(r.year()).isEqualTo(2024);
        assertThat(r.publishedOn()).isEqualTo(LocalDate.of(2024, 12, 30));
        assertThat(r.sourceUrl()).isEqualTo("http://jyt.ah.gov.cn/public/7071/40732714.html");

        Figure items = assertFigure(doc, "proactive.items_published", "13000", Bound.AT_LEAST, SourceKind.PROSE);
        assertThat(items.source().text()).contains("1.3万余条");
        assertThat(assertFigure(doc, "requests.new.total", "73", Bound.EXACT, SourceKind.PROSE)
                        .source()
                        .text())
                .contains("共受理73件政府信息公开申请");
        assertThat(assertFigure(doc, "outcome.total.total", "71", Bound.EXACT, SourceKind.PROSE)
                        .source()
                        .text())
                .contains("71件按规范程序与要求办结");
        assertThat(assertFigure(doc, "requests.carried_forward.total", "2", Bound.EXACT, SourceKind.PROSE)
                        .source()
                        .text())
                .contains("2件正在办理");
        assertThat(assertFigure(doc, "proactive.normative_docs.repealed", "20", Bound.EXACT, SourceKind.PROSE)
                        .source()
                        .text())
                .isEqualTo("废止规范性文件20件");
        assertThat(assertFigure(doc, "proactive.normative_docs.issued", "11", Bound.EXACT, SourceKind.PROSE)
                        .source()
                        .text())
                .isEqualTo("制定印发行政规范性文件11件");
        assertThat(assertFigure(doc, "proactive.normative_docs.in_force", "184", Bound.EXACT, SourceKind.PROSE)
                        .source()
                        .text())
                .isEqualTo("现行有效规范性文件184件");
        // 办结厅长信箱留言7603件 are mailbox messages, not disclosure requests.
        assertThat(r.figures().get("outcome.total.total").value()).isNotEqualByComparingTo("7603");
    }

    @Test
    void classifiesSeed004ImplementationPlanAsNotAReport() {
        ParsedDocument doc = parse(Seeds.ANSHAN_PLAN);

        assertThat(doc.classification().kind()).isEqualTo(DocumentKind.NOT_A_REPORT);
        assertThat(doc.classification().code()).isEqualTo("not-a-report");
        assertThat(doc.classification().reason()).contains("实施方案");
        assertThat(doc.report()).isNull();
        assertThat(doc.title()).isEqualTo("鞍山市教育局全面推进政务公开工作实施方案");
    }

    @Test
    void everySeedSourceQuotesTheNormalizedTextAtItsOffsets() {
        for (String seed : Seeds.ALL) {
            ParsedDocument doc = parse(seed);
            if (doc.report() == null) continue;
            doc.report().figures().forEach((key, f) -> {
                assertThat(doc.text().substring(f.source().start(), f.source().end()))
                        .as(seed + " " + key)
                        .isEqualTo(f.source().text());
                f.parts().forEach(p -> assertThat(doc.text()
                                .substring(
                                        p.figure().source().start(),
                                        p.figure().source().end()))
                        .isEqualTo(p.figure().source().text()));
            });
        }
    }
}

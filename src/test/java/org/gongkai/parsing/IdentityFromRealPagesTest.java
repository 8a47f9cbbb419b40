package org.gongkai.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.CheckResult;
import org.gongkai.parsing.IdentityEvidence.Candidate;
import org.junit.jupiter.api.Test;

/**
 * Identity as real pages of other sites give it: crawler headers, titles broken by converters, zones, abbreviations,
 * OCR slips, years from the statistics period or the publication date, and names that only the site's host makes
 * unique. The fragments are written by hand to look like such pages; the expected values are read from them by hand.
 */
class IdentityFromRealPagesTest {

    private static final DocumentParser PARSER = DocumentParser.standard();

    private static ParsedDocument parse(String text) {
        return PARSER.parse(text, "text/plain", Hints.none());
    }

    private static ParsedDocument parse(String text, String sourceUrl) {
        return PARSER.parse(text, "text/plain", new Hints(sourceUrl, null, null));
    }

    private static final String BODY =
            """
            一、总体情况
            本年度主动公开政府信息356条。
            二、收到和处理政府信息公开申请情况
            本年度共收到政府信息公开申请12件。
            三、存在的主要问题及改进情况
            公开内容有待进一步丰富。
            """;

    @Test
    void readsACrawlerHeaderAsIdentityNeverAsPartOfTheName() {
        ParsedDocument doc = parse(
                """
                标题: 浏阳市人民政府2022年政府信息公开工作年度报告
                发布机构: 浏阳市人民政府办公室
                来源: 长沙市人民政府
                发布时间: 2023-01-30 10:12
                索引号: 430181000/2023-00012
                文号:
                栏目: 政府信息公开年报
                原文链接: http://www.liuyang.gov.cn/xxgk/ndbg/202301/t20230130_1.html
                ==== 正文 ====
                本报告根据《中华人民共和国政府信息公开条例》编制。
                """
                        + BODY
                        + """
                浏阳市人民政府办公室
                2023年1月30日
                """);
        CanonicalReport r = doc.report();
        assertThat(doc.title()).isEqualTo("浏阳市人民政府2022年政府信息公开工作年度报告");
        assertThat(r.agencyName()).isEqualTo("浏阳市人民政府");
        assertThat(r.regionCode()).isEqualTo("430181");
        assertThat(r.year()).isEqualTo(2022);
        assertThat(r.publishedOn()).hasToString("2023-01-30");
        assertThat(r.sourceUrl()).isEqualTo("http://www.liuyang.gov.cn/xxgk/ndbg/202301/t20230130_1.html");
        assertThat(doc.identity().agencySource()).isEqualTo("title");
        assertThat(doc.identity().yearSource()).isEqualTo("title");
        assertThat(doc.identity().missing()).isEmpty();
        // The 来源 line names the city's government, not the author: weighed after title, publisher and signature.
        assertThat(doc.identity().candidates()).extracting(Candidate::value).doesNotContain("长沙市人民政府");
    }

    /** A city without counties (东莞市, 中山市) is a city: read it from a page as any other, in bounded time. */
    @org.junit.jupiter.api.Timeout(10)
    @Test
    void readsAnAgencyOfACityWithoutCounties() {
        ParsedDocument doc = parse(
                """
                中山市市场监督管理局2023年政府信息公开工作年度报告
                发布日期：2024-01-19　来源：中山市市场监督管理局
                """
                        + BODY
                        + """
                中山市市场监督管理局
                2024年1月19日
                """);
        CanonicalReport r = doc.report();
        assertThat(r.agencyName()).isEqualTo("中山市市场监督管理局");
        assertThat(r.regionCode()).isEqualTo("442000");
        assertThat(r.year()).isEqualTo(2023);
    }

    @Test
    void prefersTheAuthorToAChannelSourceNamingAnotherBody() {
        ParsedDocument doc = parse(
                """
                当前位置：首页 > 政务公开 > 年度报告
                2021年度政府信息公开工作年度报告
                来源：长沙市人民政府 时间：2022-01-20
                """
                        + BODY
                        + """
                长沙县发展和改革局 2022年1月20日
                """);
        assertThat(doc.report().agencyName()).isEqualTo("长沙县发展和改革局");
        assertThat(doc.report().regionCode()).isEqualTo("430121");
        assertThat(doc.identity().agencySource()).isEqualTo("signature");
    }

    @Test
    void joinsATitleBrokenOverTwoLinesAndSpacedOut() {
        ParsedDocument doc = parse(
                """
                2 0 2 3 年 宜 昌 市 人 民 政 府 办 公 室 政 府 信 息 公 开
                工 作 年 度 报 告
                """
                        + BODY);
        assertThat(doc.title()).isEqualTo("2023年宜昌市人民政府办公室政府信息公开工作年度报告");
        assertThat(doc.report().agencyName()).isEqualTo("宜昌市人民政府办公室");
        assertThat(doc.report().regionCode()).isEqualTo("420500");
        assertThat(doc.report().year()).isEqualTo(2023);
    }

    @Test
    void takesTheAgencyLineAboveATitleThatStartsWithItsYear() {
        ParsedDocument doc =
                parse("""
                汶上县人民政府

                2021 年政府信息公开工作年度报告

                """ + BODY);
        assertThat(doc.report().agencyName()).isEqualTo("汶上县人民政府");
        assertThat(doc.report().regionCode()).isEqualTo("370830");
        assertThat(doc.report().year()).isEqualTo(2021);
    }

    @Test
    void seatsAZoneAgencyInTheDivisionThatSeatsTheZone() {
        ParsedDocument doc = parse("两江新区管委会2021年政府信息公开工作年度报告\n" + BODY);
        // stored under one spelling however pages write it (管委会 = 管理委员会); the printed one is kept
        assertThat(doc.report().agencyName()).isEqualTo("两江新区管理委员会");
        assertThat(doc.identity().printedAgency()).isEqualTo("两江新区管委会");
        assertThat(doc.report().regionCode()).isEqualTo("500000");
        ParsedDocument written = parse("两江新区管理委员会2022年政府信息公开工作年度报告\n" + BODY);
        assertThat(written.report().agencyName()).isEqualTo("两江新区管理委员会");
        assertThat(written.report().regionCode()).isEqualTo("500000");

        ParsedDocument department = parse("青岛西海岸新区市场监督管理局2020年政府信息公开工作年度报告\n" + BODY);
        assertThat(department.report().regionCode()).isEqualTo("370211");
    }

    @Test
    void neverStoresANameCutShortInTheMiddleOfAWord() {
        ParsedDocument doc =
                parse("""
                2020年政府信息公开工作年度报告
                来源：横琴新区管委 时间：2021-01-28
                """
                        + BODY);
        assertThat(doc.report().agencyName()).isNull();
        assertThat(doc.identity().missing()).contains("agency", "regionCode");
        assertThat(doc.report().year()).isEqualTo(2020);
    }

    @Test
    void completesADepartmentAbbreviationWithTheRegionTheBodyNames() {
        ParsedDocument doc = parse(
                """
                县人社局2020年政府信息公开工作年度报告
                根据《中华人民共和国政府信息公开条例》和汉寿县人民政府办公室的要求，现将我局2020年度政府信息公开工作情况报告如下。
                """
                        + BODY
                        + """
                县人社局
                2021年1月15日
                """);
        assertThat(doc.report().agencyName()).isEqualTo("汉寿县人力资源和社会保障局");
        assertThat(doc.report().regionCode()).isEqualTo("430722");
        assertThat(doc.identity().agencySource()).isEqualTo("title");
        // the abbreviation as printed, completed with the region named elsewhere: the alias its agency is found by
        assertThat(doc.identity().printedAgency()).isEqualTo("汉寿县人社局");
        assertThat(doc.identity().candidates())
                .filteredOn(c -> c.field().equals("agency"))
                .extracting(Candidate::value)
                .startsWith("县人社局");
    }

    @Test
    void completesADepartmentAbbreviationWithTheCityOfTheSite() {
        ParsedDocument doc =
                parse("市发改委2022年度政府信息公开工作年度报告\n" + BODY, "http://fgw.zaozhuang.gov.cn/zwgk/ndbg/202301/t1.html");
        assertThat(doc.report().agencyName()).isEqualTo("枣庄市发展和改革委员会");
        assertThat(doc.report().regionCode()).isEqualTo("370400");
    }

    @Test
    void correctsOneOcrConfusedCharacterAndSaysSo() {
        ParsedDocument doc = parse("汩罗市教育局2019年政府信息公开工作年度报告\n" + BODY);
        assertThat(doc.report().agencyName()).isEqualTo("汨罗市教育局");
        assertThat(doc.identity().printedAgency()).isEqualTo("汨罗市教育局");
        assertThat(doc.report().regionCode()).isEqualTo("430681");
        assertThat(doc.report().findings()).extracting(CheckResult::rule).contains("identity.ocr_correction");
        assertThat(doc.identity().candidates()).extracting(Candidate::source).contains("ocr-correction");
    }

    @Test
    void leavesAnOcrSlipUnresolvedWhenItsCorrectionFitsTwoRegions() {
        // 朝阴区 names nothing; read as 朝阳区 it could be in Beijing or in Changchun.
        ParsedDocument doc = parse("朝阴区文化和旅游局2020年政府信息公开工作年度报告\n" + BODY);
        assertThat(doc.report().regionCode()).isNull();
        assertThat(doc.identity().missing()).containsExactly("regionCode");
        assertThat(doc.report().findings()).extracting(CheckResult::rule).doesNotContain("identity.ocr_correction");
    }

    @Test
    void takesTheYearFromTheStatisticsPeriodWhenTheTitleHasNone() {
        ParsedDocument doc = parse(
                """
                历城区审计局政府信息公开工作年度报告
                本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。
                """
                        + BODY);
        assertThat(doc.report().year()).isEqualTo(2019);
        assertThat(doc.identity().yearSource()).isEqualTo("statistics-period");
        assertThat(doc.report().regionCode()).isEqualTo("370112");
    }

    @Test
    void takesTheYearBeforeAnEarlyPublicationDate() {
        ParsedDocument doc = parse(
                """
                历城区审计局政府信息公开工作年度报告
                发布日期：2021-02-03 来源：历城区审计局
                """
                        + BODY);
        assertThat(doc.report().year()).isEqualTo(2020);
        assertThat(doc.identity().yearSource()).isEqualTo("publication-date");
    }

    @Test
    void keepsTheReportWithoutAYearWhenOnlyALatePublicationDateIsGiven() {
        ParsedDocument doc = parse(
                """
                历城区审计局政府信息公开工作年度报告
                发布日期：2021-08-03
                """ + BODY);
        assertThat(doc.report()).isNotNull();
        assertThat(doc.report().year()).isZero();
        assertThat(doc.identity().missing()).containsExactly("year");
        assertThat(doc.report().findings()).extracting(CheckResult::rule).contains("identity.year");
        assertThat(doc.report().figures()).isNotEmpty();
    }

    @Test
    void narrowsANameFourCitiesShareByTheHostOfTheSite() {
        String text = "市中区审计局2019年政府信息公开工作年度报告\n" + BODY + "市中区审计局\n2020年1月20日\n";
        ParsedDocument zaozhuang = parse(text, "http://www.szq.zaozhuang.gov.cn/xxgk/2020/0120.html");
        assertThat(zaozhuang.report().regionCode()).isEqualTo("370402");

        ParsedDocument leshan = parse("原文链接: http://www.leshan.gov.cn/lsswszf/ndbg/202001/t1.shtml\n" + text);
        assertThat(leshan.report().regionCode()).isEqualTo("511102");
    }

    @Test
    void listsTheCandidatesOfANameThatStaysAmbiguous() {
        ParsedDocument doc = parse("市中区审计局2019年政府信息公开工作年度报告\n" + BODY);
        assertThat(doc.report()).isNotNull();
        assertThat(doc.report().agencyName()).isEqualTo("市中区审计局");
        assertThat(doc.report().regionCode()).isNull();
        assertThat(doc.identity().missing()).containsExactly("regionCode");
        assertThat(doc.identity().candidates())
                .filteredOn(c -> c.field().equals("regionCode"))
                .extracting(Candidate::value)
                .containsExactlyInAnyOrder("370103", "370402", "511002", "511102");
    }
}

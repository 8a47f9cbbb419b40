package org.gongkai.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZonesHostsAndCorrectionsTest {

    private final RegionResolver resolver = new RegionResolver(RegionDirectory.standard());

    @ParameterizedTest
    @CsvSource({
        "平潭综合实验区市场监督管理局, 350128",
        "平潭综合实验区管委会办公室, 350128",
        "福建省平潭综合实验区管理委员会办公室, 350128",
        "雄安新区管理委员会, 130600",
        "两江新区管委会, 500000",
        "青岛西海岸新区财政局, 370211",
        "苏州高新区教育局, 320505",
        "天津经济技术开发区管理委员会, 120116",
        "浦东新区人民政府, 310115",
    })
    void seatsZonesInTheDivisionThatSeatsThem(String agency, String code) {
        assertThat(resolver.resolve(agency)).map(Region::code).contains(code);
    }

    @Test
    void listsEveryRegionANameFits() {
        assertThat(resolver.candidates("市中区审计局"))
                .extracting(Region::code)
                .containsExactlyInAnyOrder("370103", "370402", "511002", "511102");
        assertThat(resolver.candidates("枣庄市市中区审计局")).extracting(Region::code).containsExactly("370402");
        assertThat(resolver.candidates("市审计局")).isEmpty();
    }

    @Test
    void readsTheRegionOfAGovernmentHost() {
        GovernmentHosts hosts = GovernmentHosts.standard();
        assertThat(hosts.regionOf("http://www.jinan.gov.cn/art/2020/1/20/art_1.html"))
                .map(Region::code)
                .contains("370100");
        assertThat(hosts.regionOf("https://jyt.ah.gov.cn/xxgk/index.html"))
                .map(Region::code)
                .contains("340000");
        assertThat(hosts.regionOf("https://www.example.com/jinan.gov.cn")).isEmpty();
        assertThat(hosts.regionOf("not a url")).isEmpty();
    }

    @Test
    void writesOutAbbreviatedDepartments() {
        DepartmentAliases aliases = DepartmentAliases.standard();
        assertThat(aliases.expand("平潭县人社局")).isEqualTo("平潭县人力资源和社会保障局");
        assertThat(aliases.expand("济南市发改委")).isEqualTo("济南市发展和改革委员会");
        assertThat(aliases.expand("汶上县市场监管局")).isEqualTo("汶上县市场监督管理局");
        assertThat(aliases.expand("汶上县市场监督管理局")).isEqualTo("汶上县市场监督管理局");
    }

    @Test
    void correctsAnOcrSlipOnlyWhenExactlyOneCorrectionNamesARegion() {
        OcrCorrector ocr = OcrCorrector.over(resolver);
        assertThat(ocr.correct("汩罗市教育局"))
                .map(OcrCorrector.Correction::corrected)
                .contains("汨罗市教育局");
        assertThat(ocr.correct("汨罗市教育局")).isEmpty(); // named as written: nothing to correct
        assertThat(ocr.correct("朝阴区教育局")).isEmpty(); // 朝阳区 is in two cities
    }

    @Test
    void leavesASlipUnresolvedWhenTwoDifferentCorrectionsFit() {
        // A small directory in which the misread 戌 could stand for 戍 or for 戊: two corrections, two regions.
        Region city = new Region("990100", "甲市", RegionLevel.CITY, "990000", "990100");
        Region guard = new Region("990101", "戍城县", RegionLevel.COUNTY, "990000", "990100");
        Region fifth = new Region("990102", "戊城县", RegionLevel.COUNTY, "990000", "990100");
        Region province = new Region("990000", "甲省", RegionLevel.PROVINCE, "990000", null);
        RegionResolver small = new RegionResolver(new RegionDirectory(List.of(province, city, guard, fifth), Map.of()));
        OcrCorrector ocr = new OcrCorrector(List.of(new char[] {'戌', '戍'}, new char[] {'戌', '戊'}), small);
        assertThat(ocr.correct("戌城县教育局")).isEmpty();
        assertThat(new OcrCorrector(List.<char[]>of(new char[] {'戌', '戍'}), small).correct("戌城县教育局"))
                .map(c -> c.region().code())
                .contains("990101");
    }
}

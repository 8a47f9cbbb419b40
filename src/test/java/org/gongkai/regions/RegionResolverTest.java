package org.gongkai.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionResolverTest {

    private final RegionResolver resolver = new RegionResolver(RegionDirectory.standard());

    @ParameterizedTest
    @CsvSource({
        "牡丹江市教育局, 231000",
        "溪湖区教育局, 210503",
        "安徽省教育厅, 340000",
        "定西市教育局, 621100",
        "鞍山市教育局, 210300",
        "马鞍山市教育局, 340500",
        "本溪市溪湖区教育局, 210503",
        "北京市教育委员会, 110000",
        "北京市朝阳区教育委员会, 110105",
        "吉林省长春市朝阳区公安分局, 220104",
        "辽宁省人民政府办公厅, 210000",
        "中山市审计局, 442000",
        "广东省东莞市教育局, 441900",
        "儋州市人民政府办公室, 460400",
    })
    void resolvesTheMostSpecificRegionTheNameNames(String agency, String code) {
        assertThat(resolver.resolve(agency)).map(Region::code).contains(code);
    }

    @Test
    void aCityWithoutCountiesIsACityBelowItsProvince() {
        for (String code : new String[] {"441900", "442000", "460400"}) {
            var lineage = RegionDirectory.standard().lineage(code);
            assertThat(lineage).extracting(Region::level).containsExactly(RegionLevel.CITY, RegionLevel.PROVINCE);
            assertThat(lineage.get(0).cityCode()).isEqualTo(code);
        }
    }

    @Test
    void neverReadsAnshanInsideMaanshan() {
        assertThat(resolver.resolve("马鞍山市教育局")).map(Region::name).contains("马鞍山市");
    }

    @Test
    void leavesAmbiguousAndRegionlessNamesUnresolved() {
        assertThat(resolver.resolve("朝阳区教育局")).isEqualTo(Optional.empty()); // Beijing and Changchun both have one
        assertThat(resolver.resolve("市教育局")).isEmpty();
        assertThat(resolver.resolve("")).isEmpty();
    }

    @Test
    void widensCodesToSixDigitsWithParents() {
        Region xihu = RegionDirectory.standard().find("210503").orElseThrow();
        assertThat(xihu.cityCode()).isEqualTo("210500");
        assertThat(xihu.provinceCode()).isEqualTo("210000");
        assertThat(RegionDirectory.standard().find("231000"))
                .map(Region::parentCode)
                .contains("230000");
    }

    @Test
    void givesAgenciesTheirSectorFromTheLongestDepartmentWord() {
        SectorClassifier sectors = SectorClassifier.standard();
        assertThat(sectors.classify("牡丹江市教育局").key()).isEqualTo("education");
        assertThat(sectors.classify("安徽省教育厅").key()).isEqualTo("education");
        assertThat(sectors.classify("北京市教育委员会").key()).isEqualTo("education");
        assertThat(sectors.classify("本溪市公安局").key()).isEqualTo("public_security");
        assertThat(sectors.classify("鞍山市人民政府办公室").key()).isEqualTo("government_office");
        assertThat(sectors.classify("鞍山市人民政府").key()).isEqualTo("government");
        assertThat(sectors.classify("鞍山市气象台").key()).isEqualTo("other");
    }
}

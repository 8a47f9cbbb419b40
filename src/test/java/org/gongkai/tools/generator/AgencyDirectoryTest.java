package org.gongkai.tools.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.regions.RegionResolver;
import org.gongkai.regions.SectorClassifier;
import org.junit.jupiter.api.Test;

class AgencyDirectoryTest {

    private final AgencyDirectory directory = new AgencyDirectory(RegionDirectory.standard());

    @Test
    void namesAgenciesAfterTheirRegionAndDepartmentAtEveryTier() {
        Set<String> names = directory.all().stream().map(Agency::name).collect(Collectors.toSet());
        assertThat(names).contains("牡丹江市教育局", "溪湖区公安局", "安徽省教育厅", "北京市教育委员会", "上海市公安局", "本溪市人民政府办公室");
    }

    @Test
    void givesNoDepartmentsToTheGenericRowsOfTheRegionTree() {
        assertThat(directory.all())
                .noneMatch(a -> a.name().startsWith("市辖区")
                        || a.name().startsWith("县")
                        || a.name().contains("直辖县级行政区划"));
        assertThat(directory.all()).noneMatch(a -> a.regionCode().equals("110100"));
    }

    @Test
    void everyNameClassifiesIntoItsDepartmentsSector() {
        SectorClassifier classifier = SectorClassifier.standard();
        assertThat(directory.all())
                .allSatisfy(a -> assertThat(classifier.classify(a.name()).key())
                        .as(a.name())
                        .isEqualTo(a.department().sector()));
    }

    @Test
    void namesResolveBackToTheirRegion() {
        RegionResolver resolver = new RegionResolver(RegionDirectory.standard());
        List<Agency> sample = directory.select(500);
        long resolved = sample.stream()
                .filter(a -> resolver.resolve(a.name())
                        .map(r -> r.code().equals(a.regionCode()))
                        .orElse(false))
                .count();
        // County names repeat across provinces (朝阳区), which the resolver rightly refuses to guess.
        assertThat(resolved).isGreaterThan(400);
    }

    @Test
    void identitiesAreUniqueAndTheDirectoryCoversTheCountry() {
        assertThat(directory.all().stream().map(Agency::identity).distinct())
                .hasSize(directory.all().size());
        assertThat(directory.all().size()).isGreaterThan(100_000);
        assertThat(directory.all().stream().map(Agency::provinceCode).distinct())
                .hasSize(31);
    }

    @Test
    void refusesACorpusLargerThanTheRegionTreeCanHold() {
        GeneratorOptions tooMany =
                GeneratorOptions.defaults().withReports(12L * directory.all().size() + 1);
        assertThatThrownBy(() -> new CorpusGenerator(tooMany)).isInstanceOf(IllegalArgumentException.class);
    }
}

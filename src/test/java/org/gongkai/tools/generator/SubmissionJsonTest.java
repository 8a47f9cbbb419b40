package org.gongkai.tools.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.Source;
import org.junit.jupiter.api.Test;

class SubmissionJsonTest {

    // Exact decimals: 0.1000 must come back with its four places, not normalised to 0.1.
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private final SubmissionJson json = SubmissionJson.standard();

    @Test
    void generatedLinesParseBackIntoTheSameReport() throws Exception {
        List<GeneratedReport> reports = new CorpusGenerator(
                        GeneratorOptions.defaults().withReports(3_000))
                .reports()
                .toList();
        for (GeneratedReport generated : reports) {
            String line = json.line(generated.report());
            assertThat(line).doesNotContain("\n");
            assertThat(parse(line)).isEqualTo(generated.report());
        }
    }

    @Test
    void exactFiguresArePlainNumbersAndBoundedOnesCarryTheirBound() throws Exception {
        CanonicalReport report = new CanonicalReport(
                "牡丹江市教育局",
                "231000",
                2019,
                ReportFormat.F2019,
                LocalDate.of(2020, 1, 31),
                null,
                Map.of(
                        "requests.new.total", Figure.exact(3, Source.submitted()),
                        "proactive.items_published",
                                Figure.of(BigDecimal.valueOf(1000), Bound.AT_LEAST, Source.submitted()),
                        "proactive.procurement.amount_10k_yuan",
                                Figure.of(new BigDecimal("0.1000"), Bound.EXACT, Source.submitted())),
                List.of());
        assertThat(json.line(report))
                .isEqualTo("{\"agency\":{\"name\":\"牡丹江市教育局\",\"regionCode\":\"231000\"},\"year\":2019,"
                        + "\"format\":\"2019\",\"publishedOn\":\"2020-01-31\",\"figures\":{"
                        + "\"proactive.procurement.amount_10k_yuan\":0.1000,"
                        + "\"proactive.items_published\":{\"value\":1000,\"bound\":\"at_least\"},"
                        + "\"requests.new.total\":3}}");
    }

    @Test
    void agencyNamesAreEscaped() throws Exception {
        CanonicalReport report = new CanonicalReport(
                "A\"B\\C\u0001", "110000", 2020, ReportFormat.F2019, null, null, Map.of(), List.of());
        assertThat(mapper.readTree(json.line(report)).at("/agency/name").asText())
                .isEqualTo("A\"B\\C\u0001");
    }

    @Test
    void truthLinesCarryTheDerivedSubtotalsAndTheFaults() throws Exception {
        GeneratedReport faulty = new CorpusGenerator(
                        GeneratorOptions.defaults().withReports(3_000).withFaultShare(0.2))
                .reports()
                .filter(GeneratedReport::faulty)
                .filter(r -> r.report().format() == ReportFormat.F2021)
                .findFirst()
                .orElseThrow();
        JsonNode truth = mapper.readTree(TruthJson.standard().line(faulty));
        assertThat(truth.at("/figures/outcome.denied.total").isNumber()).isTrue();
        assertThat(truth.at("/figures/outcome.other.total").isNumber()).isTrue();
        assertThat(truth.at("/faults/0/rule").asText())
                .isEqualTo(faulty.faults().get(0).rule());
        assertThat(truth.at("/faults/0/failures").size())
                .isEqualTo(faulty.faults().get(0).failures().size());
        assertThat(truth.at("/sector").asText())
                .isEqualTo(faulty.agency().department().sector());
    }

    /** Reads a submission line the way a client of the API would. */
    private CanonicalReport parse(String line) throws Exception {
        JsonNode node = mapper.readTree(line);
        Map<String, Figure> figures = new java.util.HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.get("figures").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            figures.put(
                    e.getKey(),
                    v.isObject()
                            ? Figure.of(
                                    v.get("value").decimalValue(),
                                    Bound.fromCode(v.get("bound").asText()).orElseThrow(),
                                    Source.submitted())
                            : Figure.of(v.decimalValue(), Bound.EXACT, Source.submitted()));
        }
        return new CanonicalReport(
                node.at("/agency/name").asText(),
                node.at("/agency/regionCode").asText(),
                node.get("year").asInt(),
                ReportFormat.fromCode(node.get("format").asText()).orElseThrow(),
                LocalDate.parse(node.get("publishedOn").asText()),
                null,
                figures,
                List.of());
    }
}

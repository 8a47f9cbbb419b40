package org.gongkai.reports;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON body of {@code POST /api/reports} as OpenAPI shows it; {@link SubmissionReader} reads and checks it. */
@Schema(name = "ReportSubmission", description = "one annual report (年报) of one agency and year")
public record SubmissionBody(
        @Schema(required = true) Agency agency,
        @Schema(required = true, description = "the year covered, 2008 to next year") int year,
        @Schema(
                        required = true,
                        enumeration = {"2019", "2021", "narrative"})
                String format,
        @Schema(description = "ISO date the report was published") String publishedOn,
        @Schema(description = "where the report was published") String sourceUrl,
        @Schema(
                        required = true,
                        description = "metric key → a number, or {\"value\": n, \"bound\": \"at_least\"|\"approx\"}")
                Map<String, Object> figures) {

    /** Who reports. */
    @Schema(name = "SubmittedAgency")
    public record Agency(
            @Schema(required = true, maxLength = 200) String name,
            @Schema(description = "a 6-digit region code; resolved from the name when absent", pattern = "^\\d{6}$")
                    String regionCode) {}

    public static final String EXAMPLE =
            """
            {"agency": {"name": "吉林省教育厅"}, "year": 2024, "format": "2021",
             "figures": {"requests.new.total": 10, "outcome.granted.total": 4}}""";

    /** The body of {@code PUT /api/reports/{id}/identity}. */
    @Schema(name = "IdentityResolution", description = "what an unresolved report lacked: its agency and year")
    public record Identity(Agency agency, @Schema(description = "2008 to next year") Integer year) {

        public static final String EXAMPLE =
                "{\"agency\": {\"name\": \"长春市教育局\", \"regionCode\": \"220100\"}, \"year\": 2023}";
    }
}

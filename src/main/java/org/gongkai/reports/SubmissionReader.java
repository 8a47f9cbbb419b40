package org.gongkai.reports;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.Source;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.metrics.MetricKind;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;
import org.gongkai.regions.RegionCode;
import org.gongkai.regions.RegionDirectory;

/**
 * Reads a structured report as submitted to {@code POST /api/reports} (API.md) and checks every field, collecting
 * all problems with their JSON Pointers before refusing. Plain Java: the bulk path and the CLI read lines with it too.
 */
public final class SubmissionReader {

    public static final int FIRST_YEAR = org.gongkai.canonical.ReportYear.FIRST;

    /** The last year a report can cover: next year (a report is published early in the year after). */
    public static int lastYear() {
        return org.gongkai.canonical.ReportYear.last();
    }

    private static final Set<String> TOP_LEVEL =
            Set.of("agency", "year", "format", "publishedOn", "sourceUrl", "figures");
    private static final Set<String> IDENTITY_FIELDS = Set.of("agency", "year");
    private static final Set<String> AGENCY_FIELDS = Set.of("name", "regionCode");
    private static final Set<String> FIGURE_FIELDS = Set.of("value", "bound");
    private static final BigDecimal LARGEST = new BigDecimal("1000000000000");

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final MetricCatalogue catalogue;
    private final RegionDirectory regions;

    public SubmissionReader(MetricCatalogue catalogue, RegionDirectory regions) {
        this.catalogue = catalogue;
        this.regions = regions;
    }

    /** Parses and validates one JSON document; throws {@link ProblemException} (400 or 422) naming every bad field. */
    public CanonicalReport read(String body) {
        return read(object(body, "the body must be a JSON object describing one report"));
    }

    /**
     * Reads the body of {@code PUT /api/reports/{id}/identity}: {@code {"agency": {"name", "regionCode"}, "year"}},
     * each field checked as {@code POST /api/reports} checks it. The name and the year may be left out (null in the
     * claim) when the document gave them; the agency object is required.
     */
    public IdentityClaim readIdentity(String body, boolean documentNamedAgency, boolean documentGaveYear) {
        JsonNode root =
                object(body, "the body must be a JSON object: {\"agency\": {\"name\", \"regionCode\"}, \"year\"}");
        List<FieldError> errors = new ArrayList<>();
        unknownFields(root, IDENTITY_FIELDS, "", errors);
        AgencyField agency = readAgency(root, documentNamedAgency, errors);
        JsonNode y = root.get("year");
        Integer year = (y == null || y.isNull()) && documentGaveYear ? null : readYear(root, errors);
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return new IdentityClaim(agency.name(), agency.regionCode(), year);
    }

    /** The body as a JSON object (400 for malformed JSON or unstorable text, 422 for another value). */
    public JsonNode object(String body, String notAnObject) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonParseException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            String detail = "not valid JSON" + where + ": " + e.getOriginalMessage();
            throw new ProblemException(
                    400,
                    "malformed-json",
                    "Malformed JSON",
                    "the body is " + detail,
                    List.of(new FieldError("", detail)));
        } catch (IOException e) {
            throw new ProblemException(
                    400,
                    "malformed-json",
                    "Malformed JSON",
                    e.getMessage(),
                    List.of(new FieldError("", e.getMessage())));
        }
        if (root == null || !root.isObject()) throw ProblemException.invalid("", notAnObject);
        List<FieldError> unstorable = RequestText.unstorableStrings(root);
        if (!unstorable.isEmpty()) {
            throw new ProblemException(
                    400,
                    "invalid-text",
                    "Invalid text",
                    unstorable.get(0).pointer() + ": " + unstorable.get(0).message(),
                    unstorable);
        }
        return root;
    }

    public CanonicalReport read(JsonNode root) {
        List<FieldError> errors = new ArrayList<>();
        unknownFields(root, TOP_LEVEL, "", errors);

        AgencyField agency = readAgency(root, false, errors);
        String agencyName = agency.name();
        String regionCode = agency.regionCode();
        Integer y = readYear(root, errors);
        int year = y == null ? 0 : y;

        ReportFormat format = null;
        JsonNode f = root.get("format");
        if (f == null || !f.isTextual()) {
            errors.add(new FieldError("/format", "required: \"2019\", \"2021\" or \"narrative\""));
        } else {
            format = ReportFormat.fromCode(f.asText()).orElse(null);
            if (format == null) {
                errors.add(new FieldError(
                        "/format", "must be \"2019\", \"2021\" or \"narrative\", was \"" + f.asText() + "\""));
            }
        }

        LocalDate publishedOn = null;
        JsonNode p = root.get("publishedOn");
        if (p != null && !p.isNull()) {
            try {
                if (!p.isTextual()) throw new DateTimeParseException("not a string", p.toString(), 0);
                publishedOn = LocalDate.parse(p.asText());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("/publishedOn", "must be a date as YYYY-MM-DD"));
            }
        }
        String sourceUrl = null;
        JsonNode u = root.get("sourceUrl");
        if (u != null && !u.isNull()) {
            if (!u.isTextual() || u.asText().length() > 2000) {
                errors.add(new FieldError("/sourceUrl", "must be a string of at most 2000 characters"));
            } else {
                sourceUrl = u.asText();
            }
        }

        Map<String, Figure> figures = new LinkedHashMap<>();
        JsonNode figs = root.get("figures");
        if (figs == null || figs.isNull()) {
            // a report with no figures is allowed: it says the agency reported
        } else if (!figs.isObject()) {
            errors.add(new FieldError("/figures", "must be an object of metric key → number or {value, bound}"));
        } else {
            Iterator<Map.Entry<String, JsonNode>> it = figs.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                readFigure(e.getKey(), e.getValue(), format, errors).ifPresent(fig -> figures.put(e.getKey(), fig));
            }
        }
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return new CanonicalReport(agencyName, regionCode, year, format, publishedOn, sourceUrl, figures, List.of());
    }

    /** The agency member as read: either part null when absent or invalid. */
    private record AgencyField(String name, String regionCode) {}

    private AgencyField readAgency(JsonNode root, boolean nameOptional, List<FieldError> errors) {
        String agencyName = null;
        String regionCode = null;
        JsonNode agency = root.get("agency");
        if (agency == null || !agency.isObject()) {
            errors.add(new FieldError(
                    "/agency", "required: an object with the agency's name (and optionally regionCode)"));
        } else {
            unknownFields(agency, AGENCY_FIELDS, "/agency", errors);
            JsonNode name = agency.get("name");
            if (nameOptional && (name == null || name.isNull())) {
                // the document named the agency
            } else if (name == null || !name.isTextual() || name.asText().isBlank()) {
                errors.add(new FieldError("/agency/name", "required: the agency's name as a non-empty string"));
            } else if (name.asText().length() > 200) {
                errors.add(new FieldError("/agency/name", "longer than 200 characters"));
            } else {
                agencyName = name.asText().strip();
            }
            JsonNode code = agency.get("regionCode");
            if (code != null && !code.isNull()) {
                String why = RegionCode.whyNot(code.isTextual() ? code.asText() : null, regions);
                if (why != null) {
                    errors.add(new FieldError("/agency/regionCode", why));
                } else {
                    regionCode = code.asText();
                }
            }
        }
        return new AgencyField(agencyName, regionCode);
    }

    /** The year the report covers, null when absent or out of bounds (with an error). */
    private static Integer readYear(JsonNode root, List<FieldError> errors) {
        int lastYear = lastYear();
        JsonNode y = root.get("year");
        if (y == null || !y.isIntegralNumber()) {
            errors.add(new FieldError("/year", "required: the year the report covers, as an integer"));
        } else if (y.asInt() < FIRST_YEAR || y.asInt() > lastYear || !y.canConvertToInt()) {
            errors.add(new FieldError(
                    "/year", "must be between " + FIRST_YEAR + " and " + lastYear + ", was " + y.asText()));
        } else {
            return y.asInt();
        }
        return null;
    }

    /** One figure of a submission or correction, checked against the catalogue and format; empty (with errors) when bad. */
    public Optional<Figure> readFigure(String key, JsonNode node, ReportFormat format, List<FieldError> errors) {
        // the pointers are made only for an error: a bulk load reads hundreds of millions of good figures
        Supplier<String> at = () -> FieldError.pointer("figures", key);
        Optional<Metric> metric = catalogue.find(key);
        if (metric.isEmpty()) {
            errors.add(new FieldError(at.get(), "unknown metric key; GET /api/metrics lists them"));
            return Optional.empty();
        }
        Metric m = metric.get();
        if (m.kind() == MetricKind.RATE) {
            errors.add(new FieldError(at.get(), "a derived rate is computed by Gongkai and cannot be submitted"));
            return Optional.empty();
        }
        if (format != null && format != ReportFormat.NARRATIVE && !m.formats().contains(format)) {
            errors.add(new FieldError(at.get(), "the " + format.code() + " format has no such cell"));
            return Optional.empty();
        }
        JsonNode valueNode = node;
        Bound bound = Bound.EXACT;
        Supplier<String> valueAt = at;
        if (node.isObject()) {
            unknownFields(node, FIGURE_FIELDS, at.get(), errors);
            valueNode = node.get("value");
            JsonNode b = node.get("bound");
            if (b != null && !b.isNull()) {
                Optional<Bound> parsed = b.isTextual() ? Bound.fromCode(b.asText()) : Optional.empty();
                if (parsed.isEmpty()) {
                    errors.add(new FieldError(
                            at.get() + "/bound", "must be \"exact\", \"at_least\" or \"approximately\""));
                    return Optional.empty();
                }
                bound = parsed.get();
            }
            valueAt = () -> at.get() + "/value";
        }
        if (valueNode == null || !valueNode.isNumber()) {
            errors.add(new FieldError(valueAt.get(), "must be a number"));
            return Optional.empty();
        }
        BigDecimal value = valueNode.decimalValue();
        boolean signed = m.unit().startsWith("signed");
        boolean decimal = m.unit().equals("10k_yuan");
        if (!signed && value.signum() < 0) {
            errors.add(new FieldError(valueAt.get(), "must not be negative, was " + value.toPlainString()));
            return Optional.empty();
        }
        if (!decimal && value.stripTrailingZeros().scale() > 0) {
            errors.add(new FieldError(valueAt.get(), "must be a whole number, was " + value.toPlainString()));
            return Optional.empty();
        }
        if (value.abs().compareTo(LARGEST) > 0 || value.scale() > 6) {
            errors.add(new FieldError(valueAt.get(), "is out of range"));
            return Optional.empty();
        }
        if (!decimal) value = value.setScale(0, java.math.RoundingMode.UNNECESSARY);
        return Optional.of(Figure.of(value, bound, Source.submitted()));
    }

    private static void unknownFields(JsonNode node, Set<String> known, String at, List<FieldError> errors) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) errors.add(new FieldError(at + FieldError.pointer(name), "unknown field"));
        });
    }
}

package org.gongkai.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.gongkai.canonical.AgencyProfile;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.SourceKind;
import org.gongkai.checks.Assessment;
import org.gongkai.checks.ReportAssessor;
import org.gongkai.metrics.CheckRule;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;
import org.gongkai.reports.IdentityClaim;
import org.gongkai.reports.ReportReader;
import org.gongkai.reports.ReportService;
import org.gongkai.reports.StoredReport;
import org.gongkai.reports.SubmissionReader;
import org.gongkai.storage.CorrectionStore;
import org.gongkai.storage.UnresolvedStore;

/**
 * A person's work on the queue, one transaction each: a correction (a new revision, by whom, why, before and after),
 * an item accepted as the report's own error, a difference between a new parse and a correction decided.
 */
@ApplicationScoped
public class ReviewService {

    private static final Set<String> CORRECTION_FIELDS = Set.of("reason", "agency", "year", "figures");
    private static final int REASON_CHARS = 2000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReportReader reports;

    @Inject
    ReportService reportService;

    @Inject
    SubmissionReader submissions;

    @Inject
    ReportAssessor assessor;

    @Inject
    MetricCatalogue catalogue;

    @Inject
    CorrectionStore store;

    @Inject
    UnresolvedStore unresolved;

    @Inject
    ObjectMapper json;

    /**
     * Corrects report {@code id} as {@code body} says ({@code reason}, and a new {@code agency}/{@code year} or
     * {@code figures}: metric → number, {@code {value, bound}}, or null to remove); {@code allowed} is asked about the
     * agency the corrected report belongs to before anything is written. Returns the new revision's id.
     */
    @Transactional
    public long correct(long id, JsonNode body, CorrectionStore.Author author, Consumer<AgencyProfile> allowed) {
        StoredReport base = reports.find(id).orElseThrow(() -> ProblemException.notFound("no report has the id " + id));
        if (!base.unresolved() && !base.latest()) {
            throw new ProblemException(
                    ProblemException.Kind.CONFLICT,
                    "not-latest",
                    "Not the latest revision",
                    "report " + id + " is not the latest revision of its agency and year; correct the latest one"
                            + " (a revision held behind a correction is decided in GET /api/review)",
                    List.of(new FieldError("", "not the latest revision")));
        }
        List<FieldError> errors = new ArrayList<>();
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!CORRECTION_FIELDS.contains(name)) errors.add(new FieldError("/" + name, "unknown field"));
        }
        JsonNode reasonNode = body.get("reason");
        String reason = reasonNode != null && reasonNode.isTextual()
                ? reasonNode.asText().strip()
                : null;
        if (reason == null || reason.isEmpty()) {
            errors.add(new FieldError("/reason", "required: say why the report is corrected"));
        } else if (reason.length() > REASON_CHARS) {
            errors.add(new FieldError("/reason", "at most " + REASON_CHARS + " characters"));
        }
        IdentityClaim claim = claim(base, body, errors);
        ReportFormat format = ReportFormat.fromCode(base.format()).orElseThrow();
        Map<String, Figure> printed = printed(base, format);
        List<Change> changes = new ArrayList<>();
        JsonNode figures = body.get("figures");
        if (figures != null && !figures.isNull()) {
            if (!figures.isObject()) {
                errors.add(
                        new FieldError("/figures", "must be an object of metric key → number, {value, bound} or null"));
            } else {
                figures.fields()
                        .forEachRemaining(
                                e -> change(e.getKey(), e.getValue(), format, printed, base, author, changes, errors));
            }
        }
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        AgencyProfile agency = reportService
                .profile(claim)
                .orElseThrow(() -> ProblemException.invalid(
                        "/agency/regionCode",
                        "no region can be resolved from the agency name \"" + claim.agencyName()
                                + "\"; give agency.regionCode"));
        boolean identityChanged = base.unresolved()
                || !agency.name().equals(base.agency().name())
                || !agency.region().code().equals(base.agency().regionCode())
                || !Objects.equals(claim.year(), base.year());
        if (!identityChanged && changes.isEmpty()) {
            throw ProblemException.invalid("", "nothing to correct: the identity and every figure are as stored");
        }
        allowed.accept(agency);
        for (Change c : changes) {
            if (c.after() == null) printed.remove(c.metric());
            else printed.put(c.metric(), c.after());
        }
        CanonicalReport corrected = new CanonicalReport(
                agency.name(),
                agency.region().code(),
                claim.year(),
                format,
                base.publishedOn(),
                base.sourceUrl(),
                printed,
                findings(base));
        Assessment a = assessor.assess(corrected);
        String changesJson = changesJson(base, agency, claim.year(), identityChanged, changes);
        try (Connection c = dataSource.getConnection()) {
            if (base.unresolved()) {
                UnresolvedStore.Pending p = unresolved.lock(c, id).orElseThrow();
                if (!p.unresolved()) throw ReportService.alreadyResolved(id);
                unresolved.resolve(c, p, agency, claim.year(), claim.agencyName(), author.name(), author.tokenId());
            }
            CorrectionStore.Revision revision = store.find(c, id).orElseThrow();
            return store.correct(c, revision, agency, corrected, a, author, reason, changesJson);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot correct report " + id, e);
        }
    }

    /** One figure changed: {@code after} null when it is removed. */
    private record Change(String metric, Figure before, Figure after) {}

    /** The identity the corrected report has: what the body gives, else what the report had. */
    private IdentityClaim claim(StoredReport base, JsonNode body, List<FieldError> errors) {
        String name = base.agency().name();
        // an unresolved report's region is only the scope its candidates share, unless just the agency or year lacked
        String region = base.unresolved() && base.missingIdentity().contains("regionCode")
                ? null
                : base.agency().regionCode();
        JsonNode agency = body.get("agency");
        if (agency != null && !agency.isNull()) {
            if (!agency.isObject()) {
                errors.add(new FieldError("/agency", "must be an object {name, regionCode}"));
            } else {
                agency.fieldNames().forEachRemaining(n -> {
                    if (!Set.of("name", "regionCode").contains(n))
                        errors.add(new FieldError("/agency/" + n, "unknown field"));
                });
                JsonNode n = agency.get("name");
                if (n != null && !n.isNull()) {
                    if (!n.isTextual() || n.asText().isBlank() || n.asText().length() > 200) {
                        errors.add(new FieldError("/agency/name", "must be a name of at most 200 characters"));
                    } else if (!n.asText().strip().equals(name)) {
                        name = n.asText().strip();
                        region = null; // another agency: its region is given or resolved from its name
                    }
                }
                JsonNode r = agency.get("regionCode");
                if (r != null && !r.isNull()) {
                    String why = r.isTextual()
                            ? org.gongkai.regions.RegionCode.whyNot(
                                    r.asText(), org.gongkai.regions.RegionDirectory.standard())
                            : "must be a 6-digit region code such as \"231000\"";
                    if (why != null) {
                        errors.add(new FieldError("/agency/regionCode", why));
                    } else {
                        region = r.asText();
                    }
                }
            }
        }
        Integer year = base.year();
        JsonNode y = body.get("year");
        if (y != null && !y.isNull()) {
            if (!y.canConvertToInt()
                    || y.asInt() < SubmissionReader.FIRST_YEAR
                    || y.asInt() > SubmissionReader.lastYear()) {
                errors.add(new FieldError(
                        "/year",
                        "must be between " + SubmissionReader.FIRST_YEAR + " and " + SubmissionReader.lastYear()));
            } else {
                year = y.asInt();
            }
        }
        if (name == null) errors.add(new FieldError("/agency/name", "required: the report names no agency"));
        if (year == null) errors.add(new FieldError("/year", "required: the report states no year"));
        return new IdentityClaim(name, region, year);
    }

    /**
     * The figures as the report printed them: the stored ones without the subtotals that are the sums of their stored
     * parts, which are derived again from the corrected parts.
     */
    private Map<String, Figure> printed(StoredReport base, ReportFormat format) {
        Map<String, Figure> out = new LinkedHashMap<>(base.figures());
        for (Map.Entry<String, Figure> e : base.figures().entrySet()) {
            Figure f = e.getValue();
            if (f.source() == null || f.source().kind() != SourceKind.DERIVED) continue;
            Metric m = catalogue.get(e.getKey());
            if (!m.isSumOfComponentsIn(format) || !m.components().stream().allMatch(base.figures()::containsKey))
                continue;
            BigDecimal sum = m.components().stream()
                    .map(k -> base.figures().get(k).value())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(f.value()) == 0) out.remove(e.getKey());
        }
        return out;
    }

    private void change(
            String key,
            JsonNode node,
            ReportFormat format,
            Map<String, Figure> printed,
            StoredReport base,
            CorrectionStore.Author author,
            List<Change> changes,
            List<FieldError> errors) {
        Figure before = base.figures().get(key);
        if (node == null || node.isNull()) {
            if (catalogue.find(key).isEmpty()) {
                errors.add(new FieldError(FieldError.pointer("figures", key), "unknown metric key"));
            } else if (before != null) {
                changes.add(new Change(key, before, null));
            }
            return;
        }
        submissions.readFigure(key, node, format, errors).ifPresent(f -> {
            if (before != null && before.value().compareTo(f.value()) == 0 && before.bound() == f.bound()) return;
            String was = before == null ? "absent" : before.value().toPlainString();
            // the cell keeps where it was read (the text around it is what the person compared), and says it changed
            Figure after = new Figure(
                    f.value(),
                    f.bound(),
                    before == null ? f.source() : before.source(),
                    List.of(),
                    "corrected by " + author.name() + " (was " + was + ")");
            changes.add(new Change(key, before, after));
        });
    }

    /** The producer's findings of the report (its cross-checks are run again on the corrected figures). */
    private List<CheckResult> findings(StoredReport base) {
        Set<String> rules = catalogue.checks().stream().map(CheckRule::rule).collect(Collectors.toSet());
        return base.checks().stream().filter(k -> !rules.contains(k.rule())).toList();
    }

    private String changesJson(
            StoredReport base, AgencyProfile agency, int year, boolean identityChanged, List<Change> changes) {
        ObjectNode root = json.createObjectNode();
        if (identityChanged) {
            ObjectNode identity = root.putObject("identity");
            ObjectNode before = identity.putObject("before");
            before.put("agency", base.agency().name());
            before.put("regionCode", base.agency().regionCode());
            if (base.year() == null) before.putNull("year");
            else before.put("year", base.year());
            ObjectNode after = identity.putObject("after");
            after.put("agency", agency.name());
            after.put("regionCode", agency.region().code());
            after.put("year", year);
        } else {
            root.putNull("identity");
        }
        ArrayNode figures = root.putArray("figures");
        for (Change c : changes) {
            ObjectNode f = figures.addObject();
            f.put("metric", c.metric());
            if (c.before() == null) f.putNull("before");
            else f.put("before", c.before().value());
            if (c.after() == null) f.putNull("after");
            else f.put("after", c.after().value());
            if (c.before() != null
                    && c.after() != null
                    && c.before().bound() != c.after().bound()) {
                f.put("beforeBound", c.before().bound().code());
                f.put("afterBound", c.after().bound().code());
            } else if (c.after() != null && c.after().bound() != Bound.EXACT) {
                f.put("afterBound", c.after().bound().code());
            }
        }
        return root.toString();
    }

    /**
     * Accepts an open item as the report's own error (as published): it leaves the queue and stays a finding of the
     * report. 409 for an item that is not open, or of a kind a decision cannot close (an unresolved identity is
     * given, a difference is decided).
     */
    @Transactional
    public void accept(QueueItem item, String reason, CorrectionStore.Author author) {
        if (Set.of("unresolved", "difference").contains(item.kind())) {
            throw conflict(
                    "not-acceptable",
                    "an item of kind " + item.kind() + " is closed by "
                            + ("unresolved".equals(item.kind())
                                    ? "giving the identity (a correction, or PUT /api/reports/{id}/identity)"
                                    : "a decision (POST /api/review/{id}/decision)"));
        }
        decide(item, "accepted", "accepted as published", reason, author);
    }

    /**
     * Decides a difference between a new revision held behind a correction and the correction: {@code keep} the
     * correction, or {@code take} the new revision as the latest (roll-ups move at once).
     */
    @Transactional
    public void decideDifference(QueueItem item, String take, String reason, CorrectionStore.Author author) {
        if (!"difference".equals(item.kind())) throw conflict("not-a-difference", "only a difference is decided");
        boolean takeNew = "new".equals(take);
        decide(item, "decided", takeNew ? "took the new revision" : "kept the correction", reason, author);
        if (!takeNew) return;
        try (Connection c = dataSource.getConnection()) {
            if (!store.take(c, Long.parseLong(item.reportId()), Long.parseLong(item.relatedReportId()), author)) {
                throw conflict(
                        "stale-difference",
                        "the corrected revision " + item.relatedReportId()
                                + " is no longer the latest; the difference cannot be taken");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take revision " + item.reportId(), e);
        }
    }

    private void decide(QueueItem item, String state, String decision, String reason, CorrectionStore.Author author) {
        try (Connection c = dataSource.getConnection()) {
            if (!store.decide(c, Long.parseLong(item.id()), state, decision, reason, author)) {
                throw conflict("not-open", "item " + item.id() + " is not open (it is " + item.state() + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot decide item " + item.id(), e);
        }
    }

    private static ProblemException conflict(String slug, String detail) {
        return new ProblemException(
                ProblemException.Kind.CONFLICT, slug, "Conflict", detail, List.of(new FieldError("", detail)));
    }
}

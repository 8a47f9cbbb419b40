package org.gongkai.tools.generator;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.Source;
import org.gongkai.metrics.MetricCatalogue;

/**
 * Writes the ground truth of one report: its identity, the figures Gongkai should hold once it derives the subtotals,
 * and each injected fault with the cells it changed and the checks that must fail. One line per report, in the order of
 * {@code reports.ndjson}:
 *
 * <pre>{@code
 * {"agency":{"name":"溪湖区教育局","regionCode":"210503"},"year":2021,"format":"2021","tier":"county",
 *  "sector":"education","department":"education","figures":{…,"outcome.denied.total":0,…},
 *  "faults":[{"kind":"balance_off","rule":"requests.balance",
 *    "changes":[{"metric":"requests.new.natural_person","original":1,"injected":2},…],
 *    "failures":[{"rule":"requests.balance","column":"natural_person"},{"rule":"requests.balance","column":"total"}]}]}
 * }</pre>
 *
 * {@code figures} are the submitted figures, faults included, and the subtotals the form does not print, summed from
 * the generator's draws ({@link GeneratedReport#subtotals()}), not by the code that derives them in Gongkai; a failure's
 * rule, row and column are those of the {@code CheckResult} that {@code CrossChecks} (or {@link CarriedOverChain}, for
 * {@code requests.carried_over_chain} against the previous line of the same agency) reports.
 */
public final class TruthJson {

    private static final Source SUBTOTAL = Source.submitted();

    private final SubmissionJson figures;

    public TruthJson(MetricCatalogue catalogue) {
        this.figures = new SubmissionJson(catalogue);
    }

    public static TruthJson standard() {
        return new TruthJson(MetricCatalogue.standard());
    }

    public String line(GeneratedReport generated) {
        Utf8Buffer out = new Utf8Buffer(8192);
        append(generated, out);
        return out.toString();
    }

    void append(GeneratedReport generated, Utf8Buffer out) {
        CanonicalReport report = generated.report();
        Agency agency = generated.agency();
        out.ascii("{\"agency\":{\"name\":");
        JsonText.string(out, report.agencyName());
        out.ascii(",\"regionCode\":\"").ascii(report.regionCode()).ascii("\"}");
        out.ascii(",\"year\":").number(report.year());
        out.ascii(",\"format\":\"").ascii(report.format().code()).append('"');
        out.ascii(",\"tier\":\"")
                .ascii(agency.tier().name().toLowerCase(Locale.ROOT))
                .append('"');
        out.ascii(",\"sector\":\"").ascii(agency.department().sector()).append('"');
        out.ascii(",\"department\":\"").ascii(agency.department().key()).append('"');
        Map<String, Figure> complete = new HashMap<>(report.figures());
        generated.subtotals().forEach((key, value) -> complete.put(key, Figure.exact(value, SUBTOTAL)));
        out.ascii(",\"figures\":");
        figures.figures(complete, out);
        out.ascii(",\"faults\":[");
        for (int f = 0; f < generated.faults().size(); f++) {
            InjectedFault fault = generated.faults().get(f);
            if (f > 0) out.append(',');
            out.ascii("{\"kind\":\"").ascii(fault.kind().code());
            out.ascii("\",\"rule\":\"").ascii(fault.rule()).ascii("\",\"changes\":[");
            for (int i = 0; i < fault.changes().size(); i++) {
                CellChange change = fault.changes().get(i);
                if (i > 0) out.append(',');
                out.ascii("{\"metric\":\"").ascii(change.metric()).ascii("\",\"original\":");
                out.number(change.original()).ascii(",\"injected\":").number(change.injected());
                out.append('}');
            }
            out.ascii("],\"failures\":[");
            for (int i = 0; i < fault.failures().size(); i++) {
                ExpectedFailure failure = fault.failures().get(i);
                if (i > 0) out.append(',');
                out.ascii("{\"rule\":\"").ascii(failure.rule()).append('"');
                if (failure.row() != null)
                    out.ascii(",\"row\":\"").ascii(failure.row()).append('"');
                out.ascii(",\"column\":\"").ascii(failure.column()).ascii("\"}");
            }
            out.ascii("]}");
        }
        out.ascii("]}");
    }
}

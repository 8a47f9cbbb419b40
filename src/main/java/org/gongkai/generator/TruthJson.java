package org.gongkai.generator;

import java.util.Map;
import org.gongkai.canonical.Figure;
import org.gongkai.checks.DerivedFigures;
import org.gongkai.metrics.MetricCatalogue;

/**
 * Writes the ground truth of one report: its identity, the figures Gongkai should hold once it derives the subtotals,
 * and each injected fault with the cells it changed and the checks that must fail.
 */
public final class TruthJson {

    private final SubmissionJson figures;
    private final DerivedFigures derived;

    public TruthJson(MetricCatalogue catalogue) {
        this.figures = new SubmissionJson(catalogue);
        this.derived = new DerivedFigures(catalogue);
    }

    public static TruthJson standard() {
        return new TruthJson(MetricCatalogue.standard());
    }

    public String line(GeneratedReport generated) {
        StringBuilder out = new StringBuilder(8192);
        append(generated, out);
        return out.toString();
    }

    public void append(GeneratedReport generated, StringBuilder out) {
        var report = generated.report();
        out.append("{\"agency\":{\"name\":");
        JsonText.string(out, report.agencyName());
        out.append(",\"regionCode\":\"").append(report.regionCode()).append("\"}");
        out.append(",\"year\":").append(report.year());
        out.append(",\"format\":\"").append(report.format().code()).append('"');
        out.append(",\"tier\":\"")
                .append(generated.agency().tier().name().toLowerCase(java.util.Locale.ROOT))
                .append('"');
        out.append(",\"sector\":\"")
                .append(generated.agency().department().sector())
                .append('"');
        out.append(",\"department\":\"")
                .append(generated.agency().department().key())
                .append('"');
        Map<String, Figure> complete = derived.complete(report.format(), report.figures());
        out.append(",\"figures\":");
        figures.figures(complete, out);
        out.append(",\"faults\":[");
        boolean firstFault = true;
        for (InjectedFault fault : generated.faults()) {
            if (!firstFault) out.append(',');
            firstFault = false;
            out.append("{\"kind\":\"")
                    .append(fault.kind().code())
                    .append("\",\"rule\":\"")
                    .append(fault.rule());
            out.append("\",\"changes\":[");
            for (int i = 0; i < fault.changes().size(); i++) {
                CellChange change = fault.changes().get(i);
                if (i > 0) out.append(',');
                out.append("{\"metric\":\"").append(change.metric()).append("\",\"original\":");
                JsonText.number(out, change.original());
                out.append(",\"injected\":");
                JsonText.number(out, change.injected());
                out.append('}');
            }
            out.append("],\"failures\":[");
            for (int i = 0; i < fault.failures().size(); i++) {
                ExpectedFailure failure = fault.failures().get(i);
                if (i > 0) out.append(',');
                out.append("{\"rule\":\"").append(failure.rule()).append('"');
                if (failure.row() != null)
                    out.append(",\"row\":\"").append(failure.row()).append('"');
                out.append(",\"column\":\"").append(failure.column()).append("\"}");
            }
            out.append("]}");
        }
        out.append("]}");
    }
}

package org.gongkai.tools.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.regions.RegionDirectory;

/**
 * Generates a national corpus of annual reports: {@code ceil(reports / years)} agencies of the real region tree, each
 * reporting every year of the window, agency by agency, oldest year first. To hit the exact count the last agencies
 * start a year or more later (as bodies that began publishing late do). Reports are produced lazily, one agency at a
 * time, so memory does not grow with the corpus; each agency draws from its own seeded stream, so a parallel stream
 * (kept ordered) yields the same reports.
 */
public final class CorpusGenerator {

    private final GeneratorOptions options;
    private final List<Agency> agencies;
    private final FaultInjector faults;

    public CorpusGenerator(GeneratorOptions options) {
        this(options, new AgencyDirectory(RegionDirectory.standard()));
    }

    public CorpusGenerator(GeneratorOptions options, AgencyDirectory directory) {
        this.options = options;
        int years = options.years();
        long needed = (options.reports() + years - 1) / years;
        if (needed > directory.all().size()) {
            throw new IllegalArgumentException("at most "
                    + (long) directory.all().size() * years + " reports fit "
                    + years + " years of the " + directory.all().size() + " agencies of the region tree; asked for "
                    + options.reports());
        }
        this.agencies = directory.select((int) needed);
        this.faults = new FaultInjector(options.seed(), faultProbability(options));
    }

    /** Spreads the requested share of all reports over the table-format years, the only ones with checks to break. */
    private static double faultProbability(GeneratorOptions options) {
        long tableYears = IntStream.rangeClosed(options.fromYear(), options.toYear())
                .filter(y -> ReportFormat.prescribedFor(y) != ReportFormat.NARRATIVE)
                .count();
        if (tableYears == 0) return 0;
        return Math.min(1.0, options.faultShare() * options.years() / tableYears);
    }

    /** The agencies of the corpus, in output order. */
    public List<Agency> agencies() {
        return agencies;
    }

    /** Every report of the corpus, lazily, agency by agency and oldest year first. */
    public Stream<GeneratedReport> reports() {
        return IntStream.range(0, agencies.size()).mapToObj(this::reportsOf).flatMap(List::stream);
    }

    /** The reports of the agency at this index of {@link #agencies()}. */
    public List<GeneratedReport> reportsOf(int index) {
        Agency agency = agencies.get(index);
        int first = options.fromYear() + skippedYears(index);
        List<ReportDraft> drafts = new AgencyChronicle(agency, options.seed()).years(first, options.toYear());
        List<GeneratedReport> out = new ArrayList<>(drafts.size());
        ReportDraft previous = null;
        for (ReportDraft draft : drafts) {
            List<InjectedFault> injected =
                    faults.inject(draft, previous).map(List::of).orElse(List.of());
            out.add(new GeneratedReport(agency, draft.toReport(), injected, draft.subtotals()));
            previous = draft;
        }
        return out;
    }

    /** How many leading years the agency skips so that the corpus holds exactly the requested count. */
    private int skippedYears(int index) {
        long excess = (long) agencies.size() * options.years() - options.reports();
        int n = agencies.size();
        // Spread the excess over the last agencies: each skips excess / n years, the last excess % n one more.
        long base = excess / n;
        long extra = excess % n;
        return (int) (base + (index >= n - extra ? 1 : 0));
    }
}

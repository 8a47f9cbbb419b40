package org.gongkai.exports;

import org.gongkai.queries.Coverage;

/** What an export wrote: data rows and the reports/agencies behind them. */
public record ExportOutcome(long rows, Coverage coverage) {}

package org.gongkai.bulk;

/** The last line of a bulk answer: how many lines were read, stored and rejected, and how long it took. */
public record BulkSummary(long lines, long stored, long rejected, double seconds, double reportsPerSecond) {}

package org.gongkai.bulk;

/**
 * The last line of a bulk answer: the job, how it ended ({@code finished}, or {@code interrupted} when the stream
 * passed its limit or broke off), how many lines were read, stored, unchanged and rejected, and how long it took.
 */
public record BulkSummary(
        String jobId,
        String status,
        long lines,
        long stored,
        long unchanged,
        long rejected,
        double seconds,
        double reportsPerSecond) {}

package org.gongkai.tools.bench;

import java.util.Arrays;

/** Latencies of repeated calls, in milliseconds, and their percentiles. */
record Latencies(double[] millis) {

    double percentile(double p) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) return Double.NaN;
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    double p50() {
        return percentile(50);
    }

    double p95() {
        return percentile(95);
    }
}

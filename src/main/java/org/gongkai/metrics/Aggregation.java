package org.gongkai.metrics;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a metric may be combined across reports. */
public enum Aggregation {
    /** A flow (requests received this year): may be summed across agencies and years. */
    SUM("sum"),
    /** A stock (现行有效件数): may be summed across agencies within one year, never across years. */
    STOCK("stock"),
    /** A rate: computed from sums of its components, never summed or averaged. */
    RATIO("ratio");

    private final String code;

    Aggregation(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}

package org.gongkai.metrics;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a metric is in the report: a printed cell, a subtotal Gongkai derives, a prose figure, or a rate. */
public enum MetricKind {
    CELL("cell"),
    SUBTOTAL("subtotal"),
    PROSE("prose"),
    RATE("rate");

    private final String code;

    MetricKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}

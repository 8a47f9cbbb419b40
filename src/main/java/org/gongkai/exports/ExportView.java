package org.gongkai.exports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;

/**
 * A named table that can be exported by name with parameters, on demand or on a schedule (e.g. "comparison",
 * 年报对比表). Implement it as a CDI bean and {@link Exporter#writeView} and schedules find it.
 */
public interface ExportView {

    /** The name schedules and requests use. */
    String name();

    /** Refuses bad parameters (4xx problem naming the field) before anything is written. */
    void validate(JsonNode params);

    ExportOutcome write(JsonNode params, ExportFormat format, OutputStream out);
}

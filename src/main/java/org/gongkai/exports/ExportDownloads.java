package org.gongkai.exports;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** Builds file-download responses: the format's content type and {@code Content-Disposition: attachment}. */
public final class ExportDownloads {

    private ExportDownloads() {}

    /** {@code fileName} must be ASCII (Gongkai names files by kind and time, never by agency name). */
    public static Response attachment(ExportFormat format, String fileName, StreamingOutput body) {
        return Response.ok(body, format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}

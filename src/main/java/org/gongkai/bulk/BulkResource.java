package org.gongkai.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.gongkai.security.Roles;

/** {@code POST /api/reports/bulk}: an NDJSON stream of reports in, one NDJSON answer line per input line out. */
@Path("/api/reports/bulk")
@RolesAllowed(Roles.ADMIN) // a loading tool: one stream may hold any agency, so only admins send one
public class BulkResource {

    public static final String NDJSON = "application/x-ndjson";

    @Inject
    BulkIngest ingest;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(NDJSON)
    @Operation(summary = "Store many reports, one JSON object a line; answers each line, then a summary line")
    public StreamingOutput bulk(
            @RequestBody(
                            required = true,
                            description = "one report a line, each the body of POST /api/reports",
                            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)))
                    InputStream body) {
        return out -> {
            // Answers wait in a file until the whole stream is read: an HTTP/1.1 client that sends its body before
            // reading the answer (java.net.http does) would otherwise stall both sides once the buffers fill.
            java.nio.file.Path answers = Files.createTempFile("gongkai-bulk-", ".ndjson");
            try {
                BulkSummary summary;
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(answers), 1 << 16)) {
                    summary = ingest.ingest(body, line -> write(file, line));
                }
                Files.copy(answers, out);
                write(out, Map.of("summary", summary));
                out.flush();
            } finally {
                Files.deleteIfExists(answers);
            }
        };
    }

    private void write(OutputStream out, Object value) {
        try {
            out.write(json.writeValueAsBytes(value));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

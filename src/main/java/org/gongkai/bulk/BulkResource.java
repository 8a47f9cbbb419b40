package org.gongkai.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;
import org.gongkai.reports.IdempotencyKey;
import org.gongkai.reports.RequestBodies;
import org.gongkai.reports.RequestText;
import org.gongkai.security.Roles;
import org.gongkai.storage.BulkJobStore;
import org.jboss.resteasy.reactive.RestPath;

/**
 * {@code POST /api/reports/bulk}: an NDJSON stream of reports in, one NDJSON answer line per input line out, as a bulk
 * job whose answer {@code GET /api/reports/bulk/{jobId}} gives again after the fact.
 */
@Path("/api/reports/bulk")
@RolesAllowed(Roles.ADMIN) // a loading tool: one stream may hold any agency, so only admins send one
public class BulkResource {

    public static final String NDJSON = "application/x-ndjson";

    /** The header naming a bulk job (also in {@code Location} and the summary line). */
    public static final String JOB_HEADER = "Gongkai-Bulk-Job";

    @Inject
    org.gongkai.security.PublicLinks links;

    @Inject
    BulkIngest ingest;

    @Inject
    BulkJobStore jobs;

    @Inject
    GongkaiConfig config;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(NDJSON)
    @Operation(
            summary = "Store many reports, one JSON object a line; answers each line, then a summary line with the"
                    + " bulk job id (also in Location). With an Idempotency-Key, the same key again answers the first"
                    + " answer and writes nothing; the same key with another body is refused 422")
    public Response bulk(
            @RequestBody(
                            required = true,
                            description = "one report a line, each the body of POST /api/reports",
                            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)))
                    InputStream body,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") Long contentLength,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri)
            throws IOException {
        Charset charset = RequestText.charsetOf(contentType);
        if (!"\n".equals(new String(new byte[] {'\n'}, charset))) {
            // lines are split on the newline byte, which UTF-16 and UTF-32 spread over several
            throw new ProblemException(
                    415,
                    "unsupported-charset",
                    "Unsupported charset",
                    "a bulk stream must be in a charset where a newline is one byte (UTF-8, GB18030, GBK…), not "
                            + charset.name(),
                    List.of(new FieldError("", "charset not usable for NDJSON")));
        }
        long limit = config.limits().bulkBytes();
        if (contentLength != null && contentLength > limit) RequestBodies.tooLarge(limit);
        String key = IdempotencyKey.of(idempotencyKey);
        if (key != null) {
            var earlier = jobs.byKey(key);
            if (earlier.isPresent()) return replay(earlier.get(), body, limit, uri);
        }
        long jobId = jobs.start(key).orElseThrow(IdempotencyKey::inProgress);
        MessageDigest sha256 = sha256();
        // Answers wait in a file until the whole stream is read: an HTTP/1.1 client that sends its body before
        // reading the answer (java.net.http does) would otherwise stall both sides once the buffers fill. They are
        // also recorded with the job, batch by batch, for a client that never reads them.
        java.nio.file.Path answers = Files.createTempFile("gongkai-bulk-", ".ndjson");
        try {
            BulkIngest.Outcome outcome;
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(answers), 1 << 16);
                    InputStream in = new DigestInputStream(body, sha256)) {
                outcome = ingest.ingest(jobId, in, charset, line -> write(file, line));
            } catch (IOException | RuntimeException e) {
                jobs.finish(jobId, "interrupted", null, null, 0, 0); // its recorded lines say what was stored
                Files.deleteIfExists(answers);
                throw e;
            }
            BulkSummary summary = outcome.summary();
            int status = outcome.exceeded() ? 413 : 200;
            jobs.finish(jobId, summary.status(), status, sha256.digest(), summary.lines(), summary.seconds());
            URI location = location(uri, jobId);
            if (outcome.exceeded()) {
                Files.deleteIfExists(answers);
                throw tooLarge(limit, jobId, location);
            }
            java.nio.file.Path file = answers;
            StreamingOutput stream = out -> {
                try {
                    Files.copy(file, out);
                    write(out, Map.of("summary", summary));
                    out.flush();
                } finally {
                    Files.deleteIfExists(file);
                }
            };
            return Response.ok(stream, NDJSON)
                    .location(location)
                    .header(JOB_HEADER, jobId)
                    .build();
        } catch (RuntimeException e) {
            Files.deleteIfExists(answers);
            throw e;
        }
    }

    @GET
    @Path("/{jobId}")
    @Produces(NDJSON)
    @Operation(
            summary = "A bulk job's answer after the fact: one line per input line recorded so far (stored, unchanged"
                    + " or rejected), then its summary (status running, finished or interrupted)")
    public Response job(@RestPath String jobId) {
        long id;
        try {
            id = Long.parseLong(jobId);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no bulk job has the id " + jobId);
        }
        BulkJobStore.Job job =
                jobs.find(id).orElseThrow(() -> ProblemException.notFound("no bulk job has the id " + jobId));
        return Response.ok(answerOf(job), NDJSON).header(JOB_HEADER, id).build();
    }

    /**
     * A job whose key is sent again: its answer, once the body is read and found the same (a client retrying after a
     * lost answer sends the body again); 422 for another body, 409 while the first is still being written.
     */
    private Response replay(BulkJobStore.Job job, InputStream body, long limit, UriInfo uri) {
        if (job.running()) throw IdempotencyKey.inProgress();
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(body, sha256)) {
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > limit) RequestBodies.tooLarge(limit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (job.bodySha256() == null || !Arrays.equals(job.bodySha256(), sha256.digest())) {
            throw IdempotencyKey.reused("bulk job " + job.id(), Map.of("jobId", Long.toString(job.id())));
        }
        URI location = location(uri, job.id());
        if (job.httpStatus() != null && job.httpStatus() == 413) throw tooLarge(limit, job.id(), location);
        return Response.ok(answerOf(job), NDJSON)
                .location(location)
                .header(JOB_HEADER, job.id())
                .header("Idempotent-Replayed", "true")
                .build();
    }

    /** The job's recorded lines, then its summary. */
    private StreamingOutput answerOf(BulkJobStore.Job job) {
        return out -> {
            OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            long[] counts = new long[4]; // lines, stored, unchanged, rejected: as the lines answered say
            jobs.lines(job.id(), l -> {
                counts[0]++;
                switch (l.status()) {
                    case BulkLine.STORED -> counts[1]++;
                    case BulkLine.UNCHANGED -> counts[2]++;
                    default -> counts[3]++;
                }
                ObjectNode line = json.createObjectNode();
                line.put("line", l.line());
                line.put("status", l.status());
                if (l.reportId() != null) line.put("id", Long.toString(l.reportId()));
                if (l.revision() != null) line.put("revision", l.revision());
                if (l.errorsJson() != null) {
                    try {
                        line.set("errors", json.readTree(l.errorsJson()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                write(buffered, line);
            });
            // counted from the lines just answered, so a running job's summary agrees with them; "lines" also
            // counts the blank lines of a finished one
            BulkJobStore.Job now = jobs.find(job.id()).orElse(job);
            double seconds = now.seconds() == null ? 0 : now.seconds();
            write(
                    buffered,
                    Map.of(
                            "summary",
                            new BulkSummary(
                                    Long.toString(now.id()),
                                    now.status(),
                                    Math.max(now.lines(), counts[0]),
                                    counts[1],
                                    counts[2],
                                    counts[3],
                                    seconds,
                                    seconds > 0 ? counts[1] / seconds : 0)));
            buffered.flush();
        };
    }

    private static ProblemException tooLarge(long limit, long jobId, URI location) {
        return new ProblemException(
                413,
                "payload-too-large",
                "Payload too large",
                "the stream is larger than the limit of " + limit + " bytes (gongkai.limits.bulk-bytes); the lines"
                        + " before it are stored: bulk job " + jobId + " lists them",
                List.of(),
                Map.of("jobId", Long.toString(jobId), "job", location.toString()));
    }

    private URI location(UriInfo uri, long jobId) {
        return links.of("api/reports/bulk", jobId);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

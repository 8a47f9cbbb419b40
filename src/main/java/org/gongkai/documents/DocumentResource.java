package org.gongkai.documents;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.gongkai.canonical.ReportYear;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.parsing.Hints;
import org.gongkai.problems.ProblemException;
import org.gongkai.regions.RegionCode;
import org.gongkai.reports.IdempotencyKey;
import org.gongkai.reports.ReportReader;
import org.gongkai.reports.RequestBodies;
import org.gongkai.reports.StoredReport;
import org.gongkai.security.PublicLinks;
import org.gongkai.security.Roles;
import org.gongkai.security.Scope;
import org.gongkai.storage.DocumentStore;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /api/documents}: raw report documents in, parsed and stored with every figure's source (API.md). */
@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    @Inject
    DocumentService service;

    @Inject
    DocumentStore store;

    @Inject
    GongkaiConfig config;

    @Inject
    DocumentReader reader;

    @Inject
    Scope scope;

    @Inject
    PublicLinks links;

    @Inject
    ReportReader reports;

    @Inject
    DocumentBatch batch;

    private static final Pattern FORMS =
            Pattern.compile("\\s*(application/x-www-form-urlencoded|multipart/form-data)", Pattern.CASE_INSENSITIVE);

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.SUBMITTER})
    @APIResponse(responseCode = "201", description = "parsed and stored, with its report")
    @APIResponse(
            responseCode = "202",
            description = "kept unresolved: its agency, region or year is missing; counted nowhere")
    @APIResponse(responseCode = "200", description = "these bytes were stored before: the stored document")
    @APIResponse(responseCode = "422", description = "not a report, or unreadable (the problem says why)")
    @Operation(
            summary = "Submit a document (text or HTML in any charset, PDF, .docx or .doc, whatever the Content-Type"
                    + " says: the type is told from the bytes); a report in it is parsed and stored (202 when its"
                    + " agency, region or year cannot be resolved: kept unresolved, counted nowhere)")
    public Response receive(
            @RequestBody(
                            required = true,
                            description = "the document's own bytes; the type is told from them",
                            content = {
                                @Content(
                                        mediaType = "application/pdf",
                                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                                @Content(
                                        mediaType = "text/html",
                                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                                @Content(
                                        mediaType = "text/plain",
                                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                                @Content(
                                        mediaType =
                                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                                @Content(
                                        mediaType = "application/msword",
                                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                                @Content(
                                        mediaType = "application/octet-stream",
                                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
                            })
                    InputStream body,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") Long contentLength,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @RestQuery String sourceUrl,
            @RestQuery String agency,
            @RestQuery RegionCode regionCode,
            @RestQuery ReportYear year,
            @Context UriInfo uri) {
        if (contentType != null && FORMS.matcher(contentType).lookingAt()) {
            // the bytes are the document itself: a form is what a cross-site page can post without asking
            throw new ProblemException(
                    415,
                    "unsupported-media-type",
                    "Unsupported media type",
                    "send the document's own bytes (text, HTML, PDF, .docx or .doc), not a form",
                    List.of());
        }
        // A declared length over the limit is refused before a byte is read; an undeclared (chunked) body is read
        // only up to the limit (RequestBodies), so an oversized upload is never held in memory.
        long documentBytes = config.limits().documentBytes();
        if (contentLength != null && contentLength > documentBytes) RequestBodies.tooLarge(documentBytes);
        String key = IdempotencyKey.of(idempotencyKey);
        byte[] bytes = RequestBodies.read(body, documentBytes);
        if (key != null) {
            var first = store.byKey(key);
            if (first.isPresent()) return replay(first.get(), bytes, uri);
        }
        Hints hints = new Hints(sourceUrl, agency, ReportYear.of(year));
        DocumentOutcome outcome = receiveOne(bytes, contentType, hints, RegionCode.of(regionCode), key);
        if (!outcome.created()) return Response.ok(outcome).build();
        // 202: kept, but counted nowhere until its identity is given (PUT /api/reports/{id}/identity)
        Response.ResponseBuilder answer = outcome.unresolved() ? Response.accepted() : Response.status(201);
        return answer.location(links.of("api/documents", outcome.documentId()))
                .entity(outcome)
                .build();
    }

    /** One document through the single path: in scope or refused, in the transaction that stores it. */
    private DocumentOutcome receiveOne(byte[] bytes, String contentType, Hints hints, String region, String key) {
        if (!scope.bound()) return service.receive(bytes, contentType, hints, region, key);
        // a submitter's document is stored only if its report is the submitter's: checked in the same transaction
        return QuarkusTransaction.requiringNew().call(() -> {
            DocumentOutcome o = service.receive(bytes, contentType, hints, region, key);
            if (o.report() == null) scope.write(null, null);
            else
                scope.write(
                        o.report().agency().regionCode(), o.report().agency().name());
            return o;
        });
    }

    @POST
    @Path("/batch")
    @Consumes("application/x-ndjson")
    @RolesAllowed({Roles.ADMIN, Roles.SUBMITTER})
    @APIResponse(
            responseCode = "200",
            description = "one outcome per document, in their order, each with the status POST /api/documents would"
                    + " have answered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DocumentBatchAnswer.class)))
    @Operation(
            summary =
                    "Submit many documents at once (gongkai ingest): NDJSON, one {name, content (Base64), contentType,"
                            + " sourceUrl} a line; new reports are stored together in one transaction, every document's outcome"
                            + " answered")
    public DocumentBatchAnswer receiveBatch(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/x-ndjson",
                                            schema = @Schema(implementation = DocumentBatchBody.Line.class)))
                    InputStream body,
            @HeaderParam("Content-Length") Long contentLength) {
        long limit = config.documents().batchBytes();
        if (contentLength != null && contentLength > limit) RequestBodies.tooLarge(limit);
        DocumentBatchBody read = DocumentBatchBody.read(
                RequestBodies.read(body, limit),
                config.documents().batchSize(),
                config.limits().documentBytes());
        List<DocumentBatchOutcome> out = new java.util.ArrayList<>(read.outcomes());
        // a token bound to a region or agency: each document alone, its scope checked in its own transaction
        List<DocumentBatchOutcome> decided = scope.bound()
                ? java.util.Collections.<DocumentBatchOutcome>nCopies(
                        read.parts().size(), null)
                : batch.receive(read.parts());
        for (int k = 0; k < read.parts().size(); k++) {
            DocumentBatch.Part p = read.parts().get(k);
            DocumentBatchOutcome o = decided.get(k);
            out.set(read.positions().get(k), o != null ? o : alone(p));
        }
        return new DocumentBatchAnswer(out);
    }

    /** A part of a batch through the single path, its problem (if any) as its outcome. */
    private DocumentBatchOutcome alone(DocumentBatch.Part p) {
        try {
            DocumentOutcome o =
                    receiveOne(p.bytes(), p.contentType(), new Hints(p.sourceUrl(), null, null), null, null);
            int status = !o.created() ? 200 : o.unresolved() ? 202 : 201;
            return DocumentBatchOutcome.of(p.name(), status, o);
        } catch (ProblemException e) {
            return DocumentBatchOutcome.refused(p.name(), e);
        }
    }

    /** The first answer under an Idempotency-Key again (its status, the document as it is now); 422 for other bytes. */
    private Response replay(DocumentStore.Keyed first, byte[] bytes, UriInfo uri) {
        if (!java.util.Arrays.equals(first.sha256(), DocumentService.sha256(bytes))) {
            throw IdempotencyKey.reused(
                    "document " + first.id(), java.util.Map.of("documentId", Long.toString(first.id())));
        }
        DocumentOutcome outcome = service.replay(first.id());
        return Response.status(first.firstStatus())
                .location(links.of("api/documents", outcome.documentId()))
                .header("Idempotent-Replayed", "true")
                .entity(outcome)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A document's metadata and the normalized text its figures' offsets refer to")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER})
    public StoredDocument get(@RestPath String id) {
        try {
            return inScope(reader.find(Long.parseLong(id))
                    .orElseThrow(() -> ProblemException.notFound("no document has the id " + id)));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no document has the id " + id);
        }
    }

    /** The document, when the caller may read every report it holds (a document of no report: admins only). */
    private StoredDocument inScope(StoredDocument d) {
        if (!scope.bound()) return d;
        if (d.reportIds().isEmpty()) scope.read(null, null);
        for (String reportId : d.reportIds()) {
            StoredReport r = reports.find(Long.parseLong(reportId)).orElseThrow();
            scope.read(r.agency().regionCode(), r.agency().name());
        }
        return d;
    }

    @GET
    @Operation(summary = "Look a document up by the SHA-256 of its bytes (for resumable bulk ingestion)")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER})
    public StoredDocument bySha256(@RestQuery String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
            throw ProblemException.badParameter("sha256", "must be 64 hexadecimal digits");
        }
        return store.idOf(HexFormat.of().parseHex(sha256))
                .flatMap(reader::find)
                .map(this::inScope)
                .orElseThrow(() -> ProblemException.notFound("no document has these bytes"));
    }
}

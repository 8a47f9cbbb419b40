package org.gongkai.documents;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.parsing.Hints;
import org.gongkai.problems.ProblemException;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.reports.IdempotencyKey;
import org.gongkai.reports.RequestBodies;
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
    DocumentReader reader;

    @Inject
    RegionDirectory regions;

    @Inject
    GongkaiConfig config;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Submit a document (text or HTML in any charset, PDF, .docx or .doc, whatever the Content-Type"
                    + " says: the type is told from the bytes); a report in it is parsed and stored (202 when its"
                    + " agency, region or year cannot be resolved: kept unresolved, counted nowhere)")
    public Response receive(
            InputStream body,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") Long contentLength,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @RestQuery String sourceUrl,
            @RestQuery String agency,
            @RestQuery @Pattern(regexp = "\\d{6}", message = "must be a 6-digit region code") String regionCode,
            @RestQuery @Min(2008) @Max(2100) Integer year,
            @Context UriInfo uri) {
        if (regionCode != null && regions.find(regionCode).isEmpty()) {
            throw ProblemException.badParameter("regionCode", "no region has the code " + regionCode);
        }
        // A declared length over the limit is refused before a byte is read; an undeclared (chunked) body is read
        // only up to the limit (RequestBodies), so an oversized upload is never held in memory.
        long documentBytes = config.limits().documentBytes();
        if (contentLength != null && contentLength > documentBytes) RequestBodies.tooLarge(documentBytes);
        String key = IdempotencyKey.of(idempotencyKey);
        byte[] bytes = RequestBodies.read(body, documentBytes);
        // a NUL never reaches PostgreSQL (its text cannot hold one): the parameter is refused
        refuseNul("sourceUrl", sourceUrl);
        refuseNul("agency", agency);
        if (key != null) {
            var first = store.byKey(key);
            if (first.isPresent()) return replay(first.get(), bytes, uri);
        }
        DocumentOutcome outcome =
                service.receive(bytes, contentType, new Hints(sourceUrl, agency, year), regionCode, key);
        if (!outcome.created()) return Response.ok(outcome).build();
        // 202: kept, but counted nowhere until its identity is given (PUT /api/reports/{id}/identity)
        Response.ResponseBuilder answer = outcome.unresolved() ? Response.accepted() : Response.status(201);
        return answer.location(uri.getBaseUriBuilder()
                        .path("api/documents")
                        .path(outcome.documentId())
                        .build())
                .entity(outcome)
                .build();
    }

    private static void refuseNul(String parameter, String value) {
        if (value != null && value.indexOf('\u0000') >= 0)
            throw ProblemException.badParameter(parameter, "must not contain a NUL character (%00)");
    }

    /** The first answer under an Idempotency-Key again (its status, the document as it is now); 422 for other bytes. */
    private Response replay(DocumentStore.Keyed first, byte[] bytes, UriInfo uri) {
        if (!java.util.Arrays.equals(first.sha256(), DocumentService.sha256(bytes))) {
            throw IdempotencyKey.reused(
                    "document " + first.id(), java.util.Map.of("documentId", Long.toString(first.id())));
        }
        DocumentOutcome outcome = service.replay(first.id());
        return Response.status(first.firstStatus())
                .location(uri.getBaseUriBuilder()
                        .path("api/documents")
                        .path(outcome.documentId())
                        .build())
                .header("Idempotent-Replayed", "true")
                .entity(outcome)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A document's metadata and the normalized text its figures' offsets refer to")
    public StoredDocument get(@RestPath String id) {
        try {
            return reader.find(Long.parseLong(id))
                    .orElseThrow(() -> ProblemException.notFound("no document has the id " + id));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no document has the id " + id);
        }
    }

    @GET
    @Operation(summary = "Look a document up by the SHA-256 of its bytes (for resumable bulk ingestion)")
    public StoredDocument bySha256(@RestQuery String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
            throw ProblemException.badParameter("sha256", "must be 64 hexadecimal digits");
        }
        return store.idOf(HexFormat.of().parseHex(sha256))
                .flatMap(reader::find)
                .orElseThrow(() -> ProblemException.notFound("no document has these bytes"));
    }
}

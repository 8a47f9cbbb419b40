package org.gongkai.documents;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A received document as {@code GET /api/documents/{id}} returns it: its metadata and the normalized text that the
 * provenance offsets of its figures refer to.
 *
 * @param identity which places of the page decided its agency and year, with every candidate it offered; null for a
 *     document received before identities were kept
 */
public record StoredDocument(
        String id,
        String sha256,
        String contentType,
        String charset,
        String sourceUrl,
        String title,
        String classification,
        OffsetDateTime receivedAt,
        List<String> reportIds,
        IdentityDecision identity,
        String text) {}

package org.gongkai.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.gongkai.parsing.ParsedDocument;

/** Reads and writes the {@code document} table: original bytes, normalized text, classification, identity evidence. */
@ApplicationScoped
public class DocumentStore {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /** The id of the document with these bytes, if it was received before. */
    public Optional<Long> idOf(byte[] sha256) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select id from document where sha256 = ?")) {
            s.setBytes(1, sha256);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up a document", e);
        }
    }

    /** Inserts the document in the caller's transaction; empty when the same bytes were stored meanwhile. */
    public Optional<Long> insert(
            byte[] sha256, String contentType, String sourceUrl, byte[] body, ParsedDocument parsed) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        """
                        insert into document (sha256, content_type, charset, source_url, title, classification, reason,
                                              body, normalized, identity)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                        on conflict (sha256) do nothing
                        returning id
                        """)) {
            s.setBytes(1, sha256);
            s.setString(2, contentType);
            s.setString(3, parsed.charset());
            s.setString(4, sourceUrl);
            s.setString(5, parsed.title());
            s.setString(6, parsed.classification().code());
            s.setString(7, parsed.classification().reason());
            s.setBytes(8, body);
            s.setString(9, parsed.text());
            s.setString(10, json.writeValueAsString(IdentityDecision.of(parsed.identity())));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot store the document", e);
        }
    }

    public Optional<StoredDocument> find(long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        """
                        select id, sha256, content_type, charset, source_url, title, classification, received_at,
                               normalized, array(select r.id from report r where r.document_id = d.id order by r.id),
                               identity
                        from document d where id = ?
                        """)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new StoredDocument(
                        Long.toString(rs.getLong(1)),
                        HexFormat.of().formatHex(rs.getBytes(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class),
                        Arrays.stream((Long[]) rs.getArray(10).getArray())
                                .map(String::valueOf)
                                .toList(),
                        identity(rs.getString(11)),
                        rs.getString(9)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read document " + id, e);
        }
    }

    private IdentityDecision identity(String stored) {
        if (stored == null) return null;
        try {
            return json.readValue(stored, IdentityDecision.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a document's stored identity is not valid JSON", e);
        }
    }
}

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

/** Reads a stored document: metadata, the ids of its reports, its identity decision and its normalized text. */
@ApplicationScoped
public class DocumentReader {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

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

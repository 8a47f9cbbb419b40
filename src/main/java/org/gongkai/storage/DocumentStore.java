package org.gongkai.storage;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Writes the {@code document} table (original bytes, normalized text, classification, identity evidence) and finds a document by its bytes' hash. */
@ApplicationScoped
public class DocumentStore {

    @Inject
    AgroalDataSource dataSource;

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

    /**
     * A document as stored: its bytes and what the parser made of them.
     *
     * @param identityJson how the parser decided its identity, as JSON
     */
    public record Row(
            byte[] sha256,
            String contentType,
            String charset,
            String sourceUrl,
            String title,
            String classification,
            String reason,
            byte[] body,
            String normalized,
            String identityJson,
            String idempotencyKey,
            int firstStatus) {}

    /** A document posted under an {@code Idempotency-Key}: its bytes' hash and the status it was first answered. */
    public record Keyed(long id, byte[] sha256, int firstStatus) {}

    public Optional<Keyed> byKey(String idempotencyKey) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select id, sha256, first_status from document where idempotency_key = ?")) {
            s.setString(1, idempotencyKey);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Keyed(rs.getLong(1), rs.getBytes(2), rs.getInt(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up a document", e);
        }
    }

    /** Inserts the document in the caller's transaction; empty when the same bytes (or key) were stored meanwhile. */
    public Optional<Long> insert(Row d) {
        try (Connection c = dataSource.getConnection()) {
            return insert(c, d);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the document", e);
        }
    }

    /** Inserts the document on the caller's connection; empty when the same bytes (or key) were stored meanwhile. */
    public Optional<Long> insert(Connection c, Row d) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                """
                        insert into document (sha256, content_type, charset, source_url, title, classification, reason,
                                              body, normalized, identity, idempotency_key, first_status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                        on conflict do nothing
                        returning id
                        """)) {
            s.setBytes(1, d.sha256());
            s.setString(2, d.contentType());
            s.setString(3, d.charset());
            s.setString(4, d.sourceUrl());
            s.setString(5, d.title());
            s.setString(6, d.classification());
            s.setString(7, d.reason());
            s.setBytes(8, d.body());
            s.setString(9, d.normalized());
            s.setString(10, d.identityJson());
            s.setString(11, d.idempotencyKey());
            s.setShort(12, (short) d.firstStatus());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }
}

package org.gongkai.storage;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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

    /**
     * Inserts the documents on the caller's connection in one statement, in the order of their bytes' hashes (so that
     * writers inserting the same bytes at once wait for each other in one order); answers the ids by hash, in hex,
     * without the documents whose bytes (or key) were stored meanwhile.
     */
    public Map<String, Long> insertAll(Connection c, List<Row> rows) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        if (rows.isEmpty()) return ids;
        try (PreparedStatement s = c.prepareStatement(
                """
                insert into document (sha256, content_type, charset, source_url, title, classification, reason, body,
                                      normalized, identity, idempotency_key, first_status)
                select sha256, content_type, charset, source_url, title, classification, reason, body, normalized,
                       cast(identity as jsonb), idempotency_key, first_status
                from unnest(?::bytea[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[],
                            ?::text[], ?::text[], ?::text[], ?::smallint[])
                     as d(sha256, content_type, charset, source_url, title, classification, reason, body, normalized,
                          identity, idempotency_key, first_status)
                order by sha256
                on conflict do nothing
                returning id, sha256
                """)) {
            s.setArray(
                    1, c.createArrayOf("bytea", rows.stream().map(Row::sha256).toArray(byte[][]::new)));
            s.setArray(
                    2,
                    c.createArrayOf("text", rows.stream().map(Row::contentType).toArray()));
            s.setArray(
                    3, c.createArrayOf("text", rows.stream().map(Row::charset).toArray()));
            s.setArray(
                    4, c.createArrayOf("text", rows.stream().map(Row::sourceUrl).toArray()));
            s.setArray(5, c.createArrayOf("text", rows.stream().map(Row::title).toArray()));
            s.setArray(
                    6,
                    c.createArrayOf(
                            "text", rows.stream().map(Row::classification).toArray()));
            s.setArray(7, c.createArrayOf("text", rows.stream().map(Row::reason).toArray()));
            s.setArray(8, c.createArrayOf("bytea", rows.stream().map(Row::body).toArray(byte[][]::new)));
            s.setArray(
                    9,
                    c.createArrayOf("text", rows.stream().map(Row::normalized).toArray()));
            s.setArray(
                    10,
                    c.createArrayOf("text", rows.stream().map(Row::identityJson).toArray()));
            s.setArray(
                    11,
                    c.createArrayOf(
                            "text", rows.stream().map(Row::idempotencyKey).toArray()));
            s.setArray(
                    12,
                    c.createArrayOf(
                            "smallint",
                            rows.stream().map(r -> (short) r.firstStatus()).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) ids.put(HexFormat.of().formatHex(rs.getBytes(2)), rs.getLong(1));
            }
        }
        return ids;
    }

    /** The ids of the documents with these bytes (by their hashes, in hex) that were received before. */
    public Map<String, Long> idsOf(List<byte[]> sha256s) {
        Map<String, Long> ids = new HashMap<>();
        if (sha256s.isEmpty()) return ids;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select id, sha256 from document where sha256 = any(?)")) {
            s.setArray(1, c.createArrayOf("bytea", sha256s.toArray(byte[][]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) ids.put(HexFormat.of().formatHex(rs.getBytes(2)), rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up documents", e);
        }
        return ids;
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

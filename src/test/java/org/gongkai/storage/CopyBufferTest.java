package org.gongkai.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What {@link CopyBuffer} sends is what PostgreSQL stores: text with every character COPY escapes and characters of
 * one to four UTF-8 bytes, numbers at their limits, nulls, bytea, arrays, rows assembled from rests, and a buffer far
 * larger than one chunk. The truths are the Java values themselves, read back through plain JDBC.
 */
@QuarkusTest
@Tag("database")
class CopyBufferTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String TABLE = "copy_buffer_probe (id, label, amount, whole, day, hash, names)";

    private static final List<String> AWKWARD = List.of(
            "北京市人民政府办公厅",
            "tab\there, newline\nthere, return\rand a back\\slash \\N",
            "emoji 😀 and 𠀀 (four bytes each), é (two)",
            "\\.",
            "");

    @Test
    void storesWhatItWasGiven() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            create(c);
            CopyBuffer rows = new CopyBuffer();
            long id = 0;
            for (String label : AWKWARD) {
                rows.value(++id)
                        .value(label)
                        .value(new BigDecimal("12345.678900"))
                        .value(Long.MIN_VALUE)
                        .value(LocalDate.of(2024, 2, 29))
                        .value(new byte[] {0, (byte) 0xff, 0x5c})
                        .textArray(List.of("a\"b", "c\\d", label))
                        .endRow();
            }
            rows.value(++id)
                    .value(null)
                    .value(new BigDecimal("-999999999999999999"))
                    .value(Long.MAX_VALUE)
                    .value(null)
                    .value(null)
                    .textArray(List.of())
                    .endRow();
            assertThat(rows.copyInto(c, TABLE)).isEqualTo(id);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "select label, amount, whole, day, hash, names from copy_buffer_probe order by id")) {
                for (String label : AWKWARD) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(label);
                    assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("12345.6789");
                    assertThat(rs.getLong(3)).isEqualTo(Long.MIN_VALUE);
                    assertThat(rs.getObject(4, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
                    assertThat(rs.getBytes(5)).containsExactly(0, 0xff, 0x5c);
                    assertThat((String[]) rs.getArray(6).getArray()).containsExactly("a\"b", "c\\d", label);
                }
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isNull();
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("-999999999999999999");
                assertThat(rs.getLong(3)).isEqualTo(Long.MAX_VALUE);
                assertThat(rs.getObject(4)).isNull();
                assertThat(rs.getBytes(5)).isNull();
                assertThat((String[]) rs.getArray(6).getArray()).isEmpty();
                assertThat(rs.next()).isFalse();
            }
            c.rollback();
        }
    }

    /**
     * Rows made as rests on one side (as a validated line's figures are) and given their first value by the writer,
     * many more than one chunk holds, with a text that ends exactly where a chunk might.
     */
    @Test
    void assemblesRowsFromRestsAcrossChunks() throws Exception {
        BiFunction<Integer, Integer, String> label = (r, k) -> "第" + r + "份\t" + "x".repeat(r % 97) + "\n" + k;
        List<byte[]> reports = reportRests(300, label);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            create(c);
            CopyBuffer rows = new CopyBuffer();
            for (int r = 0; r < reports.size(); r++) rows.rows(r + 1, reports.get(r));
            assertThat(rows.rows()).isEqualTo(3000);
            assertThat(rows.copyInto(c, TABLE)).isEqualTo(3000);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "select id, label, amount, whole from copy_buffer_probe order by id, amount")) {
                int i = 0;
                while (rs.next()) {
                    int r = i / 10;
                    int k = i % 10;
                    assertThat(rs.getLong(1)).isEqualTo(r + 1);
                    assertThat(rs.getString(2)).isEqualTo(label.apply(r, k));
                    assertThat(rs.getLong(3)).isEqualTo(r * 10L + k);
                    assertThat(rs.getLong(4)).isEqualTo(-k);
                    i++;
                }
                assertThat(i).isEqualTo(3000);
            }
            c.rollback();
        }
    }

    /** The same rows streamed chunk by chunk as they are made; a refused row midway cancels the COPY. */
    @Test
    void streamsRowsAsTheyAreMade() throws Exception {
        List<byte[]> reports = reportRests(2_000, (r, k) -> "第" + r + "份 " + k);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            create(c);
            long stored = CopyBuffer.stream(c, TABLE, rows -> {
                for (int r = 0; r < reports.size(); r++) rows.rows(r + 1, reports.get(r));
            });
            assertThat(stored).isEqualTo(20_000);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*), count(distinct id), sum(amount), min(label),"
                            + " max(whole) from copy_buffer_probe")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(20_000);
                assertThat(rs.getLong(2)).isEqualTo(2_000);
                // 0 + 1 + … + 19,999
                assertThat(rs.getLong(3)).isEqualTo(19_999L * 20_000 / 2);
                assertThat(rs.getString(4)).isEqualTo("第0份 0");
                assertThat(rs.getLong(5)).isZero();
            }
            c.rollback();

            create(c);
            CopyBuffer bad = CopyBuffer.forRests();
            bad.value("bad")
                    .value("not a number")
                    .value(0)
                    .value((Object) null)
                    .value((Object) null)
                    .value((Object) null)
                    .endRow();
            assertThatThrownBy(() -> CopyBuffer.stream(c, TABLE, rows -> {
                        for (int r = 0; r < reports.size(); r++) rows.rows(r + 1, reports.get(r));
                        rows.rows(0, bad.rests());
                    }))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22P02"));
            c.rollback();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select 41 + 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void aRowTheDatabaseRefusesLeavesTheConnectionUsable() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            create(c);
            CopyBuffer rows = new CopyBuffer();
            for (int i = 1; i <= 20_000; i++)
                rows.value(i).value("fine").value(i).endRow();
            rows.value(20_001).value("fine").value("not a number").endRow();
            assertThatThrownBy(() -> rows.copyInto(c, "copy_buffer_probe (id, label, amount)"))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22P02"));
            c.rollback();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select 41 + 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    /**
     * {@code count} reports' rows as the validating threads make them: for each, ten rests (label, amount r·10 + k,
     * whole −k, three nulls) in one array.
     */
    private static List<byte[]> reportRests(int count, BiFunction<Integer, Integer, String> label) {
        List<byte[]> reports = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            CopyBuffer rests = CopyBuffer.forRests();
            for (int k = 0; k < 10; k++) {
                rests.value(label.apply(r, k))
                        .value(BigDecimal.valueOf(r * 10L + k))
                        .value(-k)
                        .value((Object) null)
                        .value((Object) null)
                        .value((Object) null)
                        .endRow();
            }
            reports.add(rests.rests());
        }
        return reports;
    }

    private static void create(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("create temp table copy_buffer_probe (id bigint, label text, amount numeric, whole bigint,"
                    + " day date, hash bytea, names text[]) on commit drop");
        }
    }
}

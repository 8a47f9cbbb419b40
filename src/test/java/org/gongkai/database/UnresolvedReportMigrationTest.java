package org.gongkai.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V8 keeps every report of a V7 database resolved, and its constraints hold unresolved reports out of every aggregate:
 * never latest, no agency, revision 0, figures of an unknown year (0) in the catch-all partition.
 */
@Tag("database")
class UnresolvedReportMigrationTest {

    @RegisterExtension
    final MigrationDatabase database = new MigrationDatabase();

    @Test
    void existingReportsStayResolvedAndAnUnresolvedOneCanNeverBeLatest() throws SQLException {
        database.flyway("7").migrate();
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            s.execute("insert into region values ('110000', '北京市', 1, '110000', null)");
            s.execute("insert into metric (id, key) values (1, 'requests.new.total')");
            s.execute(
                    "insert into agency (id, name, region_code, level, sector) values (7, '北京市某局', '110000', 1, 'other')");
            s.execute(
                    """
                    insert into report (id, agency_id, year, revision, is_latest, format, region_code, province_code,
                                        sector)
                    values (1, 7, 2019, 1, true, '2019', '110000', '110000', 'other')
                    """);
        }

        database.flyway(null).migrate();

        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select status, identity_missing from report where id = 1")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("resolved");
                assertThat((String[]) rs.getArray(2).getArray()).isEmpty();
            }
            s.execute(
                    """
                    insert into report (id, agency_id, agency_name, year, revision, is_latest, status, format,
                                        identity_missing)
                    values (2, null, '市中区审计局', 0, 0, false, 'unresolved', 'narrative', '{regionCode,year}')
                    """);
            s.execute("insert into figure (report_id, metric_id, value, bound, year) values (2, 1, 3, 0, 0)");
            try (ResultSet rs = s.executeQuery("select tableoid::regclass from figure where report_id = 2")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("figure_earlier");
            }
            assertThatThrownBy(
                            () -> s.execute(
                                    """
                            insert into report (id, agency_id, year, revision, is_latest, status, format)
                            values (3, null, 2023, 0, true, 'unresolved', 'narrative')
                            """))
                    .hasMessageContaining("report_identity");
            assertThatThrownBy(
                            () -> s.execute(
                                    """
                            insert into report (id, agency_id, year, revision, is_latest, format)
                            values (4, null, 2023, 1, true, 'narrative')
                            """))
                    .hasMessageContaining("report_identity");
        }
    }
}

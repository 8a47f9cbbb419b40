package org.gongkai.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V6 moves the figures of a database made by V1..V5 into the year partitions: every row keeps its value and bound
 * and lands in the partition of its report's year.
 */
@Tag("database")
class FigurePartitionMigrationTest {

    @RegisterExtension
    final MigrationDatabase database = new MigrationDatabase();

    @Test
    void figuresOfEarlierVersionsMoveIntoTheirYearPartitions() throws SQLException {
        database.flyway("5").migrate();
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            s.execute("insert into region values ('110000', '北京市', 1, '110000', null)");
            s.execute(
                    "insert into metric (id, key) values (1, 'requests.new.total'), (2, 'proactive.items_published')");
            s.execute(
                    "insert into agency (id, name, region_code, level, sector) values (7, '北京市某局', '110000', 1, 'other')");
            s.execute(
                    """
                    insert into report (id, agency_id, year, revision, is_latest, format, region_code, province_code,
                                        sector)
                    values (1, 7, 2019, 1, true, '2019', '110000', '110000', 'other'),
                           (2, 7, 2023, 1, true, '2021', '110000', '110000', 'other')
                    """);
            s.execute(
                    """
                    insert into figure (report_id, metric_id, value, bound)
                    values (1, 1, 12, 0), (1, 2, 885.1737, 0), (2, 1, 1000, 1)
                    """);
        }

        database.flyway(null).migrate();

        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select tableoid::regclass, report_id, metric_id, value, bound, year"
                        + " from figure order by report_id, metric_id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getShort(3) + " "
                        + rs.getBigDecimal(4).toPlainString() + " " + rs.getShort(5) + " " + rs.getShort(6));
            }
            assertThat(rows)
                    .containsExactly(
                            "figure_2019 1 1 12 0 2019",
                            "figure_2019 1 2 885.1737 0 2019",
                            "figure_2023 2 1 1000 1 2023");
        }
    }
}

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
 * V12 fills the review queue from a V11 database, as an existing national database is migrated: one agency's three
 * years written the way V11 stored them, with every reason a report can need a person, worked out by hand below.
 */
@Tag("database")
class ReviewBackfillMigrationTest {

    @RegisterExtension
    final MigrationDatabase database = new MigrationDatabase();

    @Test
    void backfillsEveryReasonOfTheLatestAndUnresolvedReportsAndOnlyThose() throws SQLException {
        database.flyway("11").migrate();
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            s.execute("insert into region values ('640000', '宁夏回族自治区', 1, '640000', null),"
                    + " ('640100', '银川市', 2, '640000', '640100')");
            s.execute("insert into metric (id, key) values (1, 'requests.new.total'), (2, 'outcome.total.total'),"
                    + " (3, 'requests.carried_over.total'), (4, 'requests.carried_forward.total'),"
                    + " (5, 'requests.carried_over.natural_person'), (6, 'requests.carried_forward.natural_person')");
            s.execute("insert into agency (id, name, region_code, level, sector)"
                    + " values (7, '银川市审计局', '640100', 2, 'audit')");
            s.execute("insert into document (id, sha256, charset, classification, body, normalized)"
                    + " values (1, '\\x01', 'UTF-8', 'report-2021', '\\x00', '本年新收政府信息公开申请900件')");
            s.execute(
                    """
                    insert into report (id, agency_id, year, revision, is_latest, format, region_code, province_code,
                                        city_code, sector, document_id)
                    values (1, 7, 2019, 1, true, '2021', '640100', '640000', '640100', 'audit', null),
                           (2, 7, 2020, 1, true, '2021', '640100', '640000', '640100', 'audit', null),
                           (9, 7, 2021, 1, false, '2021', '640100', '640000', '640100', 'audit', null),
                           (3, 7, 2021, 2, true, '2021', '640100', '640000', '640100', 'audit', 1)
                    """);
            s.execute(
                    """
                    insert into report (id, agency_id, agency_name, year, revision, is_latest, status, format,
                                        region_code, province_code, city_code, identity_missing)
                    values (4, null, '贺兰县审计局', 0, 0, false, 'unresolved', 'narrative', '640100', '640000',
                            '640100', '{year}')
                    """);
            // 2019: 新收 50, 结转下年度 2 (natural persons 2); 2020: 60, 上年结转 2 (2), 结转 4 (3);
            // 2021: 900, 上年结转 7 (3): the total column breaks the chain (4 ≠ 7), the natural persons' does not
            s.execute(
                    """
                    insert into figure (report_id, metric_id, value, bound, year) values
                        (1, 1, 50, 0, 2019), (1, 2, 50, 0, 2019), (1, 4, 2, 0, 2019), (1, 6, 2, 0, 2019),
                        (2, 1, 60, 0, 2020), (2, 2, 60, 0, 2020), (2, 3, 2, 0, 2020), (2, 4, 4, 0, 2020),
                        (2, 5, 2, 0, 2020), (2, 6, 3, 0, 2020),
                        (3, 1, 900, 0, 2021), (3, 2, 900, 0, 2021), (3, 3, 7, 0, 2021), (3, 5, 3, 0, 2021),
                        (9, 1, 1, 0, 2021), (4, 1, 5, 0, 0)
                    """);
            s.execute(
                    """
                    insert into figure_source (report_id, metric_id, kind, text, start_offset, end_offset, method)
                    values (3, 1, 'table', '900', 10, 13, 'ocr')
                    """);
            s.execute(
                    """
                    insert into report_check (report_id, ordinal, rule, row_key, column_key, passed, expected, actual,
                                              message, finding)
                    values (3, 0, 'table.ambiguous_split', 'requests.new', null, false, null, null, 'cut 2 ways', true),
                           (3, 1, 'requests.balance', null, 'total', false, 907, 900, 'fails', false),
                           (9, 0, 'requests.balance', null, 'total', false, 1, 2, 'fails', false)
                    """);
        }

        database.flyway(null).migrate();

        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            List<String> items = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    """
                    select report_id, kind, coalesce(rule, ''), coalesce(column_key, ''), coalesce(expected::text, ''),
                           coalesce(actual::text, ''), state, coalesce(related_report_id::text, '')
                    from review_item order by report_id, kind, rule, metric_ids
                    """)) {
                while (rs.next()) {
                    items.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                            + " " + rs.getString(5) + " " + rs.getString(6) + " " + rs.getString(7) + " "
                            + rs.getString(8));
                }
            }
            // 2021 against 2019–2020: median of 50 and 60 is 55, 900 > 10 × 55, for 新收 and 办理总计 alike
            assertThat(items)
                    .containsExactly(
                            "3 chain requests.carried_over_chain total 4 7 open 2",
                            "3 check requests.balance total 907 900 open ",
                            "3 finding table.ambiguous_split    open ",
                            "3 ocr     open ",
                            "3 outlier review.outlier  55.00 900 open ",
                            "3 outlier review.outlier  55.00 900 open ",
                            "4 unresolved     open ");
            try (ResultSet rs = s.executeQuery("select id, origin from report order by id")) {
                List<String> origins = new ArrayList<>();
                while (rs.next()) origins.add(rs.getLong(1) + " " + rs.getString(2));
                assertThat(origins)
                        .containsExactly("1 submitted", "2 submitted", "3 parsed", "4 submitted", "9 submitted");
            }
            try (ResultSet rs = s.executeQuery("select metric_ids from review_item where kind = 'ocr'")) {
                rs.next();
                assertThat((Short[]) rs.getArray(1).getArray()).containsExactly((short) 1);
            }
        }
    }
}

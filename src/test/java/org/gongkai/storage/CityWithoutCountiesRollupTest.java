package org.gongkai.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Agencies of a city without counties (中山市 442000, 东莞市 441900, which the shipped areas list names again as their
 * own area) are agencies of a city: their reports are stored and answered (the region's lineage once looped forever
 * on them), and their roll-up rows are the same whichever writer path made them: the city row and the city's "seated
 * here" row, both at city level. The paths once disagreed here.
 */
@QuarkusTest
@Tag("database")
class CityWithoutCountiesRollupTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Rollups rollups;

    private static String report(String agency, String region, int year, long requests) {
        return "{\"agency\": {\"name\": \"" + agency + "\", \"regionCode\": \"" + region + "\"}, \"year\": " + year
                + ", \"format\": \"2021\", \"figures\": {\"requests.new.total\": " + requests + "}}";
    }

    private static String post(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/reports")
                .then()
                .statusCode(201)
                .extract()
                .path("id")
                .toString();
    }

    /** "direct/level=value" for each roll-up row of requests.new.total at {@code scope} in {@code year}. */
    private static List<String> rows(Connection c, String scope, int year) throws Exception {
        try (PreparedStatement s = c.prepareStatement(
                """
                select u.direct, u.level, u.value from rollup u
                where u.scope = ? and u.year = ?
                  and u.metric_id = (select id from metric where key = 'requests.new.total')
                order by u.direct
                """)) {
            s.setString(1, scope);
            s.setInt(2, year);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next())
                    out.add(rs.getBoolean(1) + "/" + rs.getInt(2) + "="
                            + rs.getBigDecimal(3).stripTrailingZeros().toPlainString());
            }
            return out;
        }
    }

    @Test
    void aSupersededRevisionLeavesExactlyTheRowsItEntered() throws Exception {
        // the second revision supersedes the first, whose figures leave through the stored-figure (SQL) path
        post(report("中山市审计局", "442000", 2013, 40));
        String id = post(report("中山市审计局", "442000", 2013, 55));
        given().get("/api/reports/" + id)
                .then()
                .statusCode(200)
                .body("agency.level", org.hamcrest.Matchers.equalTo("city"))
                .body("agency.regionCode", org.hamcrest.Matchers.equalTo("442000"));
        try (Connection c = dataSource.getConnection()) {
            assertThat(rows(c, "442000", 2013)).containsExactly("false/2=55", "true/2=55");
        }
        List<List<Object>> byCity = given().contentType(ContentType.JSON)
                .body(
                        """
                        {"metrics": ["requests.new.total"], "groupBy": ["city"],
                         "filters": {"regionCode": "440000", "years": [2013, 2013]}}""")
                .post("/api/query")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rows");
        assertThat(byCity).anySatisfy(row -> assertThat(row).containsExactly("中山市", "442000", 55));
    }

    @Test
    void theStoredFigurePathMakesTheSameRowsAsTheInMemoryOne() throws Exception {
        long id = Long.parseLong(post(report("东莞市审计局", "441900", 2013, 12)));
        try (Connection c = dataSource.getConnection()) {
            assertThat(rows(c, "441900", 2013)).containsExactly("false/2=12", "true/2=12");
            c.setAutoCommit(false);
            try {
                // as when a resolved report is the first of its city: the rows are created by the SQL path
                try (PreparedStatement s = c.prepareStatement("delete from rollup where scope = '441900'")) {
                    s.executeUpdate();
                }
                rollups.apply(c, List.of(id), List.of(1));
                assertThat(rows(c, "441900", 2013)).containsExactly("false/2=12", "true/2=12");
            } finally {
                c.rollback();
            }
        }
    }
}

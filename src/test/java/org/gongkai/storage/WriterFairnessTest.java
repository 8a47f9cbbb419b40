package org.gongkai.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gongkai.bulk.BulkPost;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Single submissions do not wait for a bulk batch's transaction, only for a roll-up fold, and roll-ups stay exact. */
@QuarkusTest
@Tag("database")
class WriterFairnessTest {

    // not the common pool: on two cores it runs one task at a time, and nothing would be concurrent
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(8);

    @Inject
    AgroalDataSource dataSource;

    private static String report(String agency, String region, int year, long requests) {
        return "{\"agency\": {\"name\": \"" + agency + "\", \"regionCode\": \"" + region + "\"}, \"year\": " + year
                + ", \"format\": \"2021\", \"figures\": {\"requests.new.total\": " + requests + "}}";
    }

    private static CompletableFuture<Integer> postAsync(String body) {
        return CompletableFuture.supplyAsync(
                () -> given().contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/reports")
                        .then()
                        .extract()
                        .statusCode(),
                CLIENTS);
    }

    /** Holds an advisory lock in an open transaction, as a running bulk batch holds it. */
    private Connection holding(long key) throws Exception {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            s.setLong(1, key);
            s.execute();
        }
        return c;
    }

    @Test
    void aSinglePostGoesThroughWhileABulkBatchHoldsTheBulkLock() throws Exception {
        try (Connection batch = holding(AdvisoryLocks.BULK)) {
            int status = postAsync(report("乌海市教育局", "150300", 2021, 7)).get(20, TimeUnit.SECONDS);
            assertThat(status).isEqualTo(201);
            batch.rollback();
        }
    }

    @Inject
    AgencyStore agencies;

    /**
     * A writer that finds an agency unchanged leaves its row unlocked: a single post of that agency (another year) does
     * not wait for the writer's commit, as it once waited for a whole bulk batch.
     */
    @Test
    void aSinglePostOfAnAgencyAnOpenTransactionAlsoWritesDoesNotWaitForIt() throws Exception {
        String name = "乌海市统计局";
        assertThat(postAsync(report(name, "150300", 2019, 3)).get(20, TimeUnit.SECONDS))
                .isEqualTo(201);
        String sector;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select sector from agency where name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                sector = rs.getString(1);
            }
        }
        var profile = new org.gongkai.canonical.AgencyProfile(
                name,
                org.gongkai.regions.RegionDirectory.standard().find("150300").orElseThrow(),
                new org.gongkai.regions.Sector(sector, sector, sector));
        try (Connection batch = dataSource.getConnection()) {
            batch.setAutoCommit(false);
            agencies.idOf(batch, profile);
            int status = postAsync(report(name, "150300", 2020, 4)).get(10, TimeUnit.SECONDS);
            assertThat(status).isEqualTo(201);
            batch.rollback();
        }
    }

    @Test
    void aSinglePostWaitsForABatchsRollupStepOnly() throws Exception {
        CompletableFuture<Integer> post;
        try (Connection batch = holding(AdvisoryLocks.ROLLUPS)) {
            post = postAsync(report("乌海市卫生健康委员会", "150300", 2022, 9));
            try {
                post.get(1500, TimeUnit.MILLISECONDS);
                throw new AssertionError("the post did not wait for the roll-up lock");
            } catch (TimeoutException expected) {
                // it waits while the batch moves the roll-ups
            }
            batch.commit();
        }
        assertThat(post.get(20, TimeUnit.SECONDS)).isEqualTo(201);
    }

    @Test
    void singlePostsBesideBulkLoadsOfTheSameAgencyYearsKeepOneLatestAndExactRollups() throws Exception {
        int year = 2023;
        String[] agencies = {"乌海市公安局", "乌海市民政局", "乌海市财政局", "乌海市交通运输局", "乌海市水务局"};
        List<CompletableFuture<Integer>> posts = new ArrayList<>();
        List<CompletableFuture<String>> loads = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            StringBuilder ndjson = new StringBuilder();
            for (int i = 0; i < agencies.length; i++) {
                ndjson.append(report(agencies[i], "150300", year, 100 * round + i))
                        .append('\n');
                posts.add(postAsync(report(agencies[i], "150300", year, 1000 + 100 * round + i)));
            }
            String body = ndjson.toString();
            loads.add(CompletableFuture.supplyAsync(
                    () -> BulkPost.ndjson(body)
                            .post("/api/reports/bulk")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString(),
                    CLIENTS));
        }
        for (CompletableFuture<Integer> p : posts)
            assertThat(p.get(60, TimeUnit.SECONDS)).isEqualTo(201);
        for (CompletableFuture<String> l : loads) {
            String answer = l.get(60, TimeUnit.SECONDS);
            // every line stored: none refused for a revision number or a latest row a single post took meanwhile
            assertThat(answer.split("\"status\":\"stored\"", -1)).hasSize(agencies.length + 1);
        }

        try (Connection c = dataSource.getConnection()) {
            // every agency-year: 8 revisions numbered 1..8, exactly one of them latest
            try (PreparedStatement s = c.prepareStatement(
                    """
                    select count(*), count(*) filter (where r.is_latest), count(distinct r.revision), max(r.revision)
                    from report r join agency a on a.id = r.agency_id
                    where a.name = ? and a.region_code = '150300' and r.year = ?
                    """)) {
                for (String agency : agencies) {
                    s.setString(1, agency);
                    s.setInt(2, year);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        assertThat(List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                                .as(agency)
                                .containsExactly(8, 1, 8, 8);
                    }
                }
            }
            // the city's roll-up equals the sum of its latest reports' figures, read from the figure table
            BigDecimal truth;
            try (PreparedStatement s = c.prepareStatement(
                    """
                    select coalesce(sum(f.value), 0) from report r
                    join figure f on f.report_id = r.id and f.year = r.year
                    join metric m on m.id = f.metric_id
                    where r.is_latest and r.city_code = '150300' and r.year = ? and m.key = 'requests.new.total'
                    """)) {
                s.setInt(1, year);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    truth = rs.getBigDecimal(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    """
                    select u.value from rollup u join metric m on m.id = u.metric_id
                    where u.scope = '150300' and not u.direct and u.year = ? and m.key = 'requests.new.total'
                    """)) {
                s.setInt(1, year);
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBigDecimal(1)).isEqualByComparingTo(truth);
                }
            }
        }
    }
}

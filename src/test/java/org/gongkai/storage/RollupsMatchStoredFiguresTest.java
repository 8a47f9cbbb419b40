package org.gongkai.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gongkai.bulk.BulkPost;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.checks.ReportAssessor;
import org.gongkai.reports.ReportService;
import org.gongkai.reports.SubmissionReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The roll-up table equals the sums of the latest revisions after every kind of write that moves it: a bulk load, a
 * bulk reload whose lines supersede stored revisions (their stored figures leave the roll-ups), and single posts that
 * supersede. The truth is one plain SQL GROUP BY over the latest reports' stored figures, with the scopes written out
 * from the region table (nation, province, city, and an agency's own province or city "seated here"), not through the
 * writers' code. Values are random, with fractions (fees in 10k yuan) and lower bounds, so that a sign, a bound count
 * or a fraction lost anywhere shows.
 */
@QuarkusTest
@Tag("database")
class RollupsMatchStoredFiguresTest {

    /** Agencies at every level: a province's own bureau, a city's, two counties', and a city without counties. */
    private static final String[][] AGENCIES = {
        {"内蒙古自治区卷烟专卖局", "150000"},
        {"赤峰市卷烟专卖局", "150400"},
        {"赤峰市红山区卷烟专卖局", "150402"},
        {"赤峰市元宝山区卷烟专卖局", "150403"},
        {"通辽市科尔沁区卷烟专卖局", "150502"},
        {"中山市卷烟专卖局", "442000"},
    };

    private static final int[] YEARS = {2021, 2022, 2023};

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BulkWriter writer;

    @Inject
    BulkJobStore jobs;

    @Inject
    SubmissionReader reader;

    @Inject
    ReportService reports;

    @Inject
    ReportAssessor assessor;

    private final Random random = new Random(20261201);

    private String line(String[] agency, int year) {
        StringBuilder s = new StringBuilder("{\"agency\": {\"name\": \"")
                .append(agency[0])
                .append("\", \"regionCode\": \"")
                .append(agency[1])
                .append("\"}, \"year\": ")
                .append(year)
                .append(", \"format\": \"2021\", \"figures\": {\"requests.new.total\": ")
                .append(random.nextInt(500))
                .append(", \"outcome.total.total\": ")
                .append(random.nextInt(500))
                .append(", \"proactive.fees.amount_10k_yuan\": ")
                .append(random.nextInt(100_000) / 100.0);
        if (random.nextBoolean())
            s.append(", \"proactive.items_published\": {\"value\": ")
                    .append(random.nextInt(5_000))
                    .append(", \"bound\": \"at_least\"}");
        return s.append("}}").toString();
    }

    private static void bulk(String ndjson) {
        BulkPost.ndjson(ndjson).post("/api/reports/bulk").then().statusCode(200);
    }

    private String batch(boolean everyOther) {
        StringBuilder ndjson = new StringBuilder();
        int n = 0;
        for (String[] agency : AGENCIES)
            for (int year : YEARS)
                if (!everyOther || n++ % 2 == 0)
                    ndjson.append(line(agency, year)).append('\n');
        return ndjson.toString();
    }

    /** Every roll-up row that differs from the GROUP BY truth, or the truth's rows missing from the roll-ups. */
    private List<String> differences() throws Exception {
        String truth =
                """
                with scoped as (
                    select r.id, r.year, v.scope, v.direct
                    from report r
                    join region g on g.code = r.region_code
                    cross join lateral (values ('000000', false), (r.province_code, false), (r.city_code, false),
                                               (case when g.level in (1, 2) then r.region_code end, true)) v(scope, direct)
                    where r.is_latest and v.scope is not null),
                truth as (
                    select s.scope, s.direct, s.year, f.metric_id, sum(f.value) as value, count(*) as reports,
                           count(*) filter (where f.bound = 1) as at_least, count(*) filter (where f.bound = 2) as approx
                    from scoped s join figure f on f.report_id = s.id and f.year = s.year
                    group by 1, 2, 3, 4
                    union all
                    select scope, direct, year, 0, count(*), count(*), 0, 0 from scoped group by 1, 2, 3),
                stored as (
                    select scope::text, direct, year, metric_id, value, reports, at_least, approx from rollup
                    where reports <> 0 or value <> 0 or at_least <> 0 or approx <> 0)
                select coalesce(t.scope, u.scope), coalesce(t.direct, u.direct), coalesce(t.year, u.year),
                       coalesce(t.metric_id, u.metric_id), t.value, u.value, t.reports, u.reports
                from truth t full join stored u
                  on u.scope = t.scope and u.direct = t.direct and u.year = t.year and u.metric_id = t.metric_id
                where t.scope is null or u.scope is null or t.value <> u.value or t.reports <> u.reports
                   or t.at_least <> u.at_least or t.approx <> u.approx
                order by 1, 2, 3, 4
                limit 20
                """;
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(truth)) {
            while (rs.next())
                out.add(rs.getString(1) + "/" + rs.getBoolean(2) + "/" + rs.getInt(3) + "/" + rs.getInt(4)
                        + ": truth " + rs.getBigDecimal(5) + " (" + rs.getObject(7) + " reports), stored "
                        + rs.getBigDecimal(6) + " (" + rs.getObject(8) + " reports)");
        }
        return out;
    }

    @Test
    void rollUpsEqualTheLatestRevisionsSumsAfterLoadsReloadsAndSinglePosts() throws Exception {
        bulk(batch(false));
        assertThat(differences()).isEmpty();

        // every other agency-year again: the stored revisions they supersede leave the roll-ups
        bulk(batch(true));
        assertThat(differences()).isEmpty();

        // and all of them once more, in one batch, beside two lines of the same agency-year
        bulk(batch(false) + line(AGENCIES[2], YEARS[0]) + "\n");
        assertThat(differences()).isEmpty();

        for (String[] agency : List.of(AGENCIES[0], AGENCIES[3], AGENCIES[5]))
            given().contentType(ContentType.JSON)
                    .body(line(agency, YEARS[1]))
                    .post("/api/reports")
                    .then()
                    .statusCode(201);
        assertThat(differences()).isEmpty();
    }

    private long scalar(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Bulk batches leave their roll-up sums in rollup_pending, and the roll-ups move only when they are folded: what a
     * request folds every few batches and at its end, and the start and a poll fold when a request could not (a crash,
     * the database gone before its last fold). Two batches written straight through the writer, as such a request
     * leaves them: the roll-ups still hold the sums from before (so they differ from the truth); the poll leaves them
     * while a batch holds the bulk lock, and otherwise folds them: the roll-ups equal the truth, the table is empty and
     * the data version moved, so answers cached before the fold are not served after it.
     */
    @Test
    void bulkBatchesMoveTheRollUpsWhenTheirSumsAreFolded() throws Exception {
        bulk(batch(false));
        assertThat(differences()).isEmpty();
        assertThat(scalar("select count(*) from rollup_pending")).isZero();

        long job = jobs.start("fold-test-" + UUID.randomUUID()).orElseThrow();
        long n = 0; // line numbers of one job go on across its batches
        for (boolean everyOther : new boolean[] {true, false}) {
            List<BulkWriter.Pending> batch = new ArrayList<>();
            for (String line : batch(everyOther).split("\n")) {
                CanonicalReport report = reader.read(line);
                batch.add(
                        writer.pending(++n, report, reports.profile(report), assessor.assess(report), null, List.of()));
            }
            writer.write(job, batch);
        }
        assertThat(scalar("select count(*) from rollup_pending")).isPositive();
        assertThat(differences()).isNotEmpty();

        // while a bulk batch holds the bulk lock, leftovers are its request's to fold: the poll leaves them
        try (Connection batch = dataSource.getConnection()) {
            batch.setAutoCommit(false);
            try (Statement s = batch.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + AdvisoryLocks.BULK + ")");
            }
            assertThat(writer.foldLeftovers()).isFalse();
            batch.rollback();
        }
        assertThat(scalar("select count(*) from rollup_pending")).isPositive();

        // what the start and the poll do with what a request left: fold it
        long version = scalar("select sum(changes) from data_version");
        assertThat(writer.foldLeftovers()).isTrue();
        assertThat(differences()).isEmpty();
        assertThat(scalar("select count(*) from rollup_pending")).isZero();
        assertThat(scalar("select sum(changes) from data_version")).isGreaterThan(version);

        // nothing waiting: a fold moves nothing, not even the data version
        version = scalar("select sum(changes) from data_version");
        writer.fold();
        assertThat(writer.foldLeftovers()).isFalse();
        assertThat(scalar("select sum(changes) from data_version")).isEqualTo(version);
    }

    /**
     * A request folds beside its batches: a fold takes the sums of the batches committed before it and no others, and
     * does not wait for the batch being written (which holds the bulk lock and has appended sums not yet committed).
     * One batch written and committed, then a second transaction holding the bulk lock with a sum of its own appended:
     * the fold ends while that transaction is open, the roll-ups equal the truth of the committed batch, and the open
     * transaction's sum is still waiting once it commits.
     */
    @Test
    void aFoldTakesTheCommittedBatchesBesideTheOneBeingWritten() throws Exception {
        bulk(batch(false));
        long job = jobs.start("fold-beside-test-" + UUID.randomUUID()).orElseThrow();
        List<BulkWriter.Pending> written = new ArrayList<>();
        long n = 0;
        for (String line : batch(true).split("\n")) {
            CanonicalReport report = reader.read(line);
            written.add(writer.pending(++n, report, reports.profile(report), assessor.assess(report), null, List.of()));
        }
        writer.write(job, written);
        assertThat(differences()).isNotEmpty();

        try (Connection batch = dataSource.getConnection()) {
            batch.setAutoCommit(false);
            try (Statement s = batch.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + AdvisoryLocks.BULK + ")");
                s.execute("insert into rollup_pending (scope, direct, level, province, city, year, metric_id, value,"
                        + " reports, at_least, approx) values ('000000', false, 0, null, null, 2099, 0, 1, 1, 0, 0)");
            }
            CompletableFuture<Void> fold = CompletableFuture.runAsync(() -> {
                try {
                    writer.fold();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            fold.get(30, TimeUnit.SECONDS); // a fold that waited for the bulk lock would time out here
            assertThat(differences()).isEmpty();
            assertThat(scalar("select count(*) from rollup_pending")).isZero(); // the open one is not seen
            batch.commit();
        }
        try {
            assertThat(scalar("select count(*) from rollup_pending where year = 2099"))
                    .isEqualTo(1);
            assertThat(scalar("select count(*) from rollup where year = 2099")).isZero();
        } finally {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("delete from rollup_pending where year = 2099");
            }
        }
    }
}

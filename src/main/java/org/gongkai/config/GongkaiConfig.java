package org.gongkai.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Every {@code gongkai.*} setting, with its default, in one place (SmallRye Config mapping). Set any of them in
 * {@code application.properties}, as a system property or as an environment variable ({@code gongkai.limits.report-bytes}
 * → {@code GONGKAI_LIMITS_REPORT_BYTES}).
 */
@ConfigMapping(prefix = "gongkai")
public interface GongkaiConfig {

    /** Body limits; a larger body is answered 413 problem+json before it is read further. */
    Limits limits();

    /** {@code POST /api/reports/bulk}. */
    Bulk bulk();

    /** Scheduled exports. */
    Exports exports();

    /** Which database the service uses; set by the start-up, not by hand. */
    Database database();

    /**
     * The embedded PostgreSQL: read before Quarkus starts ({@code database.DatabaseBootstrap}), listed here so that
     * every setting has one description.
     */
    Embedded embedded();

    /** Bearer tokens, roles and limits per token (org.gongkai.security). */
    Security security();

    /** Several service instances against one primary (README "Cluster"). */
    Cluster cluster();

    /** An optional streaming replica that answers queries, views and exports ({@code org.gongkai.replicas}). */
    Replica replica();

    /**
     * The answer cache ({@code queries/AnswerCache}): a question asked again is answered from memory until the data
     * version changes (any write, on any instance).
     */
    AnswerCache answerCache();

    /** {@code gongkai ingest}'s server side: documents stored together ({@code POST /api/documents/batch}). */
    Documents documents();

    /**
     * The address clients reach the service at, without a trailing slash: {@code Location} headers are built from
     * it, never from the request's {@code Host} header. Set it to the public https address in production.
     */
    @WithDefault("http://localhost:${quarkus.http.port:8080}")
    String publicUrl();

    interface Security {

        /**
         * An admin token for automated deployments ({@code GONGKAI_ADMIN_TOKEN}): when set it is an admin token and is
         * never printed; when unset and no admin token exists, the first start makes one and prints it once.
         */
        Optional<String> adminToken();

        /**
         * Anonymous reads of aggregates (queries, the four aggregate views, the metric catalogue) with the role
         * {@code public}; off by default, when every call needs a token.
         */
        @WithDefault("false")
        boolean publicAggregates();

        /**
         * Expensive calls (queries, views, exports) a token may make a minute, as a token bucket of this size that
         * refills evenly; more are answered 429 with Retry-After. Admin tokens are not limited unless created with a
         * rate of their own; anonymous public callers share one bucket per client address.
         */
        @WithDefault("120")
        int expensiveCallsPerMinute();
    }

    interface AnswerCache {

        /** Off: every question goes to the database. */
        @WithDefault("true")
        boolean enabled();

        /** The most the cached answers may hold, as estimated from their cells: 64 MiB. */
        @WithDefault("67108864")
        long maxBytes();

        /** An answer of more rows than this is not kept (a large export streams past the cache): 10,000. */
        @WithDefault("10000")
        int maxRows();
    }

    interface Documents {

        /**
         * The most documents one {@code POST /api/documents/batch} may carry: 500 (a batch's roll-up rows are shared by
         * its documents of one province or year: 3,000 documents in batches of 500 move a third fewer than in 50s).
         */
        @WithDefault("500")
        int batchSize();

        /** The largest {@code POST /api/documents/batch} body, all its documents together: 64 MiB. */
        @WithDefault("67108864")
        long batchBytes();
    }

    interface Limits {

        /** The largest JSON body of {@code POST /api/reports} and {@code PUT /api/reports/{id}/identity}: 1 MiB. */
        @WithDefault("1048576")
        long reportBytes();

        /** The largest document of {@code POST /api/documents}: 20 MiB. */
        @WithDefault("20971520")
        long documentBytes();

        /** The largest query, export or schedule body: 256 KiB. */
        @WithDefault("262144")
        long requestBytes();

        /**
         * The longest request URI, path and query string together: 16 Ki characters; a longer one is answered 414
         * problem+json ({@code problems.UrlGuard}). Keep it well below {@code quarkus.http.limits.max-initial-line-length},
         * above which Netty answers 414 itself, with an empty body.
         */
        @WithDefault("16384")
        int urlChars();

        /**
         * The most metrics one query, view or export may name (rates and year-over-year changes count as one each):
         * 200, about the whole catalogue. Each metric adds a few columns to one SQL statement, whose select list
         * PostgreSQL bounds at 1,664 entries; more is answered 400 naming {@code /metrics}.
         */
        @WithDefault("200")
        int queryMetrics();

        /**
         * The most rows one JSON query answer may hold ({@code limit} of {@code POST /api/query}): 10,000. The answer
         * is built in memory; a larger one is refused with 400 telling to narrow the query or to export it
         * ({@code POST /api/exports} and {@code format=csv|xlsx} stream every row).
         */
        @WithDefault("10000")
        int queryRows();

        /**
         * The largest NDJSON stream of {@code POST /api/reports/bulk}: 16 GiB (the 1M-report corpus is 5.6 GB; the stream is read line by line, never held). A declared larger length is answered 413
         * before a byte is read; a stream that passes it while being read stops there: the batches before are stored
         * (its bulk job lists them) and the answer is 413.
         */
        @WithDefault("17179869184")
        long bulkBytes();

        /**
         * The longest line of a bulk stream: 1 MiB, as a single report. A longer line is rejected alone, skipped to its
         * end without being held.
         */
        @WithDefault("1048576")
        long bulkLineBytes();
    }

    interface Bulk {

        /** Lines validated together and written in one transaction (one COPY per table and year). */
        @WithDefault("2500")
        int batchSize();

        /**
         * Batches whose roll-up sums wait in {@code rollup_pending} before a fold adds them to the roll-ups in one
         * upsert, beside the batches that follow (and once more when the stream ends): roll-up answers lag a running
         * bulk request by about this many batches and one fold, and are current when its summary line is sent.
         */
        @WithDefault("20")
        int foldEvery();

        /**
         * How often each instance looks for roll-up sums that no running bulk request will fold (its service stopped,
         * or the database went away before its last fold) and folds them; {@code off} never (the start still does).
         */
        @WithDefault("10s")
        String foldPoll();
    }

    interface Exports {

        /** The folder scheduled exports write under; a schedule's {@code targetFolder} is relative to it. */
        @WithDefault("data/exports")
        Path root();

        /** Retries of a failed scheduled run. */
        Retry retry();

        /** Limits on schedules. */
        Schedules schedules();

        interface Schedules {

            /** The shortest time allowed between two runs of one schedule's cron; a cron firing more often is 422. */
            @WithDefault("PT1H")
            Duration minInterval();

            /** The longest {@code targetFolder}, in characters. */
            @WithDefault("255")
            int folderLength();

            /** The most folder levels in a {@code targetFolder}. */
            @WithDefault("8")
            int folderDepth();

            /** Run records kept per schedule (the newest); older ones are deleted after each run. */
            @WithDefault("100")
            int keepRuns();

            /**
             * How long a run belongs to the instance that claimed it without a heartbeat: the owner renews it every
             * third of this; once it has lapsed (the instance died mid-run) another instance takes the run over.
             */
            @WithDefault("PT30S")
            Duration lease();

            /**
             * How often an instance compares its scheduler's jobs with {@code export_schedule}, so that a schedule
             * created, changed, paused or deleted through another instance is picked up.
             */
            @WithDefault("PT10S")
            Duration syncInterval();
        }

        interface Retry {

            /** Attempts in all, the first included. */
            @WithDefault("3")
            int attempts();

            /** The wait before the second attempt; it doubles before each further one. */
            @WithDefault("PT5S")
            Duration backoff();
        }
    }

    interface Database {

        /** {@code embedded} or {@code external}, as the start-up decided. */
        @WithDefault("external")
        String kind();
    }

    interface Embedded {

        /** The embedded server's data directory ({@code GONGKAI_EMBEDDED_DATA_DIR}); default {@code data/postgres}. */
        Optional<String> dataDir();

        /** Its port ({@code GONGKAI_EMBEDDED_PORT}); default: a free one. */
        Optional<Integer> port();

        /**
         * The password of its {@code postgres} role ({@code GONGKAI_EMBEDDED_PASSWORD}); default: one generated at the
         * first start and kept in the data directory ({@code gongkai-postgres.password}, mode 600). Every connection
         * proves it with scram-sha-256.
         */
        Optional<String> password();
    }

    interface Cluster {

        /**
         * This instance's name in run records ({@code export_run.owner}, followed by its process id and a random
         * suffix, new at every start); default: the host name.
         */
        Optional<String> instanceId();
    }

    interface Replica {

        /**
         * The JDBC URL of a PostgreSQL streaming replica of the primary ({@code GONGKAI_REPLICA_URL}); unset: every
         * read goes to the primary.
         */
        Optional<String> url();

        /** Its user; default: the primary's ({@code quarkus.datasource.username}). */
        Optional<String> username();

        /** Its password; default: the primary's ({@code quarkus.datasource.password}). */
        Optional<String> password();

        /** Connections to the replica at most. */
        @WithDefault("16")
        int maxConnections();

        /** How often the replica's replay position and lag are read; a replica that does not answer is left alone until it does. */
        @WithDefault("PT1S")
        Duration checkInterval();

        /**
         * The replica is passed over while it is further behind the primary than this (time since the last replayed
         * transaction, while WAL is still to replay); reads go to the primary meanwhile.
         */
        @WithDefault("PT30S")
        Duration maxLag();
    }
}

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
    }

    interface Bulk {

        /** Lines validated together and written in one transaction (one COPY per table and year). */
        @WithDefault("2500")
        int batchSize();
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
}

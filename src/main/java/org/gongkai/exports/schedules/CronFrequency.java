package org.gongkai.exports.schedules;

import com.cronutils.model.Cron;
import com.cronutils.model.time.ExecutionTime;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Whether a cron may be scheduled: it must fire at all (Quartz accepts {@code 0 0 0 31 2 ?}, which never does) and
 * never twice within the configured minimum interval ({@code * * * * * ?} fires every second).
 */
final class CronFrequency {

    /** Consecutive runs compared; enough to see every gap of a cron's hour, day, week or month fields. */
    private static final int RUNS_COMPARED = 400;

    private CronFrequency() {}

    static Optional<String> problem(Cron cron, Duration minInterval) {
        ExecutionTime times = ExecutionTime.forCron(cron);
        ZonedDateTime start = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        Optional<ZonedDateTime> previous = times.nextExecution(start);
        if (previous.isEmpty()) return Optional.of("never fires (no date matches it)");
        for (int i = 0; i < RUNS_COMPARED; i++) {
            Optional<ZonedDateTime> next = times.nextExecution(previous.get());
            if (next.isEmpty()) return Optional.empty();
            Duration gap = Duration.between(previous.get(), next.get());
            if (gap.compareTo(minInterval) < 0) {
                return Optional.of("fires every " + gap + " at times; schedules may fire at most once every "
                        + minInterval + " (gongkai.exports.schedules.min-interval)");
            }
            previous = next;
        }
        return Optional.empty();
    }
}

package org.gongkai.exports.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CronFrequencyTest {

    private static java.util.Optional<String> problem(String cron) {
        return CronFrequency.problem(ScheduleRequestReader.CRON.parse(cron).validate(), Duration.ofHours(1));
    }

    @Test
    void refusesACronFiringEverySecond() {
        assertThat(problem("* * * * * ?")).get().asString().contains("PT1S").contains("PT1H");
    }

    @Test
    void refusesACronThatNeverFires() {
        assertThat(problem("0 0 0 31 2 ?")).get().asString().contains("never fires");
    }

    @Test
    void refusesTwoRunsAMinuteApartOnceADay() {
        assertThat(problem("0 0,1 6 * * ?")).isPresent();
    }

    @Test
    void acceptsHourlyDailyAndMonthlyCrons() {
        assertThat(problem("0 0 * * * ?")).isEmpty();
        assertThat(problem("0 0 6 * * ?")).isEmpty();
        assertThat(problem("0 30 7 1 * ?")).isEmpty();
        assertThat(problem("0 0 0 29 2 ?")).as("leap days only").isEmpty();
    }
}

package org.gongkai.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayLagTest {

    private static Lsn lsn(String text) {
        return Lsn.parse(text).orElseThrow();
    }

    @Test
    void readsAndPrintsPositionsAsPostgresDoes() {
        assertThat(lsn("16/B374D848").value()).isEqualTo(0x16L * (1L << 32) + 0xB374D848L);
        assertThat(lsn("16/B374D848")).hasToString("16/B374D848");
        assertThat(lsn("0/0")).hasToString("0/0");
        assertThat(Lsn.parse("16-B374D848")).isEmpty();
        assertThat(Lsn.parse("123456789/0")).isEmpty();
        assertThat(lsn("FFFFFFFF/0").reached(lsn("1/0")))
                .as("compared unsigned")
                .isTrue();
        assertThat(lsn("1/10").bytesAfter(lsn("1/0"))).isEqualTo(16);
        assertThat(lsn("1/0").bytesAfter(lsn("1/10"))).isZero();
    }

    @Test
    void lagIsTheAgeOfTheOldestPrimaryPositionNotYetReplayed() {
        ReplayLag lag = new ReplayLag();
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        lag.primaryAt(t0, lsn("0/100"));
        lag.primaryAt(t0.plusSeconds(1), lsn("0/200"));
        lag.primaryAt(t0.plusSeconds(2), lsn("0/200")); // idle primary: the same position is not a new one
        lag.primaryAt(t0.plusSeconds(3), lsn("0/300"));
        assertThat(lag.behind(t0.plusSeconds(5), lsn("0/50"))).isEqualTo(5.0);
        assertThat(lag.behind(t0.plusSeconds(5), lsn("0/100"))).isEqualTo(4.0);
        assertThat(lag.behind(t0.plusSeconds(6), lsn("0/250"))).isEqualTo(3.0);
        assertThat(lag.behind(t0.plusSeconds(6), lsn("0/300"))).isZero();
        // a replica that was away while the primary went on counts from the first position it missed
        lag.primaryAt(t0.plusSeconds(10), lsn("0/400"));
        lag.primaryAt(t0.plusSeconds(70), lsn("0/900"));
        assertThat(lag.behind(t0.plusSeconds(71), lsn("0/300"))).isEqualTo(61.0);
    }
}

package org.gongkai.exports.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainIdTest {

    @Test
    void readsPlainAsciiPositiveIntegers() {
        assertThat(PlainId.parse("1", "/api/export-schedules/1")).hasValue(1);
        assertThat(PlainId.parse("123456789012345678", "/x")).hasValue(123456789012345678L);
    }

    @Test
    void refusesFullWidthDigitsThatLongParseLongWouldRead() {
        assertThat(Long.parseLong("９")).as("the trap").isEqualTo(9);
        assertThat(PlainId.parse("９", "/api/export-schedules/%EF%BC%99")).isEmpty();
    }

    @Test
    void refusesMatrixParametersSignsZerosAndOverflow() {
        assertThat(PlainId.parse("1", "/api/export-schedules/1;ls")).isEmpty();
        assertThat(PlainId.parse("-1", "/x")).isEmpty();
        assertThat(PlainId.parse("+1", "/x")).isEmpty();
        assertThat(PlainId.parse("01", "/x")).isEmpty();
        assertThat(PlainId.parse("0", "/x")).isEmpty();
        assertThat(PlainId.parse("9999999999999999999", "/x")).isEmpty();
    }
}

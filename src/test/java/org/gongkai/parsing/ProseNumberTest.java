package org.gongkai.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.canonical.Bound;
import org.junit.jupiter.api.Test;

class ProseNumberTest {

    private static final Pattern COUNT = ProseNumber.compile("{N}条{T}");

    private static ProseNumber read(String text) {
        Matcher m = COUNT.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return ProseNumber.from(m);
    }

    @Test
    void readsChineseNumeralsAndTenThousands() {
        assertThat(read("二十三条").value()).isEqualByComparingTo("23");
        assertThat(read("一千二百条").value()).isEqualByComparingTo("1200");
        assertThat(read("十条").value()).isEqualByComparingTo("10");
        assertThat(read("一千零二条").value()).isEqualByComparingTo("1002");
        assertThat(read("三万五千条").value()).isEqualByComparingTo("35000");
        assertThat(read("1.3万余条").value()).isEqualTo("13000");
        assertThat(read("2万条").value()).isEqualTo("20000");
    }

    @Test
    void readsBoundsFromTheWordsAroundTheNumber() {
        assertThat(read("1000余条").bound()).isEqualTo(Bound.AT_LEAST);
        assertThat(read("300多条").bound()).isEqualTo(Bound.AT_LEAST);
        assertThat(read("500条以上").bound()).isEqualTo(Bound.AT_LEAST);
        assertThat(read("约500条").bound()).isEqualTo(Bound.APPROXIMATELY);
        assertThat(read("近500条").bound()).isEqualTo(Bound.APPROXIMATELY);
        assertThat(read("500条左右").bound()).isEqualTo(Bound.APPROXIMATELY);
        assertThat(read("500条").bound()).isEqualTo(Bound.EXACT);
    }
}

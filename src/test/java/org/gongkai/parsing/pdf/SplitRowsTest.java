package org.gongkai.parsing.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A table row cut by a page break (its label wrapped past the page's end) is one row again. */
class SplitRowsTest {

    private static final List<String> CUT = List.of("（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政", "8", "379", "");

    @Test
    void joinsTheRestOfACutLabelToTheRowWithTheNumbers() {
        List<String> rest = List.of("", "机关不再处理其政府信息公开申请", "", "", "");

        assertThat(PdfText.splitRow(CUT, rest)).isTrue();
        assertThat(PdfText.joinedRow(CUT, rest))
                .containsExactly("（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "8", "379", "");
    }

    @Test
    void keepsARowOfItsOwnThatStartsTheNextPage() {
        assertThat(PdfText.splitRow(CUT, List.of("（六）其他处理", "3.其他", "0", "7", "")))
                .as("numbers of its own")
                .isFalse();
        assertThat(PdfText.splitRow(CUT, List.of("（六）其他处理", "3.其他", "", "", "")))
                .as("a label-only row with its item number")
                .isFalse();
        assertThat(PdfText.splitRow(CUT, List.of("", "", "合计", "", "")))
                .as("text under a number")
                .isFalse();
        assertThat(PdfText.splitRow(List.of("信息内容", "本年制发件数"), List.of("规章", "")))
                .as("the row above holds no number")
                .isFalse();
    }
}

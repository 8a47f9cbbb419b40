package org.gongkai.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.parsing.input.UnreadableDocumentException;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.regions.RegionResolver;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

    private static final DocumentParser PARSER = DocumentParser.standard();
    private static final String REPORT = "定西市教育局2017年度政府信息公开情况\n通过门户网站发布各类信息392条。";

    @Test
    void detectsGb18030WhenNoCharsetIsNamed() {
        ParsedDocument doc = PARSER.parse(REPORT.getBytes(Charset.forName("GB18030")), null, Hints.none());

        assertThat(doc.charset()).isEqualTo("GB18030");
        assertThat(doc.report().agencyName()).isEqualTo("定西市教育局");
    }

    @Test
    void prefersStrictUtf8AndHonoursTheContentTypeCharset() {
        assertThat(PARSER.parse(REPORT.getBytes(StandardCharsets.UTF_8), null, Hints.none())
                        .charset())
                .isEqualTo("UTF-8");
        assertThat(PARSER.parse(REPORT.getBytes(Charset.forName("GBK")), "text/plain; charset=GBK", Hints.none())
                        .title())
                .isEqualTo("定西市教育局2017年度政府信息公开情况");
    }

    @Test
    void normalizesFullWidthFormsAndOddWhitespace() {
        ParsedDocument doc = PARSER.parse(
                "定西市教育局２０１７年度政府信息公开情况\r\n\u3000\u3000发布各类信息３９２条，其中Ａ类１条。\u00a0\n\n\n\nEnd", null, Hints.none());

        assertThat(doc.text()).isEqualTo("定西市教育局2017年度政府信息公开情况\n发布各类信息392条,其中A类1条。\n\nEnd");
    }

    @Test
    void rejectsEmptyBinaryAndOversizedInputWithOneExceptionType() {
        assertThatThrownBy(() -> PARSER.parse(new byte[0], null, Hints.none()))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> PARSER.parse(" \n\t ".getBytes(StandardCharsets.UTF_8), null, Hints.none()))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("empty");
        byte[] binary = new byte[4096];
        new Random(1).nextBytes(binary);
        assertThatThrownBy(() -> PARSER.parse(binary, "application/octet-stream", Hints.none()))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("not a text document");
        DocumentParser bounded =
                new DocumentParser(MetricCatalogue.standard(), new RegionResolver(RegionDirectory.standard()), 1024);
        assertThatThrownBy(() -> bounded.parse("公开".repeat(200).getBytes(StandardCharsets.UTF_8), null, Hints.none()))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("too large: 1200 bytes, the limit is 1024 bytes");
    }

    @Test
    void ignoresAWesternCharsetLabelOnChineseBytesAndAnHtmlLabelOnPlainText() {
        ParsedDocument latin1 =
                PARSER.parse(REPORT.getBytes(Charset.forName("GBK")), "text/html; charset=ISO-8859-1", Hints.none());
        assertThat(latin1.charset()).isEqualTo("GB18030");
        assertThat(latin1.report().agencyName()).isEqualTo("定西市教育局");

        ParsedDocument plain = PARSER.parse(Seeds.bytes(Seeds.MUDANJIANG_2019), "text/html", Hints.none());
        assertThat(plain.report()
                        .figures()
                        .get("proactive.procurement.amount_10k_yuan")
                        .value())
                .isEqualByComparingTo("885.1737");
    }

    @Test
    void prefersTheReportTitleOverMenusThatSayNotice() {
        ParsedDocument doc = PARSER.parse("首页 | 通知公告 | 政策文件\n您的位置:首页 > 政务公开\n" + REPORT, null, Hints.none());

        assertThat(doc.title()).isEqualTo("定西市教育局2017年度政府信息公开情况");
        assertThat(doc.classification().kind()).isEqualTo(DocumentKind.REPORT_NARRATIVE);
    }
}

package org.gongkai.parsing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A rendered HTML report dressed for printing the way bureaus' PDFs look: an A5 page, a small CJK font, every
 * table rectangular with a 1-point border, the applicant columns so narrow that their header labels wrap
 * (社会公益 / 组织, 结果 / 维持), and the rowspan cell of 三、本年度办理结果 stacked one character per line. On A5 the section-三 table does not fit on one page and breaks across two.
 */
public final class PrintedHtml {

    /** The CJK font that {@code scripts/install-cjk-font.sh} installs; LibreOffice needs it to set Chinese. */
    public static final String FONT = "WenQuanYi Zen Hei";

    private static final String STYLE = "@page { size: 148mm 210mm; margin: 12mm }\n"
            + "body, p, td { font-family: '" + FONT + "'; font-size: 8pt }\n"
            + "h1 { font-family: '" + FONT + "'; font-size: 13pt }\n"
            + "h2 { font-family: '" + FONT + "'; font-size: 9pt }\n";

    private static final String STACKED = "三、本年度办理结果";
    private static final String[] NARROW_HEADERS = {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "结果维持", "结果纠正"};

    private PrintedHtml() {}

    public static String styled(String html) {
        Document doc = Jsoup.parse(html);
        doc.head().appendElement("style").text(STYLE);
        for (Element table : doc.select("table")) {
            table.attr("border", "1").attr("cellspacing", "0").attr("cellpadding", "1");
            rectangular(table);
        }
        for (Element td : doc.select("td")) {
            String text = td.text();
            if (text.equals(STACKED)) {
                // Writer's HTML import keeps a column at least ~3 characters wide whatever width it is given,
                // so the one-character stack is set with line breaks, as bureaus set it in Word.
                td.empty();
                for (int i = 0; i < STACKED.length(); i++) {
                    if (i > 0) td.appendElement("br");
                    td.appendText(STACKED.substring(i, i + 1));
                }
            }
            for (String h : NARROW_HEADERS) if (text.equals(h)) td.attr("width", "1%");
        }
        doc.outputSettings().prettyPrint(false);
        return doc.outerHtml();
    }

    /**
     * Widens the last cell of a row that has fewer columns than its table (the section-二 table prints groups of
     * one to three value columns): HTML forgives ragged rows, Writer's HTML import merges their columns instead.
     * Tables with rowspans are rectangular already and stay as they are.
     */
    private static void rectangular(Element table) {
        if (!table.select("td[rowspan]").isEmpty()) return;
        int width = 0;
        for (Element tr : table.select("tr")) width = Math.max(width, columns(tr));
        for (Element tr : table.select("tr")) {
            int missing = width - columns(tr);
            if (missing == 0 || tr.children().isEmpty()) continue;
            Element last = tr.child(tr.childrenSize() - 1);
            last.attr("colspan", Integer.toString(span(last) + missing));
        }
    }

    private static int columns(Element tr) {
        int n = 0;
        for (Element td : tr.children()) n += span(td);
        return n;
    }

    private static int span(Element td) {
        String s = td.attr("colspan");
        return s.isEmpty() ? 1 : Integer.parseInt(s);
    }
}

package org.gongkai.parsing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.parsing.input.UnreadableDocumentException;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.regions.RegionResolver;

/**
 * Reads a government-information-disclosure annual report (政府信息公开工作年度报告) from raw bytes: decodes and
 * normalizes the text, classifies the document, and reads the tables and sentences into a {@link CanonicalReport}
 * whose every figure points back into the normalized text. Thread-safe; build one and share it.
 */
public final class DocumentParser {

    private static final String[] SIGNS_2019 = {"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "采购项目数量", "其他对外管理服务事项"};
    private static final String[] SIGNS_2021 = {"本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "逾期不补正", "逾期未按收费通知"
    };

    private final TableReader tables;
    private final ProseReader prose;
    private final StatisticsAnnexReader annexes;
    private final IdentityReader identities;
    private final DocumentClassifier classifier = new DocumentClassifier();
    private final TextDecoder decoder = new TextDecoder();

    /** The largest document parsed; the service passes {@code gongkai.limits.document-bytes}. */
    private final long maxBytes;

    /** @param maxBytes the largest document to parse; a larger one is unreadable */
    public DocumentParser(MetricCatalogue catalogue, RegionResolver regions, long maxBytes) {
        this.maxBytes = maxBytes;
        this.tables = new TableReader(new OfficialForms(catalogue));
        this.prose = new ProseReader(catalogue);
        this.annexes = new StatisticsAnnexReader(catalogue);
        this.identities = new IdentityReader(regions);
    }

    /**
     * A parser over the shipped catalogue and region directory for trusted callers (tests, benchmarks): it sets no
     * size limit of its own; the service's parser has {@code gongkai.limits.document-bytes}.
     */
    public static DocumentParser standard() {
        return new DocumentParser(
                MetricCatalogue.standard(), new RegionResolver(RegionDirectory.standard()), Long.MAX_VALUE);
    }

    /**
     * Parses one document.
     *
     * @param contentType the HTTP content type, e.g. {@code text/html; charset=GBK}; may be null
     * @param hints what the caller knows (may be {@link Hints#none()}); the document wins where it is explicit
     * @throws UnreadableDocumentException when the bytes are empty, binary, undecodable or larger than the limit
     */
    public ParsedDocument parse(byte[] bytes, String contentType, Hints hints) {
        try {
            return parseDecodable(bytes, contentType, hints == null ? Hints.none() : hints);
        } catch (UnreadableDocumentException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // The contract is one exception type for any input; a parser fault must not surface as a 500.
            throw new UnreadableDocumentException(
                    "parser failure on a " + (bytes == null ? 0 : bytes.length) + "-byte document: " + e, e);
        }
    }

    /** Parses text that is already decoded (the charset reported is UTF-8). */
    public ParsedDocument parse(String text, String contentType, Hints hints) {
        return parse(text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8), withUtf8(contentType), hints);
    }

    private static String withUtf8(String contentType) {
        String base = contentType == null ? "text/plain" : contentType.split(";")[0].strip();
        return base + "; charset=UTF-8";
    }

    private ParsedDocument parseDecodable(byte[] bytes, String contentType, Hints hints) {
        if (bytes != null && bytes.length > maxBytes) {
            throw new UnreadableDocumentException(
                    "document too large: " + bytes.length + " bytes, the limit is " + maxBytes + " bytes");
        }
        // PDF and Word files become the same flattened text as HTML (already normalized), with their pages.
        PagedText paged = PagedDocuments.read(bytes);
        DecodedText decoded = paged != null ? PagedDocuments.decoded(paged) : decoder.decode(bytes, contentType);
        String raw = decoded.text();
        String htmlTitle = paged == null ? null : paged.title();
        // Declared HTML without a single tag is plain text: flattening it would join its lines.
        boolean declaredHtml =
                contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html") && raw.indexOf('<') >= 0;
        boolean html = declaredHtml || HtmlFlattener.looksLikeHtml(raw.substring(0, Math.min(raw.length(), 4096)));
        if (html && paged == null) {
            HtmlFlattener.Flattened flat = HtmlFlattener.flatten(raw);
            raw = flat.text();
            htmlTitle = flat.title();
        }
        String text = TextNormalizer.normalize(raw);
        if (text.isBlank()) {
            throw new UnreadableDocumentException("empty document: no text after decoding as " + decoded.charset());
        }
        DocumentIdentity id = identities.read(text, htmlTitle, hints);

        ReportFormat tableFormat = tableFormat(text, id.year());
        List<Cell> cells = CellTokenizer.cells(text);
        TableFigures tableFigures = tables.read(text, cells, tableFormat);
        TableFigures annexFigures = annexes.read(text, cells);
        ProseFigures proseFigures = prose.read(text);
        boolean proseStates = !proseFigures.figures().isEmpty() || !annexFigures.isEmpty();

        Classification classification =
                classifier.classify(id.title(), text, !tableFigures.isEmpty(), tableFormat, proseStates);
        String charset =
                paged != null ? PagedDocuments.CHARSET : decoded.charset().name();
        if (!classification.kind().isReport())
            return new ParsedDocument(text, charset, id.title(), classification, null, id.evidence());

        List<CheckResult> findings = new ArrayList<>(tableFigures.findings());
        findings.addAll(annexFigures.findings());
        findings.addAll(proseFigures.findings());
        Map<String, Figure> figures = StatedFigures.combine(tableFigures, annexFigures, proseFigures, findings);
        if (paged != null) figures.replaceAll((key, figure) -> paged.located(figure));
        findings.addAll(id.findings());
        if (id.year() == null) {
            findings.add(new CheckResult(
                    "identity.year", null, null, false, null, null, "the document names no year it reports on"));
        }
        if (id.agencyName() == null) {
            findings.add(
                    new CheckResult("identity.agency", null, null, false, null, null, "the document names no agency"));
        }
        ReportFormat format = tableFigures.isEmpty() ? ReportFormat.NARRATIVE : tableFormat;
        CanonicalReport report = new CanonicalReport(
                id.agencyName(),
                id.regionCode(),
                id.year() == null ? 0 : id.year(),
                format,
                id.publishedOn(),
                id.sourceUrl(),
                figures,
                findings);
        return new ParsedDocument(text, charset, id.title(), classification, report, id.evidence());
    }

    /** The table format the column headers name; the year decides when they are ambiguous or absent. */
    static ReportFormat tableFormat(String text, Integer year) {
        int signs2019 = count(text, SIGNS_2019);
        int signs2021 = count(text, SIGNS_2021);
        if (signs2019 > signs2021) return ReportFormat.F2019;
        if (signs2021 > signs2019) return ReportFormat.F2021;
        return year != null && year >= 2021 ? ReportFormat.F2021 : ReportFormat.F2019;
    }

    private static int count(String text, String[] signs) {
        int n = 0;
        for (String s : signs) if (text.contains(s)) n++;
        return n;
    }
}

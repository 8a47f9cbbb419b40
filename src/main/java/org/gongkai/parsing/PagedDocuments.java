package org.gongkai.parsing;

import java.nio.charset.StandardCharsets;
import org.gongkai.parsing.input.RawPages;
import org.gongkai.parsing.pdf.PdfText;
import org.gongkai.parsing.word.DocText;
import org.gongkai.parsing.word.DocxText;

/**
 * The front end for files that are not text: PDF and Word, told from their bytes ({@link DocumentType}), read into
 * the flattened text of {@link PagedText}. Text and HTML return null and go through {@link TextDecoder}.
 */
final class PagedDocuments {

    /** What the document record stores as the charset of a binary file read through its own format. */
    static final String CHARSET = "binary";

    private PagedDocuments() {}

    /** The paged text as decoded text (the parser's next steps take either). */
    static DecodedText decoded(PagedText paged) {
        return new DecodedText(paged.text(), StandardCharsets.UTF_8);
    }

    /** The text of a PDF or Word file; null when the bytes are text or HTML. */
    static PagedText read(byte[] bytes) {
        DocumentType type = DocumentType.sniff(bytes);
        if (type == DocumentType.TEXT) return null;
        RawPages raw =
                switch (type) {
                    case PDF -> PdfText.read(bytes);
                    case DOCX -> DocxText.read(bytes);
                    case DOC -> DocText.read(bytes);
                    case TEXT -> null;
                };
        if (raw == null) return null;
        PagedText text = PagedText.ofPages(raw.pages(), raw.title());
        return raw.paged() ? text : text.withoutPages();
    }
}

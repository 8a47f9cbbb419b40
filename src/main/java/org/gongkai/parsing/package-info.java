/**
 * Reads annual reports on government information disclosure from raw documents. Call
 * {@link org.gongkai.parsing.DocumentParser#parse(byte[], String, org.gongkai.parsing.Hints)}: it returns a
 * {@link org.gongkai.parsing.ParsedDocument} (normalized text, charset, title, classification and, for reports, a
 * {@link org.gongkai.canonical.CanonicalReport}) or throws {@link org.gongkai.parsing.input.UnreadableDocumentException}
 * for bytes that are not a readable document; no other exception escapes.
 */
package org.gongkai.parsing;

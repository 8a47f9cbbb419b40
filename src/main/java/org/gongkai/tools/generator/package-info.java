/**
 * Deterministic national corpora of annual reports for tests and benchmarks, in plain Java.
 *
 * <p>{@link org.gongkai.tools.generator.CorpusGenerator} names agencies over the real region tree ({@link
 * org.gongkai.tools.generator.AgencyDirectory}), gives each a history of figures ({@code AgencyChronicle}) drawn from its own
 * seeded stream, and breaks a share of the table-format reports on purpose ({@code FaultInjector}), recording each
 * fault and the checks it must fail. {@link org.gongkai.tools.generator.SubmissionJson} writes a report as the body of {@code
 * POST /api/reports}; {@link org.gongkai.tools.generator.TruthJson} writes its ground truth; {@link
 * org.gongkai.tools.generator.CorpusWriter} streams both to NDJSON; {@link org.gongkai.tools.generator.GenerateCommand} is the
 * command line.
 *
 * <p>Documents are not rendered here: {@link org.gongkai.tools.generator.DocumentSink} and {@link
 * org.gongkai.tools.generator.RenderedDocuments} take a {@code Function<CanonicalReport, String>}, to be wired to {@code
 * org.gongkai.tools.rendering.ReportRenderer} through {@link org.gongkai.tools.generator.GenerateCommand#withRenderer}.
 */
package org.gongkai.tools.generator;

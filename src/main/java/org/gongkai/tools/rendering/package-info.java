/**
 * Writes canonical reports out as documents in the layouts real reports come in, for tests and generated corpora:
 * {@link org.gongkai.tools.rendering.ReportRenderer#render(org.gongkai.canonical.CanonicalReport,
 * org.gongkai.tools.rendering.Layout)}.
 */
package org.gongkai.tools.rendering;

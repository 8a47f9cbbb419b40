package org.gongkai.parsing;

import java.util.List;
import java.util.Map;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;

/** Figures stated in sentences, and the checks their own sub-counts fail. */
record ProseFigures(Map<String, Figure> figures, List<CheckResult> findings) {}

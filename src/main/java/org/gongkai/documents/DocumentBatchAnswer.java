package org.gongkai.documents;

import java.util.List;

/** The answer to {@code POST /api/documents/batch}: one outcome per line of the request, in its order. */
public record DocumentBatchAnswer(List<DocumentBatchOutcome> documents) {}

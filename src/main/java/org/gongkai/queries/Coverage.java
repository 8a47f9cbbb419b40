package org.gongkai.queries;

/** How many latest report revisions, and of how many agencies, stand behind a result. */
public record Coverage(long reports, long agencies) {}

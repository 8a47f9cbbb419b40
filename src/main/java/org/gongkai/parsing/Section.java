package org.gongkai.parsing;

/** Where the reader is in a report: before the tables, in the table of section 二, 三 or 四, or past them. */
enum Section {
    NONE,
    OVERVIEW,
    PROACTIVE,
    REQUESTS,
    APPEALS,
    AFTER
}

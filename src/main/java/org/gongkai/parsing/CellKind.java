package org.gongkai.parsing;

/** What a table cell holds: words, a value (a number or a mark for "nothing"), or nothing at all. */
enum CellKind {
    LABEL,
    VALUE,
    BLANK
}

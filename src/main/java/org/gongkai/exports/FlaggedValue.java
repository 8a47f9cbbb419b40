package org.gongkai.exports;

/**
 * A cell value with a finding attached, e.g. "2 of 3 reports behind this cell fail cross-checks (勾稽关系)": XLSX
 * colours the cell and attaches the finding as a comment; CSV writes the value alone (the comparison export carries
 * the same finding in its own columns).
 */
public record FlaggedValue(Object value, String finding) {}

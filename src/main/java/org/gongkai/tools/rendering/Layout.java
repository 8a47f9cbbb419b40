package org.gongkai.tools.rendering;

/** How a rendered report lays out its tables, after the layouts real reports come in. */
public enum Layout {
    /** HTML tables with rowspan and colspan like the official forms. */
    HTML_TABLE,
    /** Every table cell on a line of its own, long labels broken across lines, as in PDFs turned to text. */
    CELL_PER_LINE,
    /** One table row per line, cells separated by tabs. */
    TAB_SEPARATED,
    /** No tables: the figures a narrative report states, in sentences. */
    PROSE
}

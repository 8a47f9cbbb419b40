package org.gongkai.parsing.pdf;

import java.util.List;

/** What one PDF page prints: its characters and its ruling lines (1-based page number). */
record PageContent(int number, float width, float height, List<Glyph> glyphs, List<Ruling> rulings) {}

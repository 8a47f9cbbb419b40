package org.gongkai.parsing.pdf;

/**
 * One character as printed, in page coordinates with the origin at the top left (y grows downwards).
 *
 * @param x left edge
 * @param top top edge
 * @param width advance width
 * @param height glyph height
 * @param size font size in points (tells a title from body text)
 */
record Glyph(String text, float x, float top, float width, float height, float size) {

    float right() {
        return x + width;
    }

    float bottom() {
        return top + height;
    }

    float centerX() {
        return x + width / 2;
    }

    float centerY() {
        return top + height / 2;
    }
}

package org.gongkai.parsing.pdf;

/**
 * A horizontal or vertical line drawn on a page (a table border), top-left origin. Thin filled rectangles, the
 * way Word and WPS draw borders, count as lines too.
 */
record Ruling(float x1, float y1, float x2, float y2) {

    /** Lines thinner than this (points) are borders; thicker rectangles are shading. */
    static final float MAX_THICKNESS = 2.5f;

    Ruling {
        if (x2 < x1) {
            float t = x1;
            x1 = x2;
            x2 = t;
        }
        if (y2 < y1) {
            float t = y1;
            y1 = y2;
            y2 = t;
        }
    }

    boolean horizontal() {
        return y2 - y1 <= MAX_THICKNESS && x2 - x1 > y2 - y1;
    }

    boolean vertical() {
        return x2 - x1 <= MAX_THICKNESS && y2 - y1 > x2 - x1;
    }

    /** The y of a horizontal line, the x of a vertical one. */
    float position() {
        return horizontal() ? (y1 + y2) / 2 : (x1 + x2) / 2;
    }

    float length() {
        return Math.max(x2 - x1, y2 - y1);
    }
}

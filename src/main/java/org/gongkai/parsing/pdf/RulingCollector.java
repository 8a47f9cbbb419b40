package org.gongkai.parsing.pdf;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * Collects the straight horizontal and vertical lines a page draws, stroked or filled as thin rectangles, through
 * PDFBox's own graphics engine (which applies the transformation matrices), in top-left coordinates.
 */
final class RulingCollector extends PDFGraphicsStreamEngine {

    private final float top;
    private final float left;
    private final List<Ruling> rulings = new ArrayList<>();
    /** The current path as line segments; rectangles are kept as their four edges plus a flag. */
    private final List<float[]> segments = new ArrayList<>();

    private final List<float[]> rectangles = new ArrayList<>();
    private Point2D current;
    private Point2D subpathStart;
    private int images;

    RulingCollector(PDPage page) {
        super(page);
        PDRectangle box = page.getCropBox();
        this.top = box.getUpperRightY();
        this.left = box.getLowerLeftX();
    }

    List<Ruling> collect() throws IOException {
        processPage(getPage());
        return rulings;
    }

    /** How many images the page paints (a page of one image and no text is a scan). */
    int images() {
        return images;
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        rectangles.add(new float[] {(float) p0.getX(), (float) p0.getY(), (float) p2.getX(), (float) p2.getY()});
        segments.add(segment(p0, p1));
        segments.add(segment(p1, p2));
        segments.add(segment(p2, p3));
        segments.add(segment(p3, p0));
        current = p0;
        subpathStart = p0;
    }

    @Override
    public void moveTo(float x, float y) {
        current = new Point2D.Float(x, y);
        subpathStart = current;
    }

    @Override
    public void lineTo(float x, float y) {
        Point2D next = new Point2D.Float(x, y);
        if (current != null) segments.add(segment(current, next));
        current = next;
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        current = new Point2D.Float(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return current == null ? new Point2D.Float() : current;
    }

    @Override
    public void closePath() {
        if (current != null && subpathStart != null) segments.add(segment(current, subpathStart));
        current = subpathStart;
    }

    @Override
    public void endPath() {
        clear();
    }

    @Override
    public void strokePath() {
        for (float[] s : segments) add(s[0], s[1], s[2], s[3]);
        clear();
    }

    @Override
    public void fillPath(int windingRule) {
        // A filled thin rectangle is a border; a filled larger one is shading, not a line.
        for (float[] r : rectangles) add(r[0], r[1], r[2], r[3]);
        if (rectangles.isEmpty() && !segments.isEmpty()) {
            // A thin rectangle drawn as a polygon (m l l l h f): its bounding box.
            float x1 = Float.MAX_VALUE, y1 = Float.MAX_VALUE, x2 = -Float.MAX_VALUE, y2 = -Float.MAX_VALUE;
            for (float[] s : segments) {
                x1 = Math.min(x1, Math.min(s[0], s[2]));
                x2 = Math.max(x2, Math.max(s[0], s[2]));
                y1 = Math.min(y1, Math.min(s[1], s[3]));
                y2 = Math.max(y2, Math.max(s[1], s[3]));
            }
            add(x1, y1, x2, y2);
        }
        clear();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        strokePath();
    }

    @Override
    public void shadingFill(COSName shadingName) {}

    @Override
    public void drawImage(PDImage pdImage) {
        images++;
    }

    @Override
    public void clip(int windingRule) {}

    private void clear() {
        segments.clear();
        rectangles.clear();
    }

    private static float[] segment(Point2D a, Point2D b) {
        return new float[] {(float) a.getX(), (float) a.getY(), (float) b.getX(), (float) b.getY()};
    }

    private void add(float x1, float y1, float x2, float y2) {
        Ruling r = new Ruling(x1 - left, top - y1, x2 - left, top - y2);
        if ((r.horizontal() || r.vertical()) && r.length() >= 3) rulings.add(r);
    }
}

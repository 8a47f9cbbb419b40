package org.gongkai.parsing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Hostile files built in memory, each small and quick to make: PDF bombs (a Flate content stream inflating to a
 * gigabyte, a page tree thousands of levels deep, arrays and dictionaries nested 200,000 deep) and a zip bomb
 * disguised as a .docx (word/document.xml inflating to gigabytes from a few megabytes).
 */
public final class HostileFiles {

    private static final int CHUNK = 1 << 20;

    private HostileFiles() {}

    /** One page whose content stream is {@code inflatedMegabytes} MB of spaces, Flate-compressed (about 1000:1). */
    public static byte[] flateBombPdf(int inflatedMegabytes) {
        byte[] data = repeatedDeflate((byte) ' ', inflatedMegabytes, true);
        byte[] head = ascii("<< /Length " + data.length + " /Filter /FlateDecode >>\nstream\n");
        byte[] stream = concat(head, data, ascii("\nendstream"));
        return pdf(List.of(
                ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
                stream));
    }

    /** One page under {@code levels} /Pages nodes, each the only kid of the one above. */
    public static byte[] deepPageTreePdf(int levels) {
        List<byte[]> objects = new ArrayList<>();
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        for (int i = 0; i < levels; i++) {
            String parent = i > 0 ? " /Parent " + (i + 1) + " 0 R" : "";
            objects.add(ascii("<< /Type /Pages /Kids [" + (i + 3) + " 0 R] /Count 1" + parent + " >>"));
        }
        objects.add(ascii("<< /Type /Page /Parent " + (levels + 1) + " 0 R /MediaBox [0 0 595 842] >>"));
        return pdf(objects);
    }

    /** One page whose dictionary holds an array and a dictionary each nested {@code depth} deep. */
    public static byte[] deeplyNestedPdf(int depth) {
        String arrays = "[".repeat(depth) + "]".repeat(depth);
        String dictionaries = "<< /A ".repeat(depth) + "1" + " >>".repeat(depth);
        return pdf(List.of(
                ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /X " + arrays + " /Y " + dictionaries
                        + " >>")));
    }

    /**
     * A zip holding [Content_Types].xml and word/document.xml, the document inflating to {@code inflatedMegabytes}
     * MB of zeros (sizes and CRC declared truthfully), so that it is sniffed as a .docx.
     */
    public static byte[] zipBombDocx(int inflatedMegabytes) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        List<byte[]> central = new ArrayList<>();
        byte[] types = ascii("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
        Deflater d = new Deflater(9, true);
        d.setInput(types);
        d.finish();
        byte[] buf = new byte[4096];
        int n = d.deflate(buf);
        d.end();
        CRC32 crc = new CRC32();
        crc.update(types);
        entry(zip, central, "[Content_Types].xml", Arrays.copyOf(buf, n), crc.getValue(), types.length);
        long size = (long) inflatedMegabytes * CHUNK;
        byte[] zeros = new byte[CHUNK];
        CRC32 big = new CRC32();
        for (int i = 0; i < inflatedMegabytes; i++) big.update(zeros);
        entry(
                zip,
                central,
                "word/document.xml",
                repeatedDeflate((byte) 0, inflatedMegabytes, false),
                big.getValue(),
                size);
        int centralStart = zip.size();
        for (byte[] c : central) zip.writeBytes(c);
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
        end.putShort((short) central.size()).putShort((short) central.size());
        end.putInt(zip.size() - centralStart).putInt(centralStart).putShort((short) 0);
        zip.writeBytes(end.array());
        return zip.toByteArray();
    }

    private static void entry(
            ByteArrayOutputStream zip, List<byte[]> central, String name, byte[] data, long crc, long size) {
        if (size > 0xFFFFFFFFL) throw new IllegalArgumentException("no zip64 here: at most 4 GB");
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        int offset = zip.size();
        ByteBuffer local = le(30);
        local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8);
        local.putShort((short) 0).putShort((short) 0x21); // time, date
        local.putInt((int) crc).putInt(data.length).putInt((int) size);
        local.putShort((short) n.length).putShort((short) 0);
        zip.writeBytes(local.array());
        zip.writeBytes(n);
        zip.writeBytes(data);
        ByteBuffer c = le(46 + n.length);
        c.putInt(0x02014b50)
                .putShort((short) 20)
                .putShort((short) 20)
                .putShort((short) 0)
                .putShort((short) 8);
        c.putShort((short) 0).putShort((short) 0x21);
        c.putInt((int) crc).putInt(data.length).putInt((int) size);
        c.putShort((short) n.length)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0);
        c.putInt(0).putInt(offset).put(n);
        central.add(c.array());
    }

    /**
     * {@code megabytes} MB of one byte, deflated in a few milliseconds: one megabyte is deflated with a full flush
     * (which resets the compressor, so every megabyte deflates to the same bytes), repeated, and closed with an
     * empty final block. Raw deflate for zip entries, zlib-wrapped for PDF's FlateDecode.
     */
    private static byte[] repeatedDeflate(byte value, int megabytes, boolean zlib) {
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, value);
        Deflater d = new Deflater(9, true);
        d.setInput(chunk);
        byte[] block = drain(d, Deflater.FULL_FLUSH);
        d.finish();
        byte[] tail = drain(d, Deflater.NO_FLUSH);
        d.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream(block.length * megabytes + 16);
        if (zlib) out.writeBytes(new byte[] {0x78, (byte) 0xDA});
        for (int i = 0; i < megabytes; i++) out.writeBytes(block);
        out.writeBytes(tail);
        if (zlib) {
            java.util.zip.Adler32 adler = new java.util.zip.Adler32();
            for (int i = 0; i < megabytes; i++) adler.update(chunk);
            out.writeBytes(ByteBuffer.allocate(4).putInt((int) adler.getValue()).array());
        }
        return out.toByteArray();
    }

    private static byte[] drain(Deflater d, int flush) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (true) {
            int n = d.deflate(buf, 0, buf.length, flush);
            out.write(buf, 0, n);
            if (n < buf.length && (flush != Deflater.NO_FLUSH || d.finished())) break;
        }
        return out.toByteArray();
    }

    /** A PDF from its objects' bodies (object i + 1 is bodies[i], the catalog first), with a true xref table. */
    private static byte[] pdf(List<byte[]> bodies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.7\n"));
        long[] offsets = new long[bodies.size()];
        for (int i = 0; i < bodies.size(); i++) {
            offsets[i] = out.size();
            out.writeBytes(ascii((i + 1) + " 0 obj\n"));
            out.writeBytes(bodies.get(i));
            out.writeBytes(ascii("\nendobj\n"));
        }
        long xref = out.size();
        StringBuilder x = new StringBuilder("xref\n0 " + (bodies.size() + 1) + "\n0000000000 65535 f \n");
        for (long o : offsets) x.append(String.format("%010d 00000 n \n", o));
        x.append("trailer\n<< /Size ").append(bodies.size() + 1).append(" /Root 1 0 R >>\nstartxref\n");
        x.append(xref).append("\n%%EOF\n");
        out.writeBytes(ascii(x.toString()));
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    static {
        // Fails loudly rather than building wrong bombs if the JDK's deflater ever stops resetting on a full flush.
        try {
            java.util.zip.Inflater i = new java.util.zip.Inflater(true);
            i.setInput(repeatedDeflate((byte) 0, 2, false));
            byte[] out = new byte[2 * CHUNK + 1];
            int n = i.inflate(out);
            if (n != 2 * CHUNK || !i.finished()) throw new IllegalStateException("repeated deflate is broken: " + n);
            i.end();
        } catch (java.util.zip.DataFormatException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}

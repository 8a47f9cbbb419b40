package org.gongkai.regions;

/** The line of government an agency belongs to (教育, 公安, …), read from its name. */
public record Sector(String key, String label, String labelEn) {

    public static final Sector OTHER = new Sector("other", "其他", "Other");
}

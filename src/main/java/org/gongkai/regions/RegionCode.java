package org.gongkai.regions;

/**
 * A six-digit GB/T 2260 division code (行政区划代码) that names a region in the shipped table: the one check every
 * query parameter, query filter and submission applies to a region code.
 */
public record RegionCode(String value) {

    public RegionCode {
        String why = whyNot(value, RegionDirectory.standard());
        if (why != null) throw new IllegalArgumentException(why);
    }

    /** Why the text is no known region code, or null when it is one. */
    public static String whyNot(String code, RegionDirectory regions) {
        if (code == null || !code.matches("\\d{6}")) return "must be a 6-digit region code such as \"231000\"";
        if (regions.find(code).isEmpty()) return "no region has the code " + code;
        return null;
    }

    /** A query parameter's text as a region code (JAX-RS calls this); the exception's message says what is wrong. */
    public static RegionCode valueOf(String text) {
        return new RegionCode(text);
    }

    /** The code of an optional parameter. */
    public static String of(RegionCode code) {
        return code == null ? null : code.value();
    }
}

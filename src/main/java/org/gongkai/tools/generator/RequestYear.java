package org.gongkai.tools.generator;

/**
 * One year of sections 三 and 四 for one agency, per applicant column (index 6 is the total).
 *
 * @param outcomes per outcome leaf of {@link RequestTableKeys#OUTCOMES}, per column
 * @param handled （七）总计 per column
 * @param cases review, direct litigation and litigation after review: upheld, corrected, other, pending, total
 */
record RequestYear(
        long[] fresh, long[] carriedOver, long[][] outcomes, long[] handled, long[] carriedForward, long[][] cases) {}

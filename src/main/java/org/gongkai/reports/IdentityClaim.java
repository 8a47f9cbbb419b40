package org.gongkai.reports;

/**
 * Who wrote an unresolved report and which year it covers, as its resolver gives them ({@code PUT
 * /api/reports/{id}/identity} or hints on the same document posted again).
 *
 * @param agencyName the agency's name; may be null only where nothing named it
 * @param regionCode a GB/T 2260 code, or null to resolve the region from the name
 * @param year the year covered; null when nobody gave one
 */
public record IdentityClaim(String agencyName, String regionCode, Integer year) {}

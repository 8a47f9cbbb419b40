package org.gongkai.tools.generator;

/**
 * One reporting body: a department seated in a region of the real region tree.
 *
 * @param identity stable number of the agency (region code and department), the root of its random stream; it does
 *     not depend on which other agencies a corpus holds
 */
public record Agency(
        String name, String regionCode, String provinceCode, AgencyTier tier, Department department, long identity) {}

package org.gongkai.security;

import java.security.Principal;

/**
 * Who a bearer token says the caller is: the token's id and name, its role and its binding.
 *
 * @param regionCode a submitter's or supervisor's region (000000: the nation); null for an admin
 * @param agency a submitter bound to one agency: its canonical name; else null
 * @param ratePerMinute the token's own rate of expensive calls, or null for the configured default
 */
public record Caller(
        long tokenId, String tokenName, String role, String regionCode, String agency, Integer ratePerMinute)
        implements Principal {

    @Override
    public String getName() {
        return tokenName;
    }

    public boolean admin() {
        return Roles.ADMIN.equals(role);
    }
}

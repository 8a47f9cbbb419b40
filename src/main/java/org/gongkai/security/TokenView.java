package org.gongkai.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * A token as {@code /api/tokens} shows it.
 *
 * @param token the secret itself: only in the answer to its creation, never again (only its hash is stored)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(
        String id,
        String name,
        String role,
        String regionCode,
        String agency,
        Integer ratePerMinute,
        OffsetDateTime createdAt,
        OffsetDateTime revokedAt,
        String token) {

    TokenView withSecret(String secret) {
        return new TokenView(id, name, role, regionCode, agency, ratePerMinute, createdAt, revokedAt, secret);
    }
}

package org.gongkai.security;

/** A token to create ({@code POST /api/tokens}): a name for people, a role and the role's binding. */
public record TokenRequest(String name, String role, String regionCode, String agency, Integer ratePerMinute) {

    /** The OpenAPI example: a supervisor of one province. */
    public static final String EXAMPLE =
            "{\"name\": \"黑龙江省政务公开办\", \"role\": \"supervisor\", \"regionCode\": \"230000\"}";
}

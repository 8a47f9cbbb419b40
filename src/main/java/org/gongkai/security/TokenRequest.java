package org.gongkai.security;

/** A token to create ({@code POST /api/tokens}): a name for people, a role and the role's binding. */
public record TokenRequest(String name, String role, String regionCode, String agency, Integer ratePerMinute) {}

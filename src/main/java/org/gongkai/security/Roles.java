package org.gongkai.security;

import java.util.Set;

/** The role names, as constants for {@code @RolesAllowed} and as the values a token row may hold. */
public final class Roles {

    /** Everything, including tokens and the audit log. */
    public static final String ADMIN = "admin";
    /** Posts reports and documents for one agency or a region's agencies, and reads its own. */
    public static final String SUBMITTER = "submitter";
    /** Reads everything under one region code: queries, views, exports, schedules, reports, documents. */
    public static final String SUPERVISOR = "supervisor";
    /** Anonymous reads of aggregates, when {@code gongkai.security.public-aggregates} is on. */
    public static final String PUBLIC = "public";

    /** The roles a token can be created with ({@code public} is nobody's token). */
    public static final Set<String> OF_TOKENS = Set.of(ADMIN, SUBMITTER, SUPERVISOR);

    private Roles() {}
}

package org.gongkai.storage;

/**
 * The PostgreSQL advisory-lock keys every writer shares. Bulk batches take {@link #BULK} exclusively and single
 * submissions take it shared, before any row lock, so that the two never interleave or deadlock; a resubmitted
 * agency-year also takes a transaction lock on its (agency, year) pair.
 */
public final class AdvisoryLocks {

    /** Advisory lock key of bulk batches; single submissions take it shared. */
    public static final long BULK = 0L;

    private AdvisoryLocks() {}
}

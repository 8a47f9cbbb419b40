package org.gongkai.replicas;

import java.time.Instant;

/**
 * What the last check found of the replica: whether reads may go to it, how far it has replayed, how far the primary
 * has written, and how far behind that leaves it.
 *
 * @param state {@code none} (no replica configured), {@code up} (reads go to it), {@code down} (it did not answer),
 *     {@code lagging} (further behind than {@code gongkai.replica.max-lag}) or {@code not-standby} (it answers but is
 *     not in recovery, e.g. promoted: it no longer follows this primary)
 * @param lagSeconds time since the last replayed transaction while WAL is still to replay; 0 when caught up
 */
public record ReplicaStatus(
        String state, Lsn replayed, Lsn primary, long lagBytes, double lagSeconds, Instant checkedAt, String error) {

    static final String NONE = "none";
    static final String UP = "up";
    static final String DOWN = "down";
    static final String LAGGING = "lagging";
    static final String NOT_STANDBY = "not-standby";

    static ReplicaStatus none() {
        return new ReplicaStatus(NONE, null, null, 0, 0, null, null);
    }

    static ReplicaStatus down(String error) {
        return new ReplicaStatus(DOWN, null, null, 0, 0, Instant.now(), error);
    }

    public boolean usable() {
        return UP.equals(state);
    }
}

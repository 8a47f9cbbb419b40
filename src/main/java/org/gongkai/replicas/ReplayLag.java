package org.gongkai.replicas;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The replica's lag in time, measured rather than read from {@code pg_last_xact_replay_timestamp()} (which grows
 * while the primary is idle): the age of the oldest primary position seen at a check that the replica has not yet
 * replayed, so its resolution is the check interval. Positions are recorded while the replica is down too, so that a
 * replica that returns far behind counts as lagging until it has caught up.
 */
final class ReplayLag {

    /** About three hours of checks at one a second; beyond that the oldest positions are kept (lag over-stated). */
    private static final int MAX_POSITIONS = 10_000;

    private record Seen(Instant at, Lsn position) {}

    private final Deque<Seen> pending = new ArrayDeque<>();

    /** Records where the primary had written at {@code at}. */
    synchronized void primaryAt(Instant at, Lsn position) {
        if (!pending.isEmpty() && pending.peekLast().position().equals(position)) return;
        if (pending.size() == MAX_POSITIONS) pending.pollLast();
        pending.addLast(new Seen(at, position));
    }

    /** Seconds since the oldest recorded primary position that {@code replayed} has not reached; 0 when caught up. */
    synchronized double behind(Instant now, Lsn replayed) {
        while (!pending.isEmpty() && replayed.reached(pending.peekFirst().position())) pending.pollFirst();
        return pending.isEmpty()
                ? 0
                : Duration.between(pending.peekFirst().at(), now).toMillis() / 1000.0;
    }
}

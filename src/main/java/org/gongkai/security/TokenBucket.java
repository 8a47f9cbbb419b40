package org.gongkai.security;

/**
 * A token bucket: {@code capacity} calls at once, refilled evenly at {@code capacity} a minute. Hand-written because it
 * is twenty lines, one bucket per token in memory, and a library (Bucket4j) would bring distributed backends Gongkai
 * does not use.
 */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    TokenBucket(int perMinute, long now) {
        this.capacity = perMinute;
        this.perNano = perMinute / 60e9;
        this.tokens = perMinute;
        this.last = now;
    }

    /** Takes one call; 0 when allowed, else the seconds to wait until one is available again (at least 1). */
    synchronized long take(long now) {
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
    }

    synchronized boolean full(long now) {
        return tokens + (now - last) * perNano >= capacity;
    }
}

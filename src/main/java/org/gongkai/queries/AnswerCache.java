package org.gongkai.queries;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.arc.Arc;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.replicas.ReadConnections;

/**
 * The one cache of answers — queries, views and exports alike — keyed by the question and the data version
 * ({@code data_version}, V14), which every write raises in its own transaction: an answer is served again only while
 * nothing it could read has changed, whichever service instance wrote. Bounded by an estimate of its bytes (Caffeine).
 */
@ApplicationScoped
public class AnswerCache {

    /** What is cached: the kind of answer, the question (a record with value equality), the version it was read at. */
    private record Key(String kind, Object question, long version) {}

    /** A cached answer with its estimated size. */
    private record Entry(Object answer, long bytes) {}

    /** An answer and whether it came from the cache. */
    public record Lookup<T>(T answer, boolean hit) {}

    /** Computes an answer on the connection whose version keyed it; its size is estimated by {@link Sized}. */
    @FunctionalInterface
    public interface Loader<T> {
        Sized<T> load(Connection c) throws SQLException;
    }

    /** An answer and its size in bytes (estimated); a negative size: not to be kept. */
    public record Sized<T>(T answer, long bytes) {
        public static <T> Sized<T> uncached(T answer) {
            return new Sized<>(answer, -1);
        }
    }

    @Inject
    ReadConnections dataSource;

    @Inject
    GongkaiConfig config;

    @Inject
    MeterRegistry registry;

    private Cache<Key, Entry> cache;

    /** The highest version seen: answers of older versions can never be asked for again, so they go at once. */
    private final AtomicLong newest = new AtomicLong(-1);

    @PostConstruct
    void build() {
        cache = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, config.answerCache().maxBytes()))
                .weigher((Key k, Entry e) -> (int) Math.min(Integer.MAX_VALUE, e.bytes()))
                .recordStats()
                .build();
        // cache_gets_total{cache="answers",result="hit|miss"}, cache_size, cache_evictions_total on /q/metrics
        CaffeineCacheMetrics.monitor(registry, cache, "answers");
    }

    /** The most rows an answer may have to be kept. */
    public int maxRows() {
        return config.answerCache().maxRows();
    }

    /**
     * The answer to {@code question} of this {@code kind}: from the cache when one was computed at the current data
     * version, else computed by {@code loader} on a connection of its own (one snapshot) and kept.
     */
    @SuppressWarnings("unchecked")
    public <T> Lookup<T> get(String kind, Object question, Loader<T> loader) {
        try (Connection c = dataSource.getConnection()) {
            if (config.answerCache().enabled() && !freshAsked() && c.getAutoCommit()) {
                // a hit needs the version alone: one statement, no transaction (an answer kept under this version
                // saw exactly what any snapshot of this version sees); a miss reads it again in its own snapshot
                Entry hit = cache.getIfPresent(new Key(kind, question, version(c)));
                if (hit != null) {
                    note(true);
                    return new Lookup<>((T) hit.answer(), true);
                }
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                // one snapshot for the version and the answer: what is kept under a version is exactly what it saw
                // (SET TRANSACTION: for this transaction only, nothing to restore on the pooled connection)
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("set transaction isolation level repeatable read");
                }
                Lookup<T> answer = get(c, kind, question, loader);
                c.commit();
                return answer;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot answer " + kind + ": " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #get(String, Object, Loader)}, on the caller's connection, which must be in a transaction of its own
     * (the version is read first, so that what is kept under it saw every write it counts).
     */
    @SuppressWarnings("unchecked")
    public <T> Lookup<T> get(Connection c, String kind, Object question, Loader<T> loader) throws SQLException {
        if (!config.answerCache().enabled()) {
            note(false);
            return new Lookup<>(loader.load(c).answer(), false);
        }
        Key key = new Key(kind, question, version(c));
        // no-cache asks for the answer computed now; a part of it kept at the same data version (the coverage count)
        // is exactly as fresh, and is reused
        Entry hit = freshAsked() && !kind.equals(QueryEngine.COVERAGE) ? null : cache.getIfPresent(key);
        if (hit != null) {
            note(true);
            return new Lookup<>((T) hit.answer(), true);
        }
        Sized<T> computed = loader.load(c);
        if (computed.bytes() >= 0) cache.put(key, new Entry(computed.answer(), computed.bytes()));
        note(false);
        return new Lookup<>(computed.answer(), false);
    }

    /** The data version as the connection's snapshot sees it; forgets every answer of an older one. */
    public long version(Connection c) throws SQLException {
        long version;
        try (PreparedStatement s = c.prepareStatement("select coalesce(sum(changes), 0) from data_version");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            version = rs.getLong(1);
        }
        long before = newest.getAndAccumulate(version, Math::max);
        if (version > before && before >= 0) cache.invalidateAll();
        return version;
    }

    /** Records the outcome for the request's {@code Gongkai-Cache} header, when there is a request. */
    private static void note(boolean hit) {
        if (inRequest()) Arc.container().instance(CacheVerdict.class).get().record(hit);
    }

    /** Did the request ask for answers computed now ({@code Cache-Control: no-cache})? */
    private static boolean freshAsked() {
        return inRequest() && Arc.container().instance(CacheVerdict.class).get().fresh();
    }

    private static boolean inRequest() {
        return Arc.container() != null && Arc.container().requestContext().isActive();
    }
}

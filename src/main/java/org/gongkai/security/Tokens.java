package org.gongkai.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;
import org.gongkai.regions.RegionDirectory;

/**
 * Creates, finds and revokes bearer tokens. A token is 32 random bytes; only its SHA-256 is stored. Found tokens are
 * cached for a few seconds to spare a database probe per request; a revoke through this class drops the cached entry
 * at once, so a revoked token stops working with the next request; one revoked through another instance (or by SQL)
 * is dropped within {@link #dropRevokedElsewhere}'s two seconds, since {@code revoked_at} is read back from the table.
 */
@ApplicationScoped
public class Tokens {

    /** The nation: a binding that holds every region. */
    public static final String NATION = "000000";

    /** How long a found token is trusted without asking the database again (revokes made by SQL by hand). */
    private static final long CACHE_MILLIS = 10_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Cached(Caller caller, long until) {}

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    RegionDirectory regions;

    /** The caller a presented token stands for; empty for an unknown or revoked token. */
    public Optional<Caller> find(String token) {
        String hash = sha256(token);
        Cached hit = cache.get(hash);
        long now = System.currentTimeMillis();
        if (hit != null && hit.until() > now) return Optional.of(hit.caller());
        Optional<Caller> found = lookUp(hash);
        found.ifPresentOrElse(c -> cache.put(hash, new Cached(c, now + CACHE_MILLIS)), () -> cache.remove(hash));
        return found;
    }

    @Transactional
    Optional<Caller> lookUp(String hash) {
        return ApiToken.<ApiToken>find("tokenSha256 = ?1 and revokedAt is null", hash)
                .firstResultOptional()
                .map(ApiToken::caller);
    }

    /** Creates a token; the answer holds the secret, which is never shown again. */
    @Transactional
    public TokenView create(TokenRequest request) {
        check(request);
        String secret = newSecret();
        ApiToken t = new ApiToken();
        t.name = request.name().strip();
        t.role = request.role();
        t.regionCode = request.regionCode();
        t.agency = request.agency() == null || request.agency().isBlank()
                ? null
                : request.agency().strip();
        t.ratePerMinute = request.ratePerMinute();
        t.tokenSha256 = sha256(secret);
        t.createdAt = OffsetDateTime.now();
        t.persist();
        return t.view().withSecret(secret);
    }

    /** Stores a given secret as an admin token unless it is stored already (GONGKAI_ADMIN_TOKEN). */
    @Transactional
    public void ensureAdmin(String name, String secret) {
        String hash = sha256(secret);
        if (ApiToken.count("tokenSha256", hash) > 0) return;
        ApiToken t = new ApiToken();
        t.name = name;
        t.role = Roles.ADMIN;
        t.tokenSha256 = hash;
        t.createdAt = OffsetDateTime.now();
        t.persist();
    }

    /** Is there an admin token that still works. */
    @Transactional
    public boolean anyAdmin() {
        return ApiToken.count("role = ?1 and revokedAt is null", Roles.ADMIN) > 0;
    }

    @Transactional
    public List<TokenView> list() {
        return ApiToken.<ApiToken>listAll(io.quarkus.panache.common.Sort.by("id")).stream()
                .map(ApiToken::view)
                .toList();
    }

    /** Revokes a token (again: no change); false when no token has the id. */
    @Transactional
    public boolean revoke(long id) {
        ApiToken t = ApiToken.findById(id);
        if (t == null) return false;
        if (t.revokedAt == null) t.revokedAt = OffsetDateTime.now();
        cache.remove(t.tokenSha256);
        return true;
    }

    /**
     * Drops the cached entries of tokens revoked lately, wherever they were revoked: several instances share the token
     * table, and its {@code revoked_at} column is the version this cache is checked against. Lately means within
     * minutes, far beyond the ten seconds an entry lives, so that no instance's clock skew hides a revocation.
     */
    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dropRevokedElsewhere() {
        if (cache.isEmpty()) return;
        try {
            List<String> revoked = QuarkusTransaction.requiringNew()
                    .call(() -> ApiToken.<ApiToken>list(
                                    "revokedAt > ?1", OffsetDateTime.now().minusMinutes(5))
                            .stream()
                            .map(t -> t.tokenSha256)
                            .toList());
            revoked.forEach(cache::remove);
        } catch (RuntimeException e) {
            // the database is away: entries still expire after ten seconds
        }
    }

    private void check(TokenRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.name() == null || r.name().isBlank()) errors.add(new FieldError("/name", "required"));
        else if (r.name().length() > 200) errors.add(new FieldError("/name", "at most 200 characters"));
        if (r.role() == null || !Roles.OF_TOKENS.contains(r.role())) {
            errors.add(new FieldError("/role", "must be admin, submitter or supervisor"));
        } else if (!Roles.ADMIN.equals(r.role())) {
            if (r.regionCode() == null) {
                errors.add(new FieldError("/regionCode", "required: the region a " + r.role() + " is bound to"));
            } else if (!r.regionCode().matches("\\d{6}")) {
                errors.add(new FieldError("/regionCode", "must be a 6-digit region code"));
            } else if (!NATION.equals(r.regionCode())
                    && regions.find(r.regionCode()).isEmpty()) {
                errors.add(new FieldError("/regionCode", "no region has the code " + r.regionCode()));
            }
        } else if (r.regionCode() != null) {
            errors.add(new FieldError("/regionCode", "an admin is bound to no region"));
        }
        if (r.agency() != null && !r.agency().isBlank() && !Roles.SUBMITTER.equals(r.role())) {
            errors.add(new FieldError("/agency", "only a submitter is bound to an agency"));
        }
        if (r.ratePerMinute() != null && r.ratePerMinute() < 1) {
            errors.add(new FieldError("/ratePerMinute", "must be at least 1"));
        }
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
    }

    /** "gk_" and 32 random bytes, base64url: 256 bits, so that the stored SHA-256 cannot be searched back. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "gk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

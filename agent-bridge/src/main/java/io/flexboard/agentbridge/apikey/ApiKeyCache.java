package io.flexboard.agentbridge.apikey;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flexboard.agentbridge.config.AgentBridgeSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds the tenant of a presented API key through {@code readmodel.api_keys} (hashes only, never keys).
 *
 * <p>Known keys are remembered for {@code flexboard.api-keys.cache-ttl}, so 10,000 long-polling agents
 * do not read api_keys on every sync. A revoked key is forgotten as soon as the projector's revocation
 * notification arrives ({@link ApiKeyRevocations}), and remembered as revoked for that long, so a read
 * that started before the revocation cannot put it back; a replica that may have missed notifications
 * forgets every key ({@link #forgetAll()}); the TTL bounds what is left. Unknown keys are remembered as misses for
 * {@code flexboard.api-keys.miss-ttl} (2 s by default), so a flood of wrong keys costs no database reads;
 * a key issued within that time before its first use works on a retry after it. Concurrent lookups of one
 * key share one read, so a fleet reconnecting to a freshly started replica (empty cache) costs one query
 * per key, not one per agent.
 */
@Component
public class ApiKeyCache {

    private final DatabaseClient db;
    private final AsyncCache<String, UUID> tenantsByKeyHash;
    private final Cache<String, Boolean> misses;
    private final Cache<String, Boolean> revoked;

    public ApiKeyCache(DatabaseClient db, AgentBridgeSettings properties) {
        this.db = db;
        this.tenantsByKeyHash = Caffeine.newBuilder()
                .expireAfterWrite(properties.apiKeys().cacheTtl())
                .maximumSize(100_000)
                .buildAsync();
        // Bounded too: a flood of random keys must not grow the heap without limit.
        this.misses = Caffeine.newBuilder()
                .expireAfterWrite(properties.apiKeys().missTtl())
                .maximumSize(100_000)
                .build();
        // Past the cache TTL every read of the key's row finds it revoked, so the mark is no longer needed.
        this.revoked = Caffeine.newBuilder()
                .expireAfterWrite(properties.apiKeys().cacheTtl().plusSeconds(60))
                .maximumSize(100_000)
                .build();
    }

    /** The tenant of the key with this hash, or empty for an unknown key; one read on the unique key_hash index. */
    public Mono<UUID> tenantOf(String keyHash) {
        if (misses.getIfPresent(keyHash) != null || isRevoked(keyHash)) {
            return Mono.empty();
        }
        // A load that completes empty (null) leaves no entry in the tenants cache; the miss is remembered apart.
        return Mono.fromFuture(() -> tenantsByKeyHash.get(keyHash, (hash, executor) -> read(hash).toFuture()), true)
                // A revocation announced while the read was under way wins over what the read found.
                .filter(tenant -> !isRevoked(keyHash))
                .switchIfEmpty(Mono.fromRunnable(() -> misses.put(keyHash, Boolean.TRUE)));
    }

    /** The projector announced the key's revocation: refuse it from now on, without asking the database. */
    public void revoked(String keyHash) {
        revoked.put(keyHash, Boolean.TRUE);
        tenantsByKeyHash.synchronous().invalidate(keyHash);
    }

    /** Whether this replica heard the key was revoked (within the cache TTL). */
    public boolean isRevoked(String keyHash) {
        return revoked.getIfPresent(keyHash) != null;
    }

    /** Revocations may have been announced while nobody listened: every key is read again on its next use. */
    public void forgetAll() {
        tenantsByKeyHash.synchronous().invalidateAll();
    }

    private Mono<UUID> read(String keyHash) {
        // A revoked key is as unknown as a made-up one: 401, and a remembered miss.
        return db.sql("select tenant_id from api_keys where key_hash = $1 and revoked_at is null")
                .bind(0, keyHash)
                .map(row -> row.get(0, UUID.class))
                .one();
    }

    /** Lower-case hex SHA-256 of the whole key string, as command-api stores it. */
    public static String hash(String presentedKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(presentedKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

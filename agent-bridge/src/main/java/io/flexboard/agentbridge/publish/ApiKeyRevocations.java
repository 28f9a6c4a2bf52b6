package io.flexboard.agentbridge.publish;

import io.flexboard.agentbridge.apikey.ApiKeyCache;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Acts on the projector's revocation notifications ({@code <tenant id>:<key hash>} on {@link #CHANNEL},
 * heard on the publishes' LISTEN connection): the key is refused from then on and the syncs parked
 * with it are answered 401 at once, on every replica, within a notification's delay.
 */
@Component
public class ApiKeyRevocations {

    /** The projector's channel (ApiKeyRevocationNotification): renaming it leaves revoked keys working until the cache TTL. */
    public static final String CHANNEL = "flexboard_api_key_revoked";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyRevocations.class);
    private static final Pattern KEY_HASH = Pattern.compile("[0-9a-f]{64}");

    private final ApiKeyCache apiKeys;
    private final Waiters waiters;
    private final DatabaseClient db;

    public ApiKeyRevocations(ApiKeyCache apiKeys, Waiters waiters, DatabaseClient db) {
        this.apiKeys = apiKeys;
        this.waiters = waiters;
        this.db = db;
    }

    /** One notification's payload; anything but {@code <tenant uuid>:<64 hex digits>} is logged and ignored. */
    public void notified(String payload) {
        int colon = payload == null ? -1 : payload.indexOf(':');
        String keyHash = colon < 0 ? "" : payload.substring(colon + 1);
        UUID tenant;
        try {
            tenant = UUID.fromString(colon < 0 ? String.valueOf(payload) : payload.substring(0, colon));
        } catch (IllegalArgumentException e) {
            tenant = null;
        }
        if (tenant == null || !KEY_HASH.matcher(keyHash).matches()) {
            log.warn("Ignoring a notification on {} that is not <tenant id>:<key hash>: '{}'", CHANNEL, payload);
            return;
        }
        revoke(tenant, keyHash);
    }

    /**
     * After (re)connecting: revocations announced while nobody listened were missed. Every cached key
     * is read again on its next use, and the keys of parked syncs are checked now, in one read.
     */
    public void repair() {
        apiKeys.forgetAll();
        Map<String, UUID> parked = waiters.parkedKeys();
        if (parked.isEmpty()) {
            return;
        }
        db.sql("select key_hash from api_keys where key_hash = any($1) and revoked_at is not null")
                .bind(0, parked.keySet().toArray(String[]::new))
                .map(row -> row.get(0, String.class))
                .all()
                .subscribe(keyHash -> revoke(parked.get(keyHash), keyHash),
                        failure -> log.warn("Could not re-check the keys of parked syncs; a revoked one is refused on its next sync",
                                failure));
    }

    private void revoke(UUID tenant, String keyHash) {
        apiKeys.revoked(keyHash);
        int refused = waiters.refuse(tenant, keyHash);
        log.info("API key {}… of tenant {} was revoked: refused from now on, {} parked syncs answered 401",
                keyHash.substring(0, 12), tenant, refused);
    }
}

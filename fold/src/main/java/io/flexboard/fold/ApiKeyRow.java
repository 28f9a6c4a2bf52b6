package io.flexboard.fold;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code api_keys}: the key's hash and prefix only, the plain key is never in an event.
 * {@code createdBy} is the actor of the issuing event; {@code revokedAt} is null while the key works.
 */
public record ApiKeyRow(UUID keyId, UUID tenantId, String keyHash, String keyPrefix, Instant createdAt, String name,
                        String createdBy, Instant revokedAt) {

    /** The name a key issued before keys had names is shown with: it was the tenant's first and only key. */
    public static final String DEFAULT_NAME = "default";

    ApiKeyRow revoked(Instant at) {
        return new ApiKeyRow(keyId, tenantId, keyHash, keyPrefix, createdAt, name, createdBy, at);
    }
}

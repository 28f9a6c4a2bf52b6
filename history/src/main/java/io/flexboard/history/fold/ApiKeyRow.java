package io.flexboard.history.fold;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code api_keys}: the key's hash and prefix only, the plain key is never in an event. */
public record ApiKeyRow(UUID keyId, UUID tenantId, String keyHash, String keyPrefix, Instant createdAt) {
}

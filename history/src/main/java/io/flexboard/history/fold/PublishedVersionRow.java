package io.flexboard.history.fold;

import java.time.Instant;
import java.util.UUID;

/** The row of {@code published_versions} of a tenant: its one published version and the agents' sync answer. */
public record PublishedVersionRow(UUID tenantId, UUID versionId, int version, Instant publishedAt, JsonDocument publishedConfiguration) {
}

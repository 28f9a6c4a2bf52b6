package io.flexboard.fold;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code versions}: a numbered snapshot with its status ({@link #DRAFT} → {@link #PUBLISHED}
 * → {@link #ARCHIVED}) and lineage; {@code metadata} has the shape docs/contracts.md fixes.
 */
public record VersionRow(
        UUID id,
        UUID tenantId,
        int version,
        String status,
        String message,
        String createdBy,
        Instant createdAt,
        Instant publishedAt,
        JsonDocument metadata,
        Integer parentVersion,
        UUID restoredFromVersionId,
        Integer restoredFromVersion) {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    public static final String ARCHIVED = "archived";

    VersionRow published(Instant at) {
        return new VersionRow(id, tenantId, version, PUBLISHED, message, createdBy, createdAt, at, metadata,
                parentVersion, restoredFromVersionId, restoredFromVersion);
    }

    /** Archived; {@code published_at} stays, it says when the version was live. */
    VersionRow archived() {
        return new VersionRow(id, tenantId, version, ARCHIVED, message, createdBy, createdAt, publishedAt, metadata,
                parentVersion, restoredFromVersionId, restoredFromVersion);
    }
}

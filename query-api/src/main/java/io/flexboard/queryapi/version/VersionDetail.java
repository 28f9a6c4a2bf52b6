package io.flexboard.queryapi.version;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One version with its metadata snapshot; the jsonb is passed through unparsed. */
record VersionDetail(
        UUID id,
        int version,
        String status,
        String message,
        Instant createdAt,
        Instant publishedAt,
        String createdBy,
        Integer parentVersion,
        RestoredFrom restoredFrom,
        @Schema(implementation = Map.class, description = "The version's snapshot: dashboards, widgets and config, as agents get it") @JsonRawValue String metadata) {

    static VersionDetail of(VersionSummary summary, String metadata) {
        return new VersionDetail(summary.id(), summary.version(), summary.status(), summary.message(),
                summary.createdAt(), summary.publishedAt(), summary.createdBy(), summary.parentVersion(),
                summary.restoredFrom(), metadata);
    }
}

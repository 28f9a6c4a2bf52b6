package io.flexboard.queryapi.apikey;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** One API key of a tenant as the builder lists it (GET /api/tenants/{tenantId}/api-keys): never the key, nor its hash. */
record ApiKeyView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "'default' for the key issued with the tenant") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The key's first characters, to recognise it") String prefix,
        @Schema(nullable = true, description = "Who issued it; null for a key projected before issuers were kept, until a rebuild")
        String createdBy,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
        @Schema(nullable = true, description = "When it last authenticated a sync, to within about a minute; null if never")
        Instant lastUsedAt,
        @Schema(nullable = true, description = "When it was revoked; null while it works") Instant revokedAt) {
}

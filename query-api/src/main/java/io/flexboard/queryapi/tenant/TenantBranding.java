package io.flexboard.queryapi.tenant;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.UUID;

/** A tenant's current (unpublished) branding; the jsonb is passed through unparsed. */
record TenantBranding(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID tenantId,
        @Schema(implementation = Map.class, nullable = true,
                description = "{logo: {media_type, data_base64} | null, colors: {primary, secondary, accent, background, text},"
                        + " font, custom_css}, as agents get it once a version holding it is published; null when the"
                        + " tenant has none")
        @JsonRawValue String branding) {
}

package io.flexboard.commandapi.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Set the tenant's white-label branding as a whole, as the builder sent it (nulls are fields it left
 * out); the aggregate checks and sanitises it. {@code logo} null means no logo, {@code customCss}
 * null or blank no custom CSS.
 */
public record SetTenantBrandingCommand(
        @TargetAggregateIdentifier String tenantId,
        @TargetAggregateVersion Long expectedVersion,
        Logo logo,
        Colors colors,
        String font,
        String customCss) {

    /** A logo image: {@code mediaType} image/png or image/svg+xml, the image in base64. */
    public record Logo(String mediaType, String dataBase64) {
    }

    /** The five brand colours, each {@code #rrggbb}. */
    public record Colors(String primary, String secondary, String accent, String background, String text) {
    }
}

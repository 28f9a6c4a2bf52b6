package io.flexboard.commandapi.branding;

import java.util.LinkedHashMap;
import java.util.Map;

import io.flexboard.commandapi.api.ClearTenantBrandingCommand;
import io.flexboard.commandapi.api.SetTenantBrandingCommand;
import io.flexboard.commandapi.openapi.IfMatch;
import io.flexboard.commandapi.web.CommandDispatcher;
import io.flexboard.schemas.Branding;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Branding commands: set a tenant's white-label branding as a whole, or remove it. */
@RestController
class BrandingController {

    private final CommandDispatcher commands;

    BrandingController(CommandDispatcher commands) {
        this.commands = commands;
    }

    record LogoRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"image/png", "image/svg+xml"})
                       String mediaType,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "byte",
                               description = "At most 64 KiB decoded; a PNG must start with PNG's signature, an SVG is sanitised")
                       String dataBase64) {
    }

    record ColorsRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^#[0-9a-fA-F]{6}$") String primary,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^#[0-9a-fA-F]{6}$") String secondary,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^#[0-9a-fA-F]{6}$") String accent,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^#[0-9a-fA-F]{6}$") String background,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^#[0-9a-fA-F]{6}$") String text) {
    }

    record BrandingRequest(@Schema(nullable = true, description = "null: no logo") LogoRequest logo,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ColorsRequest colors,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"system-ui", "Inter",
                                   "Roboto", "Open Sans", "Lato", "Source Sans 3", "Noto Sans Thai", "IBM Plex Sans"}) String font,
                           @Schema(nullable = true, maxLength = CustomCss.MAX_BYTES,
                                   description = "No @import, @charset, @namespace, url() other than data:image/png or "
                                           + "data:image/svg+xml, expression(), javascript:, behavior, -moz-binding, '<', "
                                           + "escapes outside strings; braces, strings and comments balanced") String customCss) {
    }

    /** The stored branding: the shape agents receive as {@code metadata.branding}. */
    record BrandingAnswer(@Schema(nullable = true) LogoRequest logo,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ColorsRequest colors,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String font,
                          @Schema(nullable = true) String customCss) {
    }

    @Operation(summary = "Set the tenant's branding (logo, colours, font, custom CSS); part of the next draft version")
    @IfMatch
    @ApiResponse(responseCode = "200", description = "Stored; the branding as sanitised (an SVG logo rebuilt from an allowlist)",
            content = @Content(schema = @Schema(implementation = BrandingAnswer.class)))
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @ApiResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @PutMapping("/api/tenants/{tenantId}/branding")
    Mono<ResponseEntity<Map<String, Object>>> set(@PathVariable String tenantId, @RequestBody BrandingRequest request,
                                                  ServerWebExchange exchange) {
        String tenant = CommandDispatcher.uuid(tenantId, "tenantId");
        LogoRequest logo = request.logo();
        ColorsRequest colors = request.colors();
        SetTenantBrandingCommand command = new SetTenantBrandingCommand(tenant, CommandDispatcher.expectedVersion(exchange),
                logo == null ? null : new SetTenantBrandingCommand.Logo(logo.mediaType(), logo.dataBase64()),
                colors == null ? null : new SetTenantBrandingCommand.Colors(colors.primary(), colors.secondary(),
                        colors.accent(), colors.background(), colors.text()),
                request.font(), request.customCss());
        return commands.send(exchange, tenant, command, HttpStatus.OK, stored -> body((Branding) stored));
    }

    @Operation(summary = "Remove the tenant's branding; the next draft version has none")
    @IfMatch
    @ApiResponse(responseCode = "204", description = "Removed (or there was none)")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @DeleteMapping("/api/tenants/{tenantId}/branding")
    Mono<ResponseEntity<Void>> clear(@PathVariable String tenantId, ServerWebExchange exchange) {
        String tenant = CommandDispatcher.uuid(tenantId, "tenantId");
        return commands.send(exchange, tenant, new ClearTenantBrandingCommand(tenant, CommandDispatcher.expectedVersion(exchange)),
                HttpStatus.NO_CONTENT, nothing -> null);
    }

    /** The same JSON as {@code metadata.branding} (docs/contracts.md), so the builder shows what agents get. */
    private static Map<String, Object> body(Branding branding) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (branding.getLogo() == null) {
            body.put("logo", null);
        } else {
            Map<String, Object> logo = new LinkedHashMap<>();
            logo.put("media_type", branding.getLogo().getMediaType());
            logo.put("data_base64", branding.getLogo().getDataBase64());
            body.put("logo", logo);
        }
        Map<String, Object> colors = new LinkedHashMap<>();
        colors.put("primary", branding.getColors().getPrimary());
        colors.put("secondary", branding.getColors().getSecondary());
        colors.put("accent", branding.getColors().getAccent());
        colors.put("background", branding.getColors().getBackground());
        colors.put("text", branding.getColors().getText());
        body.put("colors", colors);
        body.put("font", branding.getFont());
        body.put("custom_css", branding.getCustomCss());
        return body;
    }
}

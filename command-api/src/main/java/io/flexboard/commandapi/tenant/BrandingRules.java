package io.flexboard.commandapi.tenant;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.flexboard.commandapi.api.SetTenantBrandingCommand;
import io.flexboard.commandapi.branding.CustomCss;
import io.flexboard.commandapi.branding.SvgSanitizer;
import io.flexboard.commandapi.branding.UnsafeImageException;
import io.flexboard.schemas.Branding;
import io.flexboard.schemas.BrandingColors;
import io.flexboard.schemas.BrandingLogo;

/**
 * The branding a tenant may set (docs/command-api.md, "Branding"): what is stored is what the viewer
 * applies, so the logo is an image of the two allowed kinds (an SVG rebuilt from an allowlist), the
 * colours exact hex, the font one the viewer has locally, the CSS free of anything that loads or runs.
 */
final class BrandingRules {

    static final String PNG = "image/png";
    static final String SVG = "image/svg+xml";
    /** 64 KiB decoded: the logo travels in every draft and every sync. */
    static final int MAX_LOGO_BYTES = 64 * 1024;
    /** The fonts the viewer maps to local font stacks (no web font is ever downloaded). */
    static final List<String> FONTS = List.of("system-ui", "Inter", "Roboto", "Open Sans", "Lato", "Source Sans 3",
            "Noto Sans Thai", "IBM Plex Sans");
    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Base64 of a logo at the size limit, so a far larger upload is refused before it is decoded. */
    private static final int MAX_LOGO_BASE64_CHARS = (MAX_LOGO_BYTES + 2) / 3 * 4;

    private BrandingRules() {
    }

    /** The branding to store: checked, the SVG sanitised, colours in lower case, blank CSS as none. */
    static Branding check(SetTenantBrandingCommand command) {
        Violations violations = new Violations();
        BrandingLogo logo = command.logo() == null ? null : logo(command.logo(), violations);
        SetTenantBrandingCommand.Colors colors = command.colors();
        BrandingColors checkedColors = null;
        if (colors == null) {
            violations.check(false, "colors", "is required (primary, secondary, accent, background, text)");
        } else {
            checkedColors = new BrandingColors(color(colors.primary(), "colors.primary", violations),
                    color(colors.secondary(), "colors.secondary", violations),
                    color(colors.accent(), "colors.accent", violations),
                    color(colors.background(), "colors.background", violations),
                    color(colors.text(), "colors.text", violations));
        }
        violations.check(command.font() != null && FONTS.contains(command.font()), "font",
                "must be one of " + String.join(", ", FONTS));
        String css = command.customCss() == null || command.customCss().isBlank() ? null : command.customCss();
        if (css != null) {
            CustomCss.problem(css).ifPresent(reason -> violations.check(false, "custom_css", reason));
        }
        violations.throwIfAny();
        return new Branding(logo, checkedColors, command.font(), css);
    }

    private static String color(String value, String field, Violations violations) {
        boolean valid = value != null && COLOR.matcher(value).matches();
        violations.check(valid, field, "must be a colour as #rrggbb");
        return valid ? value.toLowerCase(Locale.ROOT) : null;
    }

    private static BrandingLogo logo(SetTenantBrandingCommand.Logo logo, Violations violations) {
        String type = logo.mediaType();
        if (!PNG.equals(type) && !SVG.equals(type)) {
            violations.check(false, "logo.media_type", "must be " + PNG + " or " + SVG);
            return null;
        }
        String data = logo.dataBase64();
        if (data == null || data.isEmpty()) {
            violations.check(false, "logo.data_base64", "is required");
            return null;
        }
        if (data.length() > MAX_LOGO_BASE64_CHARS) {
            violations.check(false, "logo.data_base64", "must be at most " + MAX_LOGO_BYTES + " bytes (64 KiB) decoded");
            return null;
        }
        byte[] image;
        try {
            image = Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            violations.check(false, "logo.data_base64", "must be base64 (RFC 4648, no line breaks)");
            return null;
        }
        if (image.length > MAX_LOGO_BYTES) {
            violations.check(false, "logo.data_base64", "must be at most " + MAX_LOGO_BYTES + " bytes (64 KiB) decoded");
            return null;
        }
        Optional<byte[]> stored = PNG.equals(type) ? png(image, violations) : svg(image, violations);
        return stored.map(bytes -> new BrandingLogo(type, Base64.getEncoder().encodeToString(bytes))).orElse(null);
    }

    private static Optional<byte[]> png(byte[] image, Violations violations) {
        boolean isPng = image.length > PNG_SIGNATURE.length
                && Arrays.equals(image, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
        violations.check(isPng, "logo.data_base64", "is not a PNG image (its first bytes are not PNG's signature)");
        return isPng ? Optional.of(image) : Optional.empty();
    }

    private static Optional<byte[]> svg(byte[] image, Violations violations) {
        try {
            return Optional.of(SvgSanitizer.sanitize(image));
        } catch (UnsafeImageException e) {
            violations.check(false, "logo.data_base64", "SVG " + e.getMessage());
            return Optional.empty();
        }
    }
}

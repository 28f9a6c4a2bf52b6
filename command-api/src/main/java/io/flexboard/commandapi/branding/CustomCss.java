package io.flexboard.commandapi.branding;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a tenant's custom CSS before it is stored: nothing that loads from elsewhere, runs code or
 * can break out of the viewer's {@code @scope (.fb-viewer) { … }} wrapper. A small tokenizer walks
 * strings and comments so braces are counted only where CSS counts them; forbidden forms are looked
 * for in the whole text, comments and strings included, because refusing a harmless comment costs
 * less than missing a live rule. CSS escapes outside strings are refused: {@code @\69mport} would
 * otherwise pass any textual check.
 */
public final class CustomCss {

    /** 16 KiB of UTF-8. */
    public static final int MAX_BYTES = 16 * 1024;

    /** Lower-case forms, each refused wherever it appears, with the reason the admin is shown. */
    private static final List<String[]> FORBIDDEN = List.of(
            new String[] {"@import", "must not use @import (it loads CSS from elsewhere)"},
            new String[] {"@charset", "must not use @charset"},
            new String[] {"@namespace", "must not use @namespace"},
            new String[] {"expression(", "must not use expression() (it runs script in old browsers)"},
            new String[] {"javascript:", "must not hold javascript: URLs"},
            new String[] {"behavior", "must not use behavior (it runs script in old browsers)"},
            new String[] {"-moz-binding", "must not use -moz-binding (it runs script in old browsers)"},
            new String[] {"image-set(", "must not use image-set() (it loads images from elsewhere; use url(data:image/png…))"},
            new String[] {"<", "must not hold '<' (it could close the viewer's <style> element)"});
    private static final List<String> ALLOWED_URL_STARTS = List.of("data:image/png", "data:image/svg+xml");

    private CustomCss() {
    }

    /** Why the CSS is refused, or empty when it may be stored. */
    public static Optional<String> problem(String css) {
        if (css.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes (16 KiB)");
        }
        String lower = css.toLowerCase(Locale.ROOT);
        for (String[] forbidden : FORBIDDEN) {
            if (lower.contains(forbidden[0])) {
                return Optional.of(forbidden[1]);
            }
        }
        return structure(css).or(() -> urls(lower));
    }

    /** Braces balanced outside strings and comments, every string and comment closed, no escapes outside strings. */
    private static Optional<String> structure(String css) {
        int depth = 0;
        int i = 0;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                if (end < 0) {
                    return Optional.of("has a comment that is never closed");
                }
                i = end + 2;
            } else if (c == '"' || c == '\'') {
                int end = stringEnd(css, i);
                if (end < 0) {
                    return Optional.of("has a string that is never closed");
                }
                i = end + 1;
            } else {
                if (c == '\\') {
                    return Optional.of("must not use CSS escapes outside strings");
                }
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                    if (depth < 0) {
                        return Optional.of("has a '}' without its '{'");
                    }
                }
                i++;
            }
        }
        return depth == 0 ? Optional.empty() : Optional.of("has " + depth + " '{' never closed");
    }

    /** Index of the quote closing the string opened at {@code start}, or -1 (CSS strings end at a raw newline too). */
    private static int stringEnd(String css, int start) {
        char quote = css.charAt(start);
        for (int i = start + 1; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            } else if (c == '\n' || c == '\r' || c == '\f') {
                return -1;
            }
        }
        return -1;
    }

    /** Every url( must hold an inline PNG or SVG image: nothing is ever fetched from elsewhere. */
    private static Optional<String> urls(String lower) {
        int at = lower.indexOf("url(");
        while (at >= 0) {
            int i = at + "url(".length();
            while (i < lower.length() && Character.isWhitespace(lower.charAt(i))) {
                i++;
            }
            if (i < lower.length() && (lower.charAt(i) == '"' || lower.charAt(i) == '\'')) {
                i++;
            }
            String rest = lower.substring(i);
            if (ALLOWED_URL_STARTS.stream().noneMatch(rest::startsWith)) {
                return Optional.of("may use url() only with data:image/png or data:image/svg+xml");
            }
            at = lower.indexOf("url(", i);
        }
        return Optional.empty();
    }
}

package io.flexboard.foundation.text;

import java.util.Optional;

/**
 * What makes a string unstorable or meaningless as text: NUL (PostgreSQL's text and jsonb refuse it) and
 * unpaired UTF-16 surrogates. Every service checks its inputs with this one rule.
 */
public final class StorableText {

    private static final char REPLACEMENT = '\uFFFD';

    private StorableText() {
    }

    /** Why {@code value} is no text, or empty when it is. */
    public static Optional<String> problem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain the NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain an unpaired surrogate");
            }
        }
        return Optional.empty();
    }

    /**
     * {@code value} cut to at most {@code maxLength} chars without splitting a surrogate pair, with each
     * NUL and unpaired surrogate replaced by U+FFFD: for diagnostic text that is kept rather than refused
     * (an agent whose error message holds a stray byte still syncs).
     */
    public static String repaired(String value, int maxLength) {
        StringBuilder kept = new StringBuilder(Math.min(value.length(), maxLength));
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
            int width = pair ? 2 : 1;
            if (kept.length() + width > maxLength) {
                break;
            }
            if (pair) {
                kept.append(c).append(value.charAt(++i));
            } else {
                kept.append(c == '\u0000' || Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return kept.toString();
    }
}

package io.flexboard.agentbridge.sync;

/**
 * Free text from agents as the read side can store it: PostgreSQL's text refuses NUL, and a lone
 * UTF-16 surrogate is no character (Avro's UTF-8 encoding turns it into '?', JSON parsers differ).
 */
final class Text {

    private static final char REPLACEMENT = '\uFFFD';

    private Text() {
    }

    /** Whether {@code value} holds neither NUL nor an unpaired surrogate. */
    static boolean isText(String value) {
        return storable(value, value.length()).equals(value);
    }

    /**
     * {@code value} cut to at most {@code maxLength} chars without splitting a surrogate pair, with each
     * NUL and unpaired surrogate replaced by U+FFFD: a diagnostic message is kept rather than refused,
     * so an agent whose error text holds a stray byte still syncs.
     */
    static String storable(String value, int maxLength) {
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

package io.flexboard.queryapi.parameter;

import java.util.Optional;

/** What makes a string unstorable or meaningless as text: NUL (PostgreSQL's text refuses it) and unpaired UTF-16 surrogates. */
final class TextCheck {

    private TextCheck() {
    }

    /** Why {@code value} is no text, or empty when it is. */
    static Optional<String> problem(String value) {
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
}

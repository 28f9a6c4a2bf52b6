package io.flexboard.agent.data.connector;

import java.util.Set;

/** Scrubs secret values out of text a driver produced, before it reaches a log or an answer. */
public final class Redaction {

    private Redaction() {
    }

    public static String redact(String text, Set<String> secrets) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                scrubbed = scrubbed.replace(secret, "***");
            }
        }
        return scrubbed;
    }
}

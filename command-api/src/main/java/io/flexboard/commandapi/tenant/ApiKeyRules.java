package io.flexboard.commandapi.tenant;

import java.util.Collection;
import java.util.Locale;

import io.flexboard.commandapi.api.RuleViolationException;

/** The rules of a tenant's named API keys: a name an admin can read back, unique among live keys, and a cap. */
final class ApiKeyRules {

    /** The name of the key issued with the tenant (and of keys issued before keys had names). */
    static final String FIRST_KEY_NAME = "default";
    static final int MAX_NAME_LENGTH = 100;
    /**
     * Live keys per tenant: enough for one per site or plant plus a rotation in flight, few enough that
     * agent-bridge's key cache and the builder's list stay small whatever a script does.
     */
    static final int MAX_LIVE_KEYS = 20;

    private ApiKeyRules() {
    }

    /** The name to store: stripped; refused when blank, too long or holding characters a list cannot show. */
    static String checkName(String name) {
        Violations violations = new Violations();
        if (name == null || name.isBlank()) {
            violations.check(false, "name", "is required");
        } else {
            String stripped = name.strip();
            violations.check(stripped.length() <= MAX_NAME_LENGTH, "name",
                    "must be at most " + MAX_NAME_LENGTH + " characters");
            violations.check(stripped.codePoints().noneMatch(ApiKeyRules::invisible), "name",
                    "must not contain control, format or line-separator characters");
        }
        violations.throwIfAny();
        return name.strip();
    }

    /** Refuses a name already used by a live key (case-insensitively: "Plant 2" and "plant 2" read alike) or a key past the cap. */
    static void checkRoomFor(String name, Collection<String> liveNames) {
        String folded = name.toLowerCase(Locale.ROOT);
        if (liveNames.stream().anyMatch(live -> live.toLowerCase(Locale.ROOT).equals(folded))) {
            throw new RuleViolationException("name", "the tenant already has a live API key named '" + name + "'");
        }
        if (liveNames.size() >= MAX_LIVE_KEYS) {
            throw new RuleViolationException(null, "the tenant has " + MAX_LIVE_KEYS
                    + " live API keys, the most it may have; revoke one first");
        }
    }

    /** Control characters, bidi overrides and other format characters would make two names look alike. */
    private static boolean invisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}

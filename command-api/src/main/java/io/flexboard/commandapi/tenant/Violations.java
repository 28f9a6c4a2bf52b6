package io.flexboard.commandapi.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.flexboard.commandapi.api.FieldViolation;
import io.flexboard.commandapi.api.InvalidCommandException;

/** Collects every offending field of a command, so the builder sees all of them at once. */
final class Violations {

    /** Lower-case, digits and single dashes: safe in URLs and as a widget key on the agent. */
    static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    static final int MAX_SLUG_LENGTH = 64;
    static final int MAX_NAME_LENGTH = 200;

    private final List<FieldViolation> found = new ArrayList<>();

    void check(boolean valid, String field, String message) {
        if (!valid) {
            found.add(new FieldViolation(field, message));
        }
    }

    void checkName(String value, String field) {
        if (value == null || value.isBlank()) {
            found.add(new FieldViolation(field, "is required"));
        } else {
            check(value.strip().length() <= MAX_NAME_LENGTH, field, "must be at most " + MAX_NAME_LENGTH + " characters");
        }
    }

    void checkSlug(String value, String field) {
        if (value == null || value.isBlank()) {
            found.add(new FieldViolation(field, "is required"));
        } else {
            check(value.length() <= MAX_SLUG_LENGTH && SLUG.matcher(value).matches(), field,
                    "must be lower-case letters, digits and single dashes, at most " + MAX_SLUG_LENGTH + " characters");
        }
    }

    void checkRange(Integer value, int min, int max, String field) {
        if (value != null) {
            check(value >= min && value <= max, field, "must be between " + min + " and " + max);
        }
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidCommandException(found);
        }
    }
}

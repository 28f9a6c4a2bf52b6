package io.flexboard.queryapi.history;

import io.flexboard.foundation.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** The history endpoints' query parameters; a bad value is a malformed request naming the parameter. */
final class Parameters {

    private Parameters() {
    }

    /** An ISO-8601 instant ({@code 2026-03-02T09:00:00Z}, or with an offset: send {@code +} as {@code %2B}); null when absent. */
    static Instant instant(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.malformed("Invalid value for '" + name
                    + "': must be an ISO-8601 instant such as 2026-03-02T09:00:00Z");
        }
    }

    /** A UUID; null when absent. */
    static UUID uuid(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.malformed("Invalid value for '" + name + "': must be a UUID");
        }
    }

    /** A version number (1, 2, 3 …); null when absent. */
    static Integer version(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            int version = Integer.parseInt(value);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number below 1
        }
        throw ProblemException.malformed("Invalid value for '" + name + "': must be a version number (1, 2, 3 …)");
    }

    static boolean absent(String value) {
        return value == null || value.isEmpty();
    }
}

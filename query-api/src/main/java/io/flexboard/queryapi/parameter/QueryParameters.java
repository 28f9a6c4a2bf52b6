package io.flexboard.queryapi.parameter;

import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.text.StorableText;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.BiFunction;

/** Parses query parameters and cursor parts; a bad value is a malformed request naming the parameter. */
public final class QueryParameters {

    /**
     * The instants every endpoint accepts: four-digit years. PostgreSQL's timestamptz ends in year
     * 294276 and Java's Instant goes further, so without a bound {@code +300000-01-01T00:00:00Z} parsed
     * here and failed in the database as a 500.
     */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private QueryParameters() {
    }

    /** An ISO-8601 instant ({@code 2026-03-02T09:00:00Z}, or with an offset: send {@code +} as {@code %2B}); null when absent. */
    public static Instant instant(String name, String value) {
        if (absent(value)) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.malformed("Invalid value for '" + name
                    + "': must be an ISO-8601 instant such as 2026-03-02T09:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ProblemException.malformed("Invalid value for '" + name + "': must be between " + EARLIEST + " and " + LATEST);
        }
        return instant;
    }

    /** A UUID; null when absent. */
    public static UUID uuid(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            // UUID.fromString also takes short forms like "1-2-3-4-5": only the canonical 36 characters are an id
            if (value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // answered below, like a wrong length
        }
        throw ProblemException.malformed("Invalid value for '" + name + "': must be a UUID");
    }

    /** A version number (1, 2, 3 …); null when absent. */
    public static Integer version(String name, String value) {
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

    /** Text to compare with stored text; null when absent. PostgreSQL refuses NUL in text, and a lone surrogate is no character. */
    public static String text(String name, String value) {
        if (absent(value)) {
            return null;
        }
        StorableText.problem(value).ifPresent(problem -> {
            throw ProblemException.malformed("Invalid value for '" + name + "': " + problem);
        });
        return value;
    }

    /** A part of a cursor or path: like the optional parameters, but absence is malformed too. */
    public static <T> T required(String name, String value, BiFunction<String, String, T> parser) {
        T parsed = parser.apply(name, value);
        if (parsed == null) {
            throw ProblemException.malformed("Invalid value for '" + name + "': must not be empty");
        }
        return parsed;
    }

    public static boolean absent(String value) {
        return value == null || value.isEmpty();
    }
}

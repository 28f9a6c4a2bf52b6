package io.flexboard.commandapi.api;

/** One offending field of a command, named as in the request body (e.g. {@code widgets[0].config.query}). */
public record FieldViolation(String field, String message) {
}

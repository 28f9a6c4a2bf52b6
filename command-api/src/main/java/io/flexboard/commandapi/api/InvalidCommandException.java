package io.flexboard.commandapi.api;

import java.util.List;

/** A command whose fields break the spec's rules; every offending field is listed. */
public class InvalidCommandException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidCommandException(List<FieldViolation> violations) {
        super("invalid fields: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}

package io.flexboard.commandapi.api;

/** A well-formed command the tenant's current state refuses: duplicate slug, license limit, not a draft. */
public class RuleViolationException extends RuntimeException {

    private final String field;

    public RuleViolationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the rule is about, or null when it is about the whole command. */
    public String field() {
        return field;
    }
}

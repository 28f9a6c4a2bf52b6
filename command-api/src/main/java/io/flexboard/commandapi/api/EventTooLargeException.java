package io.flexboard.commandapi.api;

/**
 * A command whose event would not fit the events topic's record limit: storing it would stop the
 * relay for every tenant, so it is refused before any event is applied.
 */
public class EventTooLargeException extends RuntimeException {

    private final String field;

    public EventTooLargeException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field that made the event too large. */
    public String field() {
        return field;
    }
}

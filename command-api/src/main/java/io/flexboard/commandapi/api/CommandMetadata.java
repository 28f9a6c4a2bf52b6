package io.flexboard.commandapi.api;

/** Metadata keys a command carries and every event it causes inherits (see the relay's envelope). */
public final class CommandMetadata {

    /** Who sent the command. */
    public static final String ACTOR = "actor";
    /** The request's correlation id, from HTTP through Kafka to the projections. */
    public static final String CORRELATION_ID = "correlation_id";

    private CommandMetadata() {
    }
}

package io.flexboard.commandapi.api;

/** Metadata keys a command carries and every event it causes inherits (see the relay's envelope). */
public final class CommandMetadata {

    /** Who sent the command. */
    public static final String ACTOR = "actor";
    /** The signed-in user's UUID; absent for the admin token and the system. */
    public static final String ACTOR_ID = "actor_id";
    /** The signed-in user's email when the command was sent; absent like {@link #ACTOR_ID}. */
    public static final String ACTOR_EMAIL = "actor_email";
    /** The request's correlation id, from HTTP through Kafka to the projections. */
    public static final String CORRELATION_ID = "correlation_id";

    private CommandMetadata() {
    }
}

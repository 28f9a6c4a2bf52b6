package io.flexboard.schemas.wire;

/** Names of the Kafka topics that carry Flexboard's events. */
public final class Topics {

    /** Every domain event, keyed by tenant id, kept forever (retention -1) for replay. */
    public static final String EVENTS = "flexboard.events";

    /**
     * {@code max.message.bytes} of {@link #EVENTS}, set where the topic is created (Kafka's default,
     * made explicit): the largest record batch the broker takes. command-api keeps every event's
     * encoded envelope at or under 1,000,000 bytes, so one event always fits with its record headers.
     */
    public static final int EVENTS_MAX_MESSAGE_BYTES = 1_048_588;

    /** The relay producer's {@code max.request.size}: one event record with its batch header fits it. */
    public static final int EVENTS_MAX_REQUEST_SIZE = 1_048_576;

    /**
     * Every answered agent sync ({@code AgentSyncReport}), keyed by tenant id: telemetry for the sync report
     * read models, kept for a limited time (not domain history).
     */
    public static final String AGENT_SYNCS = "flexboard.agent-syncs";

    private Topics() {
    }
}

package io.flexboard.schemas.wire;

/** Names of the Kafka topics that carry Flexboard's events. */
public final class Topics {

    /** Every domain event, keyed by tenant id, kept forever (retention -1) for replay. */
    public static final String EVENTS = "flexboard.events";

    /**
     * Every answered agent sync ({@code AgentSyncReport}), keyed by tenant id: telemetry for sync logs
     * and fleet status, kept for a limited time (not domain history).
     */
    public static final String AGENT_SYNCS = "flexboard.agent-syncs";

    private Topics() {
    }
}

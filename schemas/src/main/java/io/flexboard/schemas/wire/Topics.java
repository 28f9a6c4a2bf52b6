package io.flexboard.schemas.wire;

/** Names of the Kafka topics that carry Flexboard's events. */
public final class Topics {

    /** Every domain event, keyed by tenant id, kept forever (retention -1) for replay. */
    public static final String EVENTS = "flexboard.events";

    private Topics() {
    }
}

package io.flexboard.projector.consumer;

/** A record on the events topic that is not an {@code EventEnvelope} this projector can read. */
public class UndecodableEventException extends RuntimeException {

    public UndecodableEventException(String topic, int partition, long offset, Throwable cause) {
        super("undecodable record at " + topic + "-" + partition + "@" + offset, cause);
    }
}

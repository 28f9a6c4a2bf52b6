package io.flexboard.commandapi.relay;

import java.util.Optional;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a send the broker (or the producer on its behalf) refuses for good from one that heals by
 * itself. Only the refusals of the record itself count: too large for {@code max.request.size} or
 * the topic's {@code max.message.bytes}, invalid, unserializable. Everything else (broker away,
 * timeouts, leader elections, authorization) is retried as before, blocking the relay: those are
 * not one event's fault and parking would only move every tenant's events into the table.
 */
final class BrokerRefusal {

    private BrokerRefusal() {
    }

    /** The refusal's words when the failure is the record's own, empty when it is transient. */
    static Optional<String> of(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return Optional.empty();
            }
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidRecordException || cause instanceof SerializationException) {
                return Optional.of(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        }
        return Optional.empty();
    }
}

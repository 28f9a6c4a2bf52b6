package io.flexboard.commandapi.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.flexboard.commandapi.api.CommandMetadata;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Copies the event store to the {@code flexboard.events} topic, in store order: the transactional
 * outbox without a second table. A tracking processor reads the events after their transaction
 * committed, sends a batch, and its token (stored in the same database) advances only once the
 * broker acknowledged every record of the batch. So an event reaches Kafka if and only if it is
 * in the event store — at least once, duplicates carry the same event id and sequence.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
public class KafkaRelay {

    /** The Axon processing group (and token name) of the relay. */
    public static final String PROCESSING_GROUP = "kafka-relay";
    private static final Logger log = LoggerFactory.getLogger(KafkaRelay.class);
    private static final String PENDING_ACKS = KafkaRelay.class.getName() + ".pendingAcks";

    private final KafkaTemplate<String, EventEnvelope> kafka;
    private final Duration ackTimeout;

    KafkaRelay(KafkaTemplate<String, EventEnvelope> kafka, @Value("${flexboard.relay.ack-timeout:30s}") Duration ackTimeout) {
        this.kafka = kafka;
        this.ackTimeout = ackTimeout;
    }

    @EventHandler
    void on(SpecificRecord payload, DomainEventMessage<?> message) {
        EventEnvelope envelope = EventEnvelope.newBuilder()
                .setEventId(message.getIdentifier())
                .setTenantId(message.getAggregateIdentifier())
                .setAggregateSequence(message.getSequenceNumber())
                .setOccurredAt(message.getTimestamp())
                .setActor(metadata(message, CommandMetadata.ACTOR, "system"))
                .setCorrelationId(metadata(message, CommandMetadata.CORRELATION_ID, message.getIdentifier()))
                .setPayload(payload)
                .build();
        // The command's correlation id on the relay's log line, as on the request's and the projector's.
        try (var ignored = MDC.putCloseable("correlationId", envelope.getCorrelationId())) {
            log.debug("Relaying event {} (tenant {}, sequence {}, {})", envelope.getEventId(), envelope.getTenantId(),
                    envelope.getAggregateSequence(), payload.getSchema().getName());
            pendingAcks().add(kafka.send(Topics.EVENTS, envelope.getTenantId(), envelope));
        }
    }

    /** The batch's sends; before the batch (and its token) commits, every one must be acknowledged. */
    private List<CompletableFuture<?>> pendingAcks() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_ACKS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            batch.onPrepareCommit(u -> awaitAcks(sends));
            return sends;
        });
    }

    private void awaitAcks(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            log.debug("relayed {} events to {}", sends.size(), Topics.EVENTS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka acknowledgements", e);
        } catch (Exception e) {
            // The batch rolls back, the token stays, and the processor retries the same events.
            throw new IllegalStateException("Kafka did not acknowledge " + sends.size() + " relayed events", e);
        }
    }

    private static String metadata(DomainEventMessage<?> message, String key, String fallback) {
        Object value = message.getMetaData().get(key);
        return value == null ? fallback : value.toString();
    }
}

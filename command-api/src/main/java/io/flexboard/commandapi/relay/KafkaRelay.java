package io.flexboard.commandapi.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
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
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Copies the event store to the {@code flexboard.events} topic, in store order: the transactional
 * outbox without a second table. A tracking processor reads the events after their transaction
 * committed, sends a batch, and its token (stored in the same database) advances only once the
 * broker acknowledged every record of the batch. So an event reaches Kafka if and only if it is
 * in the event store — at least once, duplicates carry the same event id and sequence.
 *
 * <p>An event the broker refuses for good ({@link BrokerRefusal}: too large, invalid) is parked in
 * {@code parked_events} instead of failing the batch forever, and so is every later event of its
 * tenant (the projector refuses gaps): every other tenant keeps flowing. {@link ParkedEventsReleaser}
 * sends them once an operator resolved the refused one (docs/operations.md, "Parked events").
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
public class KafkaRelay {

    /** The Axon processing group (and token name) of the relay. */
    public static final String PROCESSING_GROUP = "kafka-relay";
    private static final Logger log = LoggerFactory.getLogger(KafkaRelay.class);
    private static final String PENDING_ACKS = KafkaRelay.class.getName() + ".pendingAcks";

    private final KafkaTemplate<String, EventEnvelope> kafka;
    private final ParkedEvents parked;
    private final Duration ackTimeout;

    KafkaRelay(KafkaTemplate<String, EventEnvelope> kafka, ParkedEvents parked,
               @Value("${flexboard.relay.ack-timeout:30s}") Duration ackTimeout) {
        this.kafka = kafka;
        this.parked = parked;
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
                .setActorId(metadata(message, CommandMetadata.ACTOR_ID, null))
                .setActorEmail(metadata(message, CommandMetadata.ACTOR_EMAIL, null))
                .setPayload(payload)
                .build();
        // The command's correlation id on the relay's log line, as on the request's and the projector's.
        try (var ignored = MDC.putCloseable("correlationId", envelope.getCorrelationId())) {
            log.debug("Relaying event {} (tenant {}, sequence {}, {})", envelope.getEventId(), envelope.getTenantId(),
                    envelope.getAggregateSequence(), payload.getSchema().getName());
            if (parked.waiting(envelope.getTenantId())) {
                parked.park(envelope, "held", null);
                log.warn("Parked event {} (tenant {}, sequence {}) behind its tenant's refused event",
                        envelope.getEventId(), envelope.getTenantId(), envelope.getAggregateSequence());
                return;
            }
            CompletableFuture<?> send;
            try {
                send = kafka.send(Topics.EVENTS, envelope.getTenantId(), envelope);
            } catch (KafkaException e) {
                // A record over max.request.size fails at once, before the tenant's next event is sent:
                // parked here, that next one is parked behind it and the tenant's order holds.
                send = CompletableFuture.failedFuture(e);
            }
            if (send.isCompletedExceptionally() && refusedForGood(envelope, send)) {
                return;
            }
            pendingAcks().add(new PendingSend(envelope, send));
        }
    }

    /** The batch's sends; before the batch (and its token) commits, every one must be acknowledged. */
    private List<PendingSend> pendingAcks() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_ACKS, key -> {
            List<PendingSend> sends = new ArrayList<>();
            batch.onPrepareCommit(u -> awaitAcks(sends));
            return sends;
        });
    }

    private void awaitAcks(List<PendingSend> sends) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        try {
            for (PendingSend pending : sends) {
                try {
                    pending.send().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    if (!refusedForGood(pending.event(), pending.send())) {
                        throw e;
                    }
                }
            }
            log.debug("relayed {} events to {}", sends.size(), Topics.EVENTS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka acknowledgements", e);
        } catch (Exception e) {
            // The batch rolls back, the token stays, and the processor retries the same events.
            throw new IllegalStateException("Kafka did not acknowledge " + sends.size() + " relayed events", e);
        }
    }

    /**
     * Parks the event when the broker refused it for good, in the batch's transaction (so it is
     * parked exactly when the token moves past it); false when the failure is transient.
     */
    private boolean refusedForGood(EventEnvelope event, CompletableFuture<?> send) {
        Throwable failure;
        try {
            send.getNow(null);
            return false;
        } catch (CompletionException | CancellationException e) {
            failure = e;
        }
        Optional<String> refusal = BrokerRefusal.of(failure);
        refusal.ifPresent(error -> {
            parked.park(event, "refused", error);
            log.error("Kafka refused event {} (tenant {}, sequence {}) for good: {}; parked with the tenant's later events, "
                            + "every other tenant keeps flowing (docs/operations.md, \"Parked events\")",
                    event.getEventId(), event.getTenantId(), event.getAggregateSequence(), error);
        });
        return refusal.isPresent();
    }

    private record PendingSend(EventEnvelope event, CompletableFuture<?> send) {
    }

    private static String metadata(DomainEventMessage<?> message, String key, String fallback) {
        Object value = message.getMetaData().get(key);
        return value == null ? fallback : value.toString();
    }
}

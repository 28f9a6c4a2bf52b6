package io.flexboard.projector.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.flexboard.projector.projection.BatchProjection;
import io.flexboard.projector.projection.BatchResult;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Feeds each poll batch of {@code flexboard.events} to {@link BatchProjection}. The container
 * commits the batch's offsets only after this method returns, that is after the database
 * transaction committed; a failure leaves them uncommitted and the batch is retried.
 */
@Component
public class EventsListener {

    /** Listener container id, for operators and tests (pause, stop). */
    public static final String LISTENER_ID = "flexboard-projector";

    private static final Logger log = LoggerFactory.getLogger(EventsListener.class);
    private static final LogAccessor logAccessor = new LogAccessor(EventsListener.class);

    private final BatchProjection projection;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;

    EventsListener(BatchProjection projection, DeadLetterPublishingRecoverer deadLetters, MeterRegistry meters) {
        this.projection = projection;
        this.deadLetters = deadLetters;
        this.applied = eventCounter(meters, "applied");
        this.duplicates = eventCounter(meters, "duplicate");
        this.deadLettered = eventCounter(meters, "dead-lettered");
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.EVENTS, batch = "true")
    void onBatch(List<ConsumerRecord<String, EventEnvelope>> records) {
        long start = System.nanoTime();
        List<EventEnvelope> events = new ArrayList<>(records.size());
        List<Undecodable> undecodable = new ArrayList<>();
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            if (record.value() != null) {
                events.add(record.value());
                continue;
            }
            DeserializationException failure = SerializationUtils.getExceptionFromHeader(
                    record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logAccessor);
            if (failure != null) {
                undecodable.add(new Undecodable(record, failure));
            } else {
                log.warn("Ignoring a record without value at {}-{}@{}", record.topic(), record.partition(), record.offset());
            }
        }

        // Blocking is right here: this is the Kafka consumer thread, not a request path, and the
        // container must not commit the offsets before the transaction has committed.
        BatchResult result = projection.project(events).block();

        // After the commit, so a batch retried for a database failure does not dead-letter twice.
        for (Undecodable record : undecodable) {
            deadLetter(record);
        }
        applied.increment(result.applied());
        duplicates.increment(result.duplicates());
        log.info("Projected batch of {} records: {} applied, {} duplicates skipped, {} dead-lettered, tenants {}, {} ms",
                records.size(), result.applied(), result.duplicates(), undecodable.size(), result.tenants(),
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private void deadLetter(Undecodable undecodable) {
        ConsumerRecord<String, EventEnvelope> record = undecodable.record();
        // A skipped event leaves a gap in its tenant's sequence, so the tenant's next event stops
        // the projector loudly rather than building read models without it.
        log.error("Undecodable record at {}-{}@{} (key {}) sent to the dead-letter topic: {}",
                record.topic(), record.partition(), record.offset(), record.key(), undecodable.failure().getMessage());
        deadLetters.accept(record, undecodable.failure());
        deadLettered.increment();
    }

    private static Counter eventCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("flexboard.projector.events")
                .description("Events seen by the projector, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    private record Undecodable(ConsumerRecord<String, EventEnvelope> record, DeserializationException failure) {
    }
}

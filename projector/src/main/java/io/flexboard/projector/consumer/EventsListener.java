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
    private final Counter applied;
    private final Counter duplicates;
    private final Counter undecodable;

    EventsListener(BatchProjection projection, MeterRegistry meters) {
        this.projection = projection;
        this.applied = eventCounter(meters, "applied");
        this.duplicates = eventCounter(meters, "duplicate");
        this.undecodable = eventCounter(meters, "undecodable");
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.EVENTS, batch = "true")
    void onBatch(List<ConsumerRecord<String, EventEnvelope>> records) {
        long start = System.nanoTime();
        List<EventEnvelope> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            if (record.value() == null) {
                throw undecodable(record);
            }
            events.add(record.value());
        }

        // Blocking is right here: this is the Kafka consumer thread, not a request path, and the
        // container must not commit the offsets before the transaction has committed.
        BatchResult result = projection.project(events).block();

        applied.increment(result.applied());
        duplicates.increment(result.duplicates());
        log.info("Projected batch of {} records: {} applied, {} duplicates skipped, tenants {}, {} ms",
                records.size(), result.applied(), result.duplicates(), result.tenants(),
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    /**
     * A record the projector cannot read stops it, and the batch is retried until a projector
     * that can read it is deployed. Skipping it (or parking it on a dead-letter topic) would leave
     * the read models without an accepted event, silently when it is its tenant's last one. The
     * usual cause is a newer producer: deploy consumers before producers when events change.
     */
    private UndecodableEventException undecodable(ConsumerRecord<String, EventEnvelope> record) {
        undecodable.increment();
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logAccessor);
        String reason = failure == null ? "no value" : failure.getMessage();
        log.error("Undecodable record at {}-{}@{} (key {}): {}; the projector stops here and retries",
                record.topic(), record.partition(), record.offset(), record.key(), reason);
        return new UndecodableEventException(record.topic(), record.partition(), record.offset(), failure);
    }

    private static Counter eventCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("flexboard.projector.events")
                .description("Events seen by the projector, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

}

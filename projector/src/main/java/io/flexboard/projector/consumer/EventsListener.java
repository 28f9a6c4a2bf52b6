package io.flexboard.projector.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.flexboard.projector.quarantine.PolledEvent;
import io.flexboard.projector.quarantine.QuarantiningProjection;
import io.flexboard.projector.quarantine.QuarantiningProjection.Outcome;
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
 * Feeds each poll batch of {@code flexboard.events} to {@link QuarantiningProjection}. The container
 * commits the batch's offsets only after this method returns, that is after its database
 * transactions committed; a transient failure leaves them uncommitted and the batch is retried. A
 * record that fails for good (undecodable, refused by PostgreSQL, a gap) is quarantined to its
 * tenant and the batch's other tenants go on (docs/projector.md, "Quarantine").
 */
@Component
public class EventsListener {

    /** Listener container id, for operators and tests (pause, stop). */
    public static final String LISTENER_ID = "flexboard-projector";

    private static final Logger log = LoggerFactory.getLogger(EventsListener.class);
    private static final LogAccessor logAccessor = new LogAccessor(EventsListener.class);

    private final QuarantiningProjection projection;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter undecodable;
    private final Counter held;
    private final Counter quarantined;

    EventsListener(QuarantiningProjection projection, MeterRegistry meters) {
        this.projection = projection;
        this.applied = eventCounter(meters, "applied");
        this.duplicates = eventCounter(meters, "duplicate");
        this.undecodable = eventCounter(meters, "undecodable");
        this.held = eventCounter(meters, "held");
        this.quarantined = eventCounter(meters, "quarantined");
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.EVENTS, batch = "true")
    void onBatch(List<ConsumerRecord<String, EventEnvelope>> records) {
        long start = System.nanoTime();
        List<PolledEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            events.add(record.value() == null ? undecodable(record) : PolledEvent.decoded(record, record.value()));
        }

        Outcome result = projection.project(events);

        applied.increment(result.applied());
        duplicates.increment(result.duplicates());
        held.increment(result.held());
        quarantined.increment(result.quarantined());
        log.info("Projected batch of {} records: {} applied, {} duplicates skipped, {} held, {} quarantined, tenants {}, {} ms",
                records.size(), result.applied(), result.duplicates(), result.held(), result.quarantined(), result.tenants(),
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    /**
     * A record the projector cannot read quarantines its tenant (by the record's key) with its raw
     * bytes: after a projector that reads it is deployed, an operator's retry replays it. The usual
     * cause is a newer producer: deploy consumers before producers when events change.
     */
    private PolledEvent undecodable(ConsumerRecord<String, EventEnvelope> record) {
        undecodable.increment();
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logAccessor);
        String reason = failure == null ? "no value" : String.valueOf(failure.getMessage());
        log.error("Undecodable record at {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
                record.key(), reason);
        return PolledEvent.undecodable(record, failure == null ? null : failure.getData(), reason);
    }

    private static Counter eventCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("flexboard.projector.events")
                .description("Events seen by the projector, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

}

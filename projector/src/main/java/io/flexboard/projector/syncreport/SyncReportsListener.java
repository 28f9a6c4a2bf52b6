package io.flexboard.projector.syncreport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.flexboard.schemas.agent.AgentSyncReport;
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
 * Feeds each poll batch of {@code flexboard.agent-syncs} to {@link SyncReportProjection}. The container
 * commits the offsets only after this method returns, that is after the transaction committed; a
 * failed transaction (database down) is retried with back-off and never skipped.
 *
 * <p>Unlike an event, a report the projector cannot read or store is skipped: it is telemetry, not
 * domain history, and halting the sync report read models for it would hide every other agent.
 */
@Component
public class SyncReportsListener {

    /** Listener container id, for operators and tests (pause, stop); the same as the consumer group's. */
    public static final String LISTENER_ID = "flexboard-projector-fleet";

    private static final Logger log = LoggerFactory.getLogger(SyncReportsListener.class);
    private static final LogAccessor logAccessor = new LogAccessor(SyncReportsListener.class);

    private final SyncReportProjection projection;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter undecodable;

    SyncReportsListener(SyncReportProjection projection, MeterRegistry meters) {
        this.projection = projection;
        this.applied = reportCounter(meters, "applied");
        this.duplicates = reportCounter(meters, "duplicate");
        this.undecodable = reportCounter(meters, "undecodable");
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.AGENT_SYNCS, batch = "true",
            containerFactory = SyncReportsKafkaConfig.CONTAINER_FACTORY)
    void onBatch(List<ConsumerRecord<String, AgentSyncReport>> records) {
        long start = System.nanoTime();
        List<SyncReportEntry> entries = new ArrayList<>(records.size());
        int skipped = 0;
        for (ConsumerRecord<String, AgentSyncReport> record : records) {
            String refusal = record.value() == null ? undecodableReason(record) : null;
            if (refusal == null) {
                try {
                    entries.add(SyncReportEntry.of(record.value()));
                } catch (IllegalArgumentException invalid) {
                    refusal = invalid.getMessage();
                }
            }
            if (refusal != null) {
                skipped++;
                log.error("Skipping undecodable sync report at {}-{}@{} (key {}): {}",
                        record.topic(), record.partition(), record.offset(), record.key(), refusal);
            }
        }

        // Blocking is right here: this is the Kafka consumer thread, not a request path, and the
        // container must not commit the offsets before the transaction has committed.
        long inserted;
        try {
            inserted = entries.isEmpty() ? 0 : projection.project(entries).block();
        } catch (RuntimeException e) {
            // The container's error handler retries quietly; without this line an outage is invisible.
            log.error("Sync report batch of {} records failed and rolled back; it is retried, never skipped",
                    records.size(), e);
            throw e;
        }

        // Counted once the batch committed, so a retried batch is not counted again.
        applied.increment(inserted);
        duplicates.increment(entries.size() - inserted);
        undecodable.increment(skipped);
        log.debug("Projected {} sync reports: {} applied, {} duplicates, {} undecodable, {} ms", records.size(),
                inserted, entries.size() - inserted, skipped, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private static String undecodableReason(ConsumerRecord<String, AgentSyncReport> record) {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logAccessor);
        if (failure == null) {
            return "no value";
        }
        return failure.getCause() == null ? failure.getMessage() : failure.getMessage() + ": " + failure.getCause();
    }

    private static Counter reportCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("flexboard.projector.sync.reports")
                .description("Agent sync reports seen by the projector, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }
}

package io.flexboard.history.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.flexboard.fold.EventHistory;
import io.flexboard.schemas.EventEnvelope;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import tools.jackson.databind.JsonNode;

/** Which records an export reads: the time range by Kafka's time index, its ends exact, no consumer group. */
@EmbeddedKafka
class ExportRangeTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void broker() {
        broker = EmbeddedKafkaCondition.getBroker();
    }

    @Test
    void given_events_before_in_and_after_the_range_when_exported_then_from_is_inclusive_to_exclusive_and_reading_starts_in_the_middle() throws Exception {
        EventHistory history = new EventHistory(START, Duration.ofMinutes(1));
        for (String name : List.of("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark")) {
            history.newTenant(name).withPublishedDashboard("Sales").withPublishedDashboard("Ops");
        }
        List<EventEnvelope> events = history.events();
        Instant from = events.get(20).getOccurredAt();
        Instant to = events.get(50).getOccurredAt();
        List<RecordMetadata> landed;
        try (EventsTopic topic = EventsTopic.create(broker, "range-middle")) {
            landed = topic.send(events);
        }
        Path output = dir.resolve("range.jsonl");

        ExportSummary summary = Exports.run("--bootstrap-servers=" + broker.getBrokersAsString(), "--topic=range-middle",
                "--from=" + from, "--to=" + to, "--format=jsonl", "--output=" + output);

        List<JsonNode> lines = JsonLines.read(output);
        assertThat(JsonLines.eventIds(lines)).containsExactlyInAnyOrderElementsOf(
                history.between(from, to).stream().map(EventEnvelope::getEventId).toList());
        assertThat(JsonLines.eventIds(lines)).contains(events.get(20).getEventId()).doesNotContain(events.get(50).getEventId());
        // Each partition is read from its first record at or after `from` to its first at or after `to`, nothing else.
        for (PartitionRange range : summary.ranges()) {
            assertThat(range.start()).isEqualTo(recordsBefore(landed, range.partition(), from));
            assertThat(range.end()).isEqualTo(recordsBefore(landed, range.partition(), to));
        }
        assertThat(summary.ranges()).anyMatch(range -> range.start() > 0);
        assertThat(summary.read()).isEqualTo(30);
        assertThat(summary.written()).isEqualTo(30);
    }

    @Test
    void given_no_from_and_no_to_when_exported_then_the_whole_topic_up_to_now_is_written() throws Exception {
        EventHistory history = new EventHistory(START, Duration.ofMinutes(1));
        history.newTenant("Acme").withPublishedDashboard("Sales");
        history.newTenant("Globex").withPublishedDashboard("Sales");
        try (EventsTopic topic = EventsTopic.create(broker, "range-whole")) {
            topic.send(history.events());
        }
        Path output = dir.resolve("whole.jsonl");

        ExportSummary summary = Exports.run("--bootstrap-servers=" + broker.getBrokersAsString(), "--topic=range-whole",
                "--format=jsonl", "--output=" + output);

        assertThat(JsonLines.eventIds(JsonLines.read(output)))
                .containsExactlyInAnyOrderElementsOf(history.events().stream().map(EventEnvelope::getEventId).toList());
        assertThat(summary.ranges()).allMatch(range -> range.start() == 0);
        assertThat(summary.interrupted()).isFalse();
    }

    /** The end offsets are taken before reading: records appended while the export runs are not waited for. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void given_producers_keep_writing_when_the_range_ends_in_the_future_then_the_export_stops_at_the_end_taken_at_start() throws Exception {
        EventHistory history = new EventHistory(START, Duration.ofSeconds(1));
        for (int i = 0; i < 20; i++) {
            history.newTenant("Tenant " + i).withPublishedDashboard("Sales").withPublishedDashboard("Ops");
        }
        AtomicBoolean exporting = new AtomicBoolean(true);
        AtomicLong appended = new AtomicLong();
        try (EventsTopic topic = EventsTopic.create(broker, "range-growing")) {
            topic.send(history.events());
            Thread producer = new Thread(() -> {
                EventHistory later = new EventHistory(START.plus(Duration.ofDays(1)), Duration.ofSeconds(1));
                while (exporting.get()) {
                    List<EventEnvelope> more = later.newTenant("Late").withPublishedDashboard("Sales").events();
                    topic.send(more);
                    appended.addAndGet(more.size());
                }
            });
            producer.start();
            Path output = dir.resolve("growing.jsonl");

            ExportSummary summary;
            try {
                summary = Exports.run("--bootstrap-servers=" + broker.getBrokersAsString(), "--topic=range-growing",
                        "--to=2100-01-01", "--format=jsonl", "--output=" + output);
            } finally {
                exporting.set(false);
                producer.join();
            }

            assertThat(summary.interrupted()).isFalse();
            assertThat(summary.read()).isEqualTo(summary.total()).isGreaterThanOrEqualTo(history.events().size());
            assertThat(summary.total()).isLessThanOrEqualTo(history.events().size() + appended.get());
            assertThat(JsonLines.read(output)).hasSize((int) summary.written());
        }
    }

    @Test
    void given_an_export_ran_then_the_broker_knows_no_consumer_group_and_no_committed_offsets() throws Exception {
        EventHistory history = new EventHistory(START, Duration.ofMinutes(1));
        history.newTenant("Acme").withPublishedDashboard("Sales");
        try (EventsTopic topic = EventsTopic.create(broker, "range-no-group")) {
            topic.send(history.events());
        }

        Exports.run("--bootstrap-servers=" + broker.getBrokersAsString(), "--topic=range-no-group",
                "--format=csv", "--output=" + dir.resolve("out.csv"));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            assertThat(admin.listGroups().all().get(10, TimeUnit.SECONDS)).isEmpty();
        }
    }

    private static long recordsBefore(List<RecordMetadata> landed, int partition, Instant at) {
        return landed.stream().filter(m -> m.partition() == partition && m.timestamp() < at.toEpochMilli()).count();
    }
}

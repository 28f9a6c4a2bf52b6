package io.flexboard.history.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.flexboard.fold.EventHistory;
import io.flexboard.fold.TenantStory;
import io.flexboard.schemas.EventEnvelope;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import tools.jackson.databind.JsonNode;

/** What goes wrong at run time: a record that is not an event, a topic or broker that is not there, Ctrl-C. */
@EmbeddedKafka
class ExportFailuresTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void broker() {
        broker = EmbeddedKafkaCondition.getBroker();
    }

    @Test
    void given_a_record_that_is_not_an_event_when_exported_then_it_stops_with_code_1_naming_the_partition_and_offset_and_the_output_is_whole() throws Exception {
        TopicWithGarbage topic = topicWithGarbage("undecodable-stop");
        Path output = dir.resolve("stop.jsonl");

        Exports.Result result = Exports.execute("export", "--bootstrap-servers=" + broker.getBrokersAsString(),
                "--topic=undecodable-stop", "--format=jsonl", "--output=" + output);

        assertThat(result.exitCode()).isEqualTo(HistoryMain.FAILED);
        assertThat(result.stderrLines()).last().asString()
                .startsWith("Export failed: undecodable-stop partition " + topic.garbage.partition() + " offset " + topic.garbage.offset() + " ")
                .contains("--skip-undecodable");
        List<String> written = JsonLines.eventIds(JsonLines.read(output));
        assertThat(written).doesNotContainAnyElementsOf(topic.after.stream().map(EventEnvelope::getEventId).toList());
    }

    @Test
    void given_a_record_that_is_not_an_event_when_exported_skipping_undecodable_then_every_event_is_written_and_the_skip_counted() throws Exception {
        TopicWithGarbage topic = topicWithGarbage("undecodable-skip");
        Path output = dir.resolve("skip.jsonl");

        Exports.Result result = Exports.execute("export", "--bootstrap-servers=" + broker.getBrokersAsString(),
                "--topic=undecodable-skip", "--skip-undecodable", "--format=jsonl", "--output=" + output);

        assertThat(result.exitCode()).isZero();
        assertThat(JsonLines.eventIds(JsonLines.read(output))).hasSize(topic.before.size() + topic.after.size());
        assertThat(result.stderrLines()).contains("Skipped: undecodable-skip partition " + topic.garbage.partition() + " offset "
                + topic.garbage.offset() + " cannot be decoded as an event envelope (" + topic.failure() + ")");
        assertThat(result.stderrLines()).last().asString().contains(", 1 undecodable skipped;");
    }

    @Test
    void given_a_widget_whose_config_is_not_json_when_exported_then_it_stops_naming_the_record_or_skips_it() throws Exception {
        EventHistory history = new EventHistory(START, Duration.ofMinutes(1));
        TenantStory acme = history.newTenant("Acme");
        String dashboard = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(dashboard, new io.flexboard.schemas.Widget("9d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a", dashboard,
                "sales-by-month", "bar", "SELECT month FROM sales", 0, 0, 6, 4));
        List<RecordMetadata> landed;
        try (EventsTopic topic = EventsTopic.create(broker, "config-not-json")) {
            landed = topic.send(history.events());
        }
        RecordMetadata replaced = landed.get(landed.size() - 1);

        Exports.Result stopped = Exports.execute("export", "--bootstrap-servers=" + broker.getBrokersAsString(),
                "--topic=config-not-json", "--format=jsonl", "--output=" + dir.resolve("stopped.jsonl"));
        Exports.Result skipped = Exports.execute("export", "--bootstrap-servers=" + broker.getBrokersAsString(),
                "--topic=config-not-json", "--skip-undecodable", "--format=csv", "--output=" + dir.resolve("skipped.csv"));

        assertThat(stopped.exitCode()).isEqualTo(HistoryMain.FAILED);
        assertThat(stopped.stderrLines()).last().asString().isEqualTo("Export failed: config-not-json partition " + replaced.partition()
                + " offset " + replaced.offset() + " config_json is not a JSON object: SELECT month FROM sales;"
                + " the output ends before it (--skip-undecodable skips such records)");
        assertThat(JsonLines.read(dir.resolve("stopped.jsonl"))).hasSize(3);
        assertThat(skipped.exitCode()).isZero();
        assertThat(Csv.parse(java.nio.file.Files.readString(dir.resolve("skipped.csv")))).hasSize(1 + 3);
    }

    @Test
    void given_a_topic_that_does_not_exist_when_exported_then_code_1_naming_the_topic_option() {
        Exports.Result result = Exports.execute("export", "--bootstrap-servers=" + broker.getBrokersAsString(),
                "--topic=no-such-topic", "--format=jsonl", "--output=" + dir.resolve("none.jsonl"));

        assertThat(result.exitCode()).isEqualTo(HistoryMain.FAILED);
        assertThat(result.stderrLines()).hasSize(1).first().asString()
                .startsWith("Export failed: --topic: there is no topic 'no-such-topic' on " + broker.getBrokersAsString());
        assertThat(dir.resolve("none.jsonl")).doesNotExist();
    }

    @Test
    void given_no_broker_at_the_address_when_exported_then_code_1_naming_the_bootstrap_servers_option() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Exports.Result result = Exports.execute("export", "--bootstrap-servers=127.0.0.1:" + closedPort, "--timeout=2s",
                "--format=jsonl", "--output=" + dir.resolve("none.jsonl"));

        assertThat(result.exitCode()).isEqualTo(HistoryMain.FAILED);
        assertThat(result.stderrLines()).hasSize(1).first().asString()
                .isEqualTo("Export failed: --bootstrap-servers: no Kafka broker answered at 127.0.0.1:" + closedPort + " within 2 s (--timeout)");
    }

    /** What the shutdown hook does on Ctrl-C or SIGTERM, here called while the first bytes are being written. */
    @Test
    void given_an_export_is_stopped_midway_then_the_output_ends_with_a_whole_record_and_the_summary_says_interrupted() throws Exception {
        EventHistory history = new EventHistory(START, Duration.ofSeconds(10));
        for (int i = 0; i < 150; i++) {
            history.newTenant("Tenant" + i).withPublishedDashboard("Sales").withPublishedDashboard("Ops");
        }
        try (EventsTopic topic = EventsTopic.create(broker, "stopped")) {
            topic.send(history.events());
        }
        AtomicReference<HistoryExport> running = new AtomicReference<>();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                running.get().stop();
                super.write(bytes, offset, length);
            }
        };

        Exports.Result result = Exports.execute(stdout, running::set, "export", "--bootstrap-servers=" + broker.getBrokersAsString(),
                "--topic=stopped", "--format=jsonl", "--output=-");

        assertThat(result.exitCode()).isEqualTo(HistoryMain.INTERRUPTED);
        List<JsonNode> lines = JsonLines.parse(result.stdout());
        assertThat(lines).isNotEmpty().hasSizeLessThan(history.events().size());
        assertThat(result.stderrLines()).last().asString().startsWith("Interrupted: wrote " + lines.size() + " events to standard output");
    }

    /** A topic with events, then one record that is not an event envelope, then more events of the same tenant. */
    private static TopicWithGarbage topicWithGarbage(String name) {
        EventHistory history = new EventHistory(START, Duration.ofMinutes(1));
        TenantStory acme = history.newTenant("Acme").withPublishedDashboard("Sales");
        history.newTenant("Globex").withPublishedDashboard("Sales");
        List<EventEnvelope> before = history.events();
        acme.withPublishedDashboard("Ops");
        List<EventEnvelope> after = history.events().subList(before.size(), history.events().size());
        try (EventsTopic topic = EventsTopic.create(broker, name)) {
            topic.send(before);
            RecordMetadata garbage = topic.sendRaw(acme.tenantId, after.get(0).getOccurredAt().minusSeconds(1),
                    "not an event envelope".getBytes(StandardCharsets.UTF_8));
            topic.send(after);
            return new TopicWithGarbage(before, after, garbage);
        }
    }

    private record TopicWithGarbage(List<EventEnvelope> before, List<EventEnvelope> after, RecordMetadata garbage) {

        /** What the codec says about those bytes. */
        String failure() {
            try {
                io.flexboard.schemas.wire.EventCodec.instance().decode("not an event envelope".getBytes(StandardCharsets.UTF_8));
                throw new AssertionError("the garbage decoded");
            } catch (RuntimeException e) {
                return e.toString();
            }
        }
    }
}

package io.flexboard.history.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.flexboard.fold.EventHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import tools.jackson.databind.JsonNode;

/** The tool as its own process: SIGTERM (what Ctrl-C and {@code kill} send) leaves a whole output behind. */
@EmbeddedKafka
class ExportProcessTest {

    private static EmbeddedKafkaBroker broker;
    private static int events;

    @BeforeAll
    static void aTopicLargerThanThePipeAndTheOutputBuffer() {
        broker = EmbeddedKafkaCondition.getBroker();
        EventHistory history = new EventHistory(Instant.parse("2026-11-01T00:00:00Z"), Duration.ofSeconds(10));
        for (int i = 0; i < 300; i++) {
            history.newTenant("Tenant" + i).withPublishedDashboard("Sales").withPublishedDashboard("Ops");
        }
        events = history.events().size();
        try (EventsTopic topic = EventsTopic.create(broker, "terminated")) {
            topic.send(history.events());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void given_an_export_to_a_pipe_nobody_reads_when_terminated_then_every_line_written_is_a_whole_event_and_the_summary_says_interrupted() throws Exception {
        Process export = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HistoryMain.class.getName(),
                "export", "--bootstrap-servers=" + broker.getBrokersAsString(), "--topic=terminated", "--format=jsonl", "--output=-")
                .start();
        InputStream stdout = export.getInputStream();
        // Once output arrives the exporter is blocked on the full pipe: it cannot finish before the signal.
        while (stdout.available() == 0 && export.isAlive()) {
            Thread.sleep(50);
        }

        // SIGTERM through the handle: Process.destroy() would also close this side of the pipes.
        export.toHandle().destroy();
        byte[] written = stdout.readAllBytes();
        int exitCode = export.waitFor();

        assertThat(exitCode).isEqualTo(143);
        List<JsonNode> lines = JsonLines.parse(written);
        assertThat(lines).isNotEmpty().hasSizeLessThan(events);
        List<String> stderr = new String(export.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(stderr).last().asString().startsWith(String.format(java.util.Locale.ROOT, "Interrupted: wrote %,d events to standard output", lines.size()));
    }
}

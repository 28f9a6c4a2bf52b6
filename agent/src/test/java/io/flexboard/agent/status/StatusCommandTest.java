package io.flexboard.agent.status;

import static io.flexboard.agent.support.PublishedConfigurations.publishedVersion;
import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agent.store.AppliedConfiguration;
import io.flexboard.agent.store.PublishedConfigurationStore;
import io.flexboard.agent.support.MutableClock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

    private static final MutableClock NOW = MutableClock.at("2026-03-01T12:00:00Z");

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void given_an_agent_that_synced_minutes_ago_when_status_is_asked_then_it_prints_the_running_version_and_the_last_sync() throws IOException {
        new PublishedConfigurationStore(dataDir).apply(AppliedConfiguration.of(3, publishedVersion(3), Instant.parse("2026-03-01T09:00:00Z")));
        new StatusFile(dataDir).write(AgentStatus.starting("agent-1", "tenant-1", "1.2.3", "https://cp.example", "http://127.0.0.1:8090", 3,
                        Instant.parse("2026-03-01T09:00:00Z"))
                .failed(Instant.parse("2026-03-01T11:50:00Z"), "cannot reach https://cp.example/api/agent/sync: ConnectException")
                .synced(Instant.parse("2026-03-01T11:58:00Z"), AgentStatus.UP_TO_DATE, 3, Instant.parse("2026-03-01T09:00:00Z")));

        int exitCode = StatusCommand.print(dataDir, out(), NOW);

        assertThat(exitCode).isZero();
        assertThat(output())
                .contains("agent id:      agent-1")
                .contains("tenant:        tenant-1")
                .contains("control plane: https://cp.example")
                .contains("serving:       http://127.0.0.1:8090/config")
                .contains("running:       version 3, applied 2026-03-01T09:00:00Z (3 h ago)")
                .contains("last sync:     up-to-date, 2026-03-01T11:58:00Z (2 min ago)")
                .contains("last success:  2026-03-01T11:58:00Z")
                .contains("last error:    -");
    }

    @Test
    void given_an_agent_that_cannot_reach_the_control_plane_when_status_is_asked_then_the_error_and_the_last_success_are_shown() throws IOException {
        new StatusFile(dataDir).write(AgentStatus.starting("agent-1", "tenant-1", "1.2.3", "https://cp.example", "http://127.0.0.1:8090", 0, null)
                .failed(Instant.parse("2026-03-01T11:59:30Z"), "HTTP 401: unknown API key"));

        StatusCommand.print(dataDir, out(), NOW);

        assertThat(output())
                .contains("running:       no configuration yet (version 0)")
                .contains("last sync:     error, 2026-03-01T11:59:30Z (30 s ago)")
                .contains("last success:  never")
                .contains("last error:    HTTP 401: unknown API key");
    }

    @Test
    void given_a_damaged_current_json_when_status_is_asked_then_it_warns_and_changes_nothing() throws IOException {
        PublishedConfigurationStore store = new PublishedConfigurationStore(dataDir);
        store.apply(AppliedConfiguration.of(3, publishedVersion(3), Instant.parse("2026-03-01T09:00:00Z")));
        store.apply(AppliedConfiguration.of(4, publishedVersion(4), Instant.parse("2026-03-01T10:00:00Z")));
        Files.writeString(dataDir.resolve("current.json"), "{");

        StatusCommand.print(dataDir, out(), NOW);

        assertThat(output()).contains("running:       version 3").contains("warning:").contains("never");
        assertThat(Files.readString(dataDir.resolve("current.json"))).isEqualTo("{");
    }

    @Test
    void given_no_data_dir_when_status_is_asked_then_it_says_so_and_exits_with_one() throws IOException {
        int exitCode = StatusCommand.print(dataDir.resolve("nowhere"), out(), NOW);

        assertThat(exitCode).isEqualTo(1);
        assertThat(output()).contains("No Flexboard agent data in");
    }

    private PrintStream out() {
        return new PrintStream(printed, true, StandardCharsets.UTF_8);
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}

package io.flexboard.agent;

import static io.flexboard.agent.support.PublishedConfigurations.publishedVersion;
import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agent.settings.AgentSettings;
import io.flexboard.agent.support.FakeControlPlane;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/** The whole agent in-process, as the jar wires it, against the bridge stand-in. */
@Timeout(180)
class AgentTest {

    private static final String TENANT = "6f1c1a52-3b7e-4f57-9d1a-0c3f2a9b8e11";

    @TempDir
    Path dataDir;

    private final HttpClient viewer = HttpClient.newHttpClient();

    @Test
    void given_a_running_agent_when_the_control_plane_goes_away_and_the_agent_restarts_then_the_last_good_configuration_is_served_throughout() throws Exception {
        try (FakeControlPlane controlPlane = FakeControlPlane.started()) {
            controlPlane.publish(publishedVersion(1));
            try (Agent agent = Agent.start(settings(controlPlane), Clock.systemUTC())) {
                awaitVersionOnDisk(1);
                controlPlane.goDown();

                assertThat(get(agent.port(), "/config").headers().firstValue("X-Config-Version")).contains("1");
                JsonNode status = AgentJson.MAPPER.readTree(get(agent.port(), "/status").body());
                assertThat(status.path("version").longValue()).isEqualTo(1);
                assertThat(status.path("tenant_id").stringValue()).isEqualTo(TENANT);
            }
            String agentId = Files.readString(dataDir.resolve("agent-id")).strip();

            try (Agent restarted = Agent.start(settings(controlPlane), Clock.systemUTC())) {
                HttpResponse<String> config = get(restarted.port(), "/config");
                assertThat(config.statusCode()).isEqualTo(200);
                assertThat(config.headers().firstValue("X-Config-Version")).contains("1");
                assertThat(AgentJson.MAPPER.readTree(config.body())).hasToString(publishedVersion(1).toString());
            }
            assertThat(Files.readString(dataDir.resolve("agent-id")).strip()).as("stable per installation").isEqualTo(agentId);
            assertThat(controlPlane.requests()).allSatisfy(request -> assertThat(request.path("agent_id").stringValue()).isEqualTo(agentId));
        }
    }

    @Test
    void given_a_data_source_that_is_down_and_a_file_that_turns_bad_when_publishes_arrive_then_syncing_goes_on_and_the_last_good_sources_serve() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path sources = dataDir.resolve("datasources.yml");
        Files.createDirectories(dataDir);
        Files.writeString(sources, "datasources: [{id: shop, type: mysql, connection: {host: 127.0.0.1, port: " + closedPort
                + ", database: shop}, options: {timeout: 500}}]\n");
        try (FakeControlPlane controlPlane = FakeControlPlane.started()) {
            controlPlane.publish(publishedVersion(1));
            try (Agent agent = Agent.start(settings(controlPlane), Clock.systemUTC())) {
                awaitVersionOnDisk(1);

                HttpResponse<String> down = get(agent.port(), "/api/data/sales-by-month");
                assertThat(down.statusCode()).as(down.body()).isEqualTo(502);
                assertThat(AgentJson.MAPPER.readTree(down.body()).path("data_source").asString()).isEqualTo("shop");

                Files.writeString(sources, "datasources: [{id: shop, type: mysql, connection: {host: [not, text]}}]\n");
                awaitFileError(agent.port());
                controlPlane.publish(publishedVersion(2));
                awaitVersionOnDisk(2);

                JsonNode inUse = AgentJson.MAPPER.readTree(get(agent.port(), "/api/data-sources").body());
                assertThat(inUse.path("sources").get(0).path("id").asString()).isEqualTo("shop");
                assertThat(inUse.path("file_error").asString()).contains("datasources[0] (shop).connection.host: must be text");
                assertThat(get(agent.port(), "/api/data/sales-by-month").statusCode()).isEqualTo(502);
            }
        }
    }

    private void awaitFileError(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!AgentJson.MAPPER.readTree(get(port, "/api/data-sources").body()).path("file_error").isNull()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the changed datasources.yml was never reread");
    }

    @Test
    void given_no_control_plane_url_when_the_jar_starts_then_it_names_the_variable_and_exits_with_two() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = AgentMain.execute(new String[0], Map.of("AGENT_API_KEY", "k", "TENANT_ID", TENANT)::get,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("CONTROL_PLANE_URL is required but not set");
    }

    @Test
    void an_agent_told_to_listen_on_the_network_without_a_viewer_credential_refuses_to_start_with_exit_two() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = AgentMain.execute(new String[0], Map.of("CONTROL_PLANE_URL", "http://127.0.0.1:9", "AGENT_API_KEY", "k",
                        "TENANT_ID", TENANT, "AGENT_DATA_DIR", dataDir.resolve("never-made").toString(), "AGENT_HTTP_HOST", "0.0.0.0")::get,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("AGENT_VIEWER_PASSWORD_HASH is required when AGENT_HTTP_HOST binds beyond loopback");
        assertThat(dataDir.resolve("never-made")).doesNotExist();
    }

    @Test
    void given_the_status_command_with_a_data_dir_argument_when_run_then_it_reads_that_dir() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Files.createDirectories(dataDir);

        int exitCode = AgentMain.execute(new String[] {"status", "--data-dir", dataDir.toString()}, name -> null,
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("data dir " + dataDir).contains("last sync:     never");
    }

    private AgentSettings settings(FakeControlPlane controlPlane) {
        Map<String, String> environment = Map.of(
                "CONTROL_PLANE_URL", controlPlane.url().toString(),
                "AGENT_API_KEY", FakeControlPlane.API_KEY,
                "TENANT_ID", TENANT,
                "AGENT_DATA_DIR", dataDir.toString(),
                "AGENT_HTTP_PORT", "0",
                "AGENT_WAIT_SECONDS", "1");
        return AgentSettings.from(environment::get);
    }

    private void awaitVersionOnDisk(long version) throws Exception {
        Path current = dataDir.resolve("current.json");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(current) && AgentJson.MAPPER.readTree(Files.readAllBytes(current)).path("version").longValue() == version) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("version " + version + " never reached " + current);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return viewer.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

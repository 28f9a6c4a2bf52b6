package io.flexboard.commandapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.flexboard.commandapi.relay.KafkaRelay;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * /metrics, /health and the JSON log lines of command-api against the real event store and an
 * in-process broker. This context logs JSON (ECS), as a deployment with
 * LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.structured.format.console=ecs",
        "logging.level.io.flexboard.commandapi.relay=DEBUG"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest {

    private static final String ADMIN_TOKEN = "test-admin-token";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("flexboard.admin-token", () -> ADMIN_TOKEN);
    }

    WebTestClient http;
    @Autowired
    EventProcessingConfiguration processing;

    @LocalServerPort
    void client(int port) {
        http = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void given_a_command_was_answered_when_prometheus_scrapes_then_the_spec_names_kafka_and_jvm_metrics_are_there_tagged_with_the_service() throws java.io.IOException {
        createTenant("metrics-" + shortId(), "obs-metrics");

        // The producer's metrics appear once the relay has sent.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(metrics()).contains("kafka_producer_record_send_total{"));
        String metrics = metrics();
        keepForTheDocs(metrics);

        assertThat(metrics).containsPattern(
                "http_requests_total\\{application=\"command-api\",method=\"POST\",status=\"201\",uri=\"/api/tenants\"} ");
        assertThat(metrics).containsPattern(
                "http_request_duration_seconds_bucket\\{application=\"command-api\",method=\"POST\",status=\"201\",uri=\"/api/tenants\",le=\"0.2\"}");
        assertThat(metrics).contains("http_request_duration_seconds_count{application=\"command-api\"");
        assertThat(metrics).contains("http_server_requests_seconds_count{application=\"command-api\"");
        assertThat(metrics).contains("jvm_memory_used_bytes{application=\"command-api\"");
        assertThat(metrics).containsPattern("kafka_producer_record_send_total\\{application=\"command-api\"");
        assertThat(metrics.lines().filter(line -> !line.startsWith("#") && !line.isBlank()))
                .as("every series carries the service's name").allMatch(line -> line.contains("application=\"command-api\""));
    }

    @Test
    void given_the_store_the_broker_and_the_relay_run_when_probed_then_health_liveness_and_readiness_are_up() {
        http.get().uri("/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.relay.status").isEqualTo("UP")
                .jsonPath("$.components.relay.details.processor").isEqualTo(KafkaRelay.PROCESSING_GROUP);
        http.get().uri("/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.db").doesNotExist();
        http.get().uri("/health/readiness").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.relay.status").isEqualTo("UP");
    }

    @Test
    void given_the_relay_is_shut_down_when_probed_then_not_ready_but_alive() {
        StreamingEventProcessor relay = processing.eventProcessor(KafkaRelay.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        relay.shutDown();
        try {
            http.get().uri("/health/readiness").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("DOWN")
                    .jsonPath("$.components.relay.status").isEqualTo("DOWN")
                    .jsonPath("$.components.relay.details.running").isEqualTo(false);
            http.get().uri("/health").exchange().expectStatus().isEqualTo(503);
            http.get().uri("/health/liveness").exchange().expectStatus().isOk();
        } finally {
            relay.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.get().uri("/health/readiness").exchange().expectStatus().isOk());
    }

    @Test
    void given_a_correlation_id_when_a_command_is_relayed_then_the_relays_json_log_line_carries_it(CapturedOutput output) {
        String correlationId = "obs-log-" + shortId();
        createTenant("logs-" + shortId(), correlationId);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("Relaying event"))
                .filter(line -> line.contains("\"correlationId\":\"" + correlationId + "\"")))
                .as("one JSON line per relayed event (tenant created, API key issued)")
                .hasSize(2)
                .allMatch(line -> line.startsWith("{") && line.contains("command-api")));
    }

    private void createTenant(String slug, String correlationId) {
        http.post().uri("/api/tenants")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .header("X-Correlation-Id", correlationId)
                .bodyValue(Map.of("name", "Observed", "slug", slug))
                .exchange().expectStatus().isCreated();
    }

    /** The scrape as the service really exports it, for the list in docs/observability.md. */
    private static void keepForTheDocs(String metrics) throws java.io.IOException {
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "metrics.prom"), metrics);
    }

    private String metrics() {
        return http.get().uri("/metrics").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

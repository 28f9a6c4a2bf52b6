package io.flexboard.agentbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import org.junit.jupiter.api.Test;

/** /metrics and /health of the bridge, against the test database and an in-process broker. */
class ObservabilityTest extends AgentBridgeIntegrationTest {

    @Test
    void given_an_answered_sync_when_prometheus_scrapes_then_spec_sync_kafka_producer_and_jvm_metrics_are_there_tagged_with_the_service() throws java.io.IOException {
        UUID tenant = given.tenantWithPublishedVersion(2, ACME_KEY);
        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 1, \"agent_version\": \"1.0.0\"}")
                .expectStatus().isOk();

        // The report reaches the broker on the sender's thread: the producer's metrics follow.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(metrics()).contains("kafka_producer_record_send_total{"));
        String metrics = metrics();
        keepForTheDocs(metrics);

        assertThat(metrics).contains("sync_operations_total{application=\"agent-bridge\",status=\"success\",tenant_id=\"" + tenant + "\"}");
        assertThat(metrics).contains(
                "http_requests_total{application=\"agent-bridge\",method=\"POST\",status=\"200\",uri=\"/api/agent/sync\"}");
        assertThat(metrics).contains(
                "http_request_duration_seconds_bucket{application=\"agent-bridge\",method=\"POST\",status=\"200\",uri=\"/api/agent/sync\",le=\"0.2\"}");
        assertThat(metrics).contains("kafka_producer_record_send_total{application=\"agent-bridge\"");
        assertThat(metrics).contains("jvm_memory_used_bytes{application=\"agent-bridge\"");
        assertThat(metrics).contains("flexboard_agentbridge_waiters{application=\"agent-bridge\"}");
        assertThat(metrics.lines().filter(line -> !line.startsWith("#") && !line.isBlank()))
                .as("every series carries the service's name").allMatch(line -> line.contains("application=\"agent-bridge\""));
    }

    @Test
    void given_the_database_the_broker_and_listen_when_probed_then_health_shows_every_check_and_readiness_only_what_serves_syncs() {
        awaitListening();
        client.get().uri("/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.listen.status").isEqualTo("UP")
                .jsonPath("$.components.listen.details.listening").isEqualTo(true);
        client.get().uri("/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.kafka").doesNotExist();
        client.get().uri("/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.r2dbc").doesNotExist();
    }

    /** The scrape as the service really exports it, for the list in docs/observability.md. */
    private static void keepForTheDocs(String metrics) throws java.io.IOException {
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "metrics.prom"), metrics);
    }

    private String metrics() {
        return client.get().uri("/metrics").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}

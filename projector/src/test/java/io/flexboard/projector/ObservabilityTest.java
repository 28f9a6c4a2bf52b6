package io.flexboard.projector;

import static io.flexboard.fold.TenantStory.tenantWithPublishedVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.flexboard.fold.TenantStory;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

/** /metrics, /health (with the projection lag check) and the per-event log line of the projector. */
@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestPropertySource(properties = {
        "flexboard.projector.health.max-lag=2",
        "logging.level.io.flexboard.projector.projection=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest extends ProjectorIntegrationTest {

    @Test
    void given_projected_events_when_prometheus_scrapes_then_spec_kafka_consumer_jvm_and_projector_metrics_are_there_tagged_with_the_service() {
        TenantStory story = tenantWithPublishedVersion("Metered");
        events.send(story.events());
        awaitPosition(story, 5);
        http.get().uri("/health/liveness").exchange().expectStatus().isOk();

        String metrics = metrics();

        assertThat(metrics).contains(
                "http_requests_total{application=\"projector\",method=\"GET\",status=\"200\",uri=\"/health/{*path}\"}");
        assertThat(metrics).contains("http_request_duration_seconds_bucket{application=\"projector\",method=\"GET\"");
        assertThat(metrics).contains("flexboard_projector_events_total{application=\"projector\",outcome=\"applied\"}");
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max{application=\"projector\"");
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_consumed_total{application=\"projector\"");
        assertThat(metrics).contains("jvm_memory_used_bytes{application=\"projector\"");
        assertThat(metrics.lines().filter(line -> !line.startsWith("#") && !line.isBlank()))
                .as("every series carries the service's name").allMatch(line -> line.contains("application=\"projector\""));
    }

    @Test
    void given_the_projector_is_caught_up_when_probed_then_health_liveness_and_readiness_are_up_with_their_checks() {
        awaitReady();
        http.get().uri("/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.projectionLag.status").isEqualTo("UP")
                .jsonPath("$.components.projectionLag.details.maxLag").isEqualTo(2);
        http.get().uri("/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.r2dbc").doesNotExist();
        http.get().uri("/health/readiness").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.projectionLag.status").isEqualTo("UP");
    }

    @Test
    void given_the_listener_is_stopped_and_events_pile_up_when_probed_then_not_ready_but_alive_until_it_catches_up() {
        TenantStory story = tenantWithPublishedVersion("Piled");
        projectorContainer().stop();
        try {
            events.send(story.events());

            await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> http.get().uri("/health/readiness").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.components.projectionLag.status").isEqualTo("DOWN")
                    .jsonPath("$.components.projectionLag.details.lag").isEqualTo(6));
            http.get().uri("/health/liveness").exchange().expectStatus().isOk();
        } finally {
            projectorContainer().start();
        }
        awaitPosition(story, 5);
        awaitReady();
    }

    @Test
    void given_an_event_with_a_correlation_id_when_applied_then_its_debug_line_carries_the_correlation_id_and_the_batch_line_stays(CapturedOutput output) {
        TenantStory story = tenantWithPublishedVersion("Traced");
        List<EventEnvelope> sent = story.events();
        events.send(sent);
        awaitPosition(story, 5);

        for (EventEnvelope event : sent) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut().lines()
                    .filter(line -> line.contains("Applied event " + event.getEventId()))
                    .filter(line -> line.contains(event.getCorrelationId())))
                    .hasSize(1));
        }
        assertThat(output.getOut()).contains("Projected batch of");
    }

    private void awaitReady() {
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> http.get().uri("/health/readiness").exchange().expectStatus().isOk());
    }

    private String metrics() {
        return http.get().uri("/metrics").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}

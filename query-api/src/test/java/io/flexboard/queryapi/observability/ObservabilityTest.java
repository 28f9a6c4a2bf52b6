package io.flexboard.queryapi.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * /metrics (spec names, active_tenants), /health and the correlation id in the JSON log lines of a
 * request. This context logs JSON (ECS), as a deployment with LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs does.
 */
@TestPropertySource(properties = "logging.structured.format.console=ecs")
@Import(ObservabilityTest.LoggingRoute.class)
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest extends QueryApiIntegrationTest {

    @Autowired
    ReadModelGauges readModelGauges;

    @Test
    void given_two_active_tenants_and_one_paused_when_prometheus_scrapes_after_a_count_then_active_tenants_is_two_and_the_spec_names_are_there() throws java.io.IOException {
        given.tenant("active-a");
        given.tenant("active-b");
        given.paused(given.tenant("gone"), null);
        builder().get().uri("/api/tenants").exchange().expectStatus().isOk();

        StepVerifier.create(readModelGauges.refresh()).expectComplete().verify(Duration.ofSeconds(10));
        String metrics = metrics();
        keepForTheDocs(metrics);

        assertThat(metrics).contains("active_tenants{application=\"query-api\"} 2.0");
        // No agent was ever seen: both active tenants are error/no_agent_seen by the sync status rule.
        assertThat(metrics).contains("flexboard_sync_status_tenants{application=\"query-api\",reason=\"no_agent_seen\",status=\"error\"} 2.0")
                .contains("flexboard_sync_status_tenants{application=\"query-api\",reason=\"tenant_paused\",status=\"paused\"} 1.0")
                .contains("flexboard_sync_status_tenants{application=\"query-api\",reason=\"none\",status=\"synced\"} 0.0");
        assertThat(metrics).contains(
                "http_requests_total{application=\"query-api\",method=\"GET\",status=\"200\",uri=\"/api/tenants\"}");
        assertThat(metrics).contains(
                "http_request_duration_seconds_bucket{application=\"query-api\",method=\"GET\",status=\"200\",uri=\"/api/tenants\",le=\"0.2\"}");
        assertThat(metrics).contains("http_server_requests_seconds_count{application=\"query-api\"");
        assertThat(metrics).contains("jvm_memory_used_bytes{application=\"query-api\"");
        assertThat(metrics).contains("flexboard_relay_status{application=\"query-api\"}");
        assertThat(metrics.lines().filter(line -> !line.startsWith("#") && !line.isBlank()))
                .as("every series carries the service's name").allMatch(line -> line.contains("application=\"query-api\""));
    }

    @Test
    void given_the_database_when_probed_then_health_liveness_and_readiness_are_up_with_the_database_check() {
        anonymous().get().uri("/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.details.database").isEqualTo("PostgreSQL");
        anonymous().get().uri("/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.r2dbc.status").isEqualTo("UP");
        anonymous().get().uri("/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.r2dbc").doesNotExist();
    }

    @Test
    void given_a_correlation_id_when_the_request_logs_after_a_thread_hop_then_the_json_line_carries_it(CapturedOutput output) {
        String correlationId = "obs-" + UUID.randomUUID().toString().substring(0, 8);

        builder().get().uri("/test/logs").header("X-Correlation-Id", correlationId).exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> lines = output.getOut().lines().filter(line -> line.contains("observed request")).toList();
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .startsWith("{")
                    .contains("\"correlationId\":\"" + correlationId + "\"")
                    .contains("\"message\":\"observed request after a thread hop\""));
        });
    }

    /** The scrape as the service really exports it, for the list in docs/observability.md. */
    private static void keepForTheDocs(String metrics) throws java.io.IOException {
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "metrics.prom"), metrics);
    }

    private String metrics() {
        return anonymous().get().uri("/metrics").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** A route that logs from another thread than the one that took the request. */
    @TestConfiguration(proxyBeanMethods = false)
    static class LoggingRoute {
        private static final Logger log = LoggerFactory.getLogger(LoggingRoute.class);

        @Bean
        RouterFunction<ServerResponse> loggingRoute() {
            return RouterFunctions.route().GET("/test/logs", request -> Mono.delay(Duration.ofMillis(10))
                    .doOnNext(tick -> log.info("observed request after a thread hop"))
                    .then(ServerResponse.ok().build())).build();
        }
    }
}

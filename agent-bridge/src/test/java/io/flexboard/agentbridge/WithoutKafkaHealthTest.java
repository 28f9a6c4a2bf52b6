package io.flexboard.agentbridge;

import java.time.Duration;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A bridge whose broker is unreachable: /health answers 503 with {@code kafka} DOWN within the
 * health timeout, while readiness stays 200 (syncs are still answered from the database). The
 * bridge is a replica started here, not a second test context: switching test contexts would pause
 * (stop and restart) the shared one.
 */
class WithoutKafkaHealthTest extends AgentBridgeIntegrationTest {

    @Test
    void given_an_unreachable_broker_when_probed_then_health_is_down_with_the_kafka_check_but_the_bridge_stays_ready_and_alive() {
        ConfigurableApplicationContext replica = startReplica("127.0.0.1:1",
                "--flexboard.health.timeout=1s",
                "--flexboard.instance-id=bridge-without-kafka");
        int port = portOf(replica);
        WebTestClient bridge = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();

        bridge.get().uri("/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.kafka.status").isEqualTo("DOWN")
                .jsonPath("$.components.kafka.details.error").exists()
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP");
        bridge.get().uri("/health/readiness").exchange().expectStatus().isOk();
        bridge.get().uri("/health/liveness").exchange().expectStatus().isOk();
    }
}

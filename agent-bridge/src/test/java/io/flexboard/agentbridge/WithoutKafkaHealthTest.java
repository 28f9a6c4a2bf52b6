package io.flexboard.agentbridge;

import java.time.Duration;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import io.flexboard.agentbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A bridge whose broker is unreachable: /health answers 503 with {@code kafka} DOWN within the
 * health timeout, while readiness stays 200 (syncs are still answered from the database). The
 * bridge is a replica started here, not a second test context: switching test contexts would pause
 * (stop and restart) the shared one.
 */
class WithoutKafkaHealthTest extends AgentBridgeIntegrationTest {

    private ConfigurableApplicationContext replica;

    @AfterEach
    void closeReplica() {
        if (replica != null) {
            replica.close();
        }
    }

    @Test
    void givenAnUnreachableBroker_whenProbed_thenHealthIsDownWithTheKafkaCheckButTheBridgeStaysReadyAndAlive() {
        replica = new SpringApplicationBuilder(AgentBridgeApplication.class).run(
                "--server.port=0",
                "--spring.r2dbc.url=" + TestDatabase.r2dbcUrl(),
                "--spring.r2dbc.username=" + TestDatabase.user(),
                "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                "--spring.jmx.enabled=false",
                "--flexboard.health.timeout=1s",
                "--flexboard.instance-id=bridge-without-kafka");
        int port = Integer.parseInt(replica.getEnvironment().getRequiredProperty("local.server.port"));
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

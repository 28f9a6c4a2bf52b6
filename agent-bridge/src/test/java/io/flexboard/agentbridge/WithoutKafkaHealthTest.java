package io.flexboard.agentbridge;

import java.time.Duration;

import io.flexboard.agentbridge.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A bridge whose broker is unreachable: /health answers 503 with {@code kafka} DOWN within the
 * health timeout, while readiness stays 200 (syncs are still answered from the database). Closed
 * afterwards: a second bridge listening on the test database must not outlive this class.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=127.0.0.1:1",
        "flexboard.health.timeout=1s",
        "flexboard.instance-id=bridge-without-kafka"})
class WithoutKafkaHealthTest {

    private WebTestClient client;

    @LocalServerPort
    void client(int port) {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(15)).build();
    }

    @DynamicPropertySource
    static void testDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.ensureCreated();
        registry.add("spring.r2dbc.url", TestDatabase::r2dbcUrl);
        registry.add("spring.r2dbc.username", TestDatabase::user);
    }

    @Test
    void givenAnUnreachableBroker_whenProbed_thenHealthIsDownWithTheKafkaCheckButTheBridgeStaysReadyAndAlive() {
        client.get().uri("/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.kafka.status").isEqualTo("DOWN")
                .jsonPath("$.components.kafka.details.error").exists()
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP");
        client.get().uri("/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/health/liveness").exchange().expectStatus().isOk();
    }
}

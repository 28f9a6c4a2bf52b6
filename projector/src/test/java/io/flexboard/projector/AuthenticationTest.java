package io.flexboard.projector;

import io.flexboard.schemas.wire.Topics;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

/**
 * Who reaches the projector's ops API (issue 11, scenario 1). This context has no admin token, so the
 * ops API refuses every caller; every spelling of its path answers 401 (404 where no route matches)
 * and starts no rebuild.
 */
@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestPropertySource(properties = "flexboard.admin-token=") // the base class configures one; this context has none
class AuthenticationTest extends ProjectorIntegrationTest {

    private static final String PROBLEMS = "https://flexboard.io/problems/";

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1} without a token answers {2}")
    @CsvSource({
            "POST, /%61pi/ops/rebuilds, 401",
            "POST, /api;x/ops/rebuilds, 401",
            "GET, /%61pi/ops/rebuilds, 401",
            "POST, //api/ops/rebuilds, 404",
            "POST, /API/ops/rebuilds, 404",
            "POST, /api/ops/nothing-here, 404"})
    void a_spelling_of_the_ops_path_without_a_token_starts_no_rebuild(String method, String path, int status) {
        http.method(HttpMethod.valueOf(method)).uri(URI.create("http://localhost:" + port + path))
                .header("X-Consistency-Token", "6f1d1a3e-8a51-4f44-9d7e-2b0c3e5a9f10:99")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.id").doesNotExist();
    }

    @Test
    void without_a_configured_admin_token_every_bearer_is_refused() {
        http.get().uri("/api/ops/rebuilds").header("Authorization", "Bearer ").exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/api/ops/rebuilds").header("Authorization", "Bearer anything").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized")
                .jsonPath("$.detail").isEqualTo(
                        "This service has no flexboard.admin-token (FLEXBOARD_ADMIN_TOKEN): its API is closed");
    }

    @Test
    void probes_and_scrapes_with_a_consistency_token_answer_at_once() {
        http.get().uri("/health/liveness").header("X-Consistency-Token", "6f1d1a3e-8a51-4f44-9d7e-2b0c3e5a9f10:99")
                .exchange().expectStatus().isOk();
        http.get().uri("/metrics").header("X-Consistency-Token", "6f1d1a3e-8a51-4f44-9d7e-2b0c3e5a9f10:99")
                .exchange().expectStatus().isOk();
    }
}

package io.flexboard.agentbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flexboard.agentbridge.apikey.ApiKeyCache;
import io.flexboard.agentbridge.config.AgentBridgeSettings;
import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/**
 * Who reaches the sync: a spelling of the path no route or authorization rule expects answers without
 * reaching the handler (no sync report, no answer); an unknown key is refused at once whatever it sends.
 * A wait would answer 503 consistency-timeout after 5 s (the token below is never reached), so a 401 or
 * 200 shows nothing waited.
 */
class AuthenticationTest extends AgentBridgeIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient db;
    @Autowired
    AgentBridgeSettings properties;

    @ParameterizedTest(name = "{0} {1} without a key answers {2}")
    @CsvSource({
            "POST, /%61pi/agent/sync, 401",
            "POST, /api;x/agent/sync, 401",
            "POST, /api/agent/sync;x, 401",
            "POST, //api/agent/sync, 404",
            "POST, /API/agent/sync, 404",
            "POST, /api/agent/sync/, 404",
            "POST, /api/nothing-here, 404"})
    void a_spelling_of_the_sync_path_without_a_key_never_reaches_the_sync(String method, String path, int status) {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);

        client.method(HttpMethod.valueOf(method)).uri(URI.create("http://localhost:" + port + path))
                .header("X-Consistency-Token", tenant + ":99")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tenant_id\": \"" + tenant + "\"}")
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.success").isEqualTo(false);
    }

    @Test
    void an_unknown_key_with_a_consistency_token_is_refused_at_once() {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);

        client.post().uri("/api/agent/sync")
                .header(HttpHeaders.AUTHORIZATION, "Bearer fbk_never-issued")
                .header("X-Consistency-Token", tenant + ":99")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tenant_id\": \"" + tenant + "\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized")
                .jsonPath("$.detail").isEqualTo("The API key is not valid");
    }

    @Test
    void no_key_with_a_consistency_token_is_refused_at_once() {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);

        client.post().uri("/api/agent/sync")
                .header("X-Consistency-Token", tenant + ":99")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tenant_id\": \"" + tenant + "\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("A tenant API key is required as bearer token");
    }

    @Test
    void a_route_that_does_not_exist_answers_404_authenticated_too() {
        given.tenantWithPublishedVersion(1, ACME_KEY);

        client.get().uri("/api/agent/nothing-here").header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_KEY)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
    }

    @Test
    void health_with_a_consistency_token_and_a_wrong_key_answers_at_once() {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);

        client.get().uri("/health")
                .header(HttpHeaders.AUTHORIZATION, "Bearer fbk_never-issued")
                .header("X-Consistency-Token", tenant + ":99")
                .exchange()
                .expectStatus().isOk();
        client.get().uri("/metrics").header("X-Consistency-Token", tenant + ":99").exchange()
                .expectStatus().isOk();
    }

    @Test
    void an_unknown_key_is_remembered_as_a_miss_until_its_time_is_over() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);
        String freshKey = "fbk_issued-just-after-a-first-try";
        ApiKeyCache rememberingLong = new ApiKeyCache(db, withMissTtl(Duration.ofHours(1)));
        ApiKeyCache rememberingBriefly = new ApiKeyCache(db, withMissTtl(Duration.ofMillis(200)));
        StepVerifier.create(rememberingLong.tenantOf(ApiKeyCache.hash(freshKey))).verifyComplete();
        StepVerifier.create(rememberingBriefly.tenantOf(ApiKeyCache.hash(freshKey))).verifyComplete();

        given.apiKeyProjected(tenant, freshKey);

        // Within the miss time the key is not read again: a flood of wrong keys costs no database reads.
        StepVerifier.create(rememberingLong.tenantOf(ApiKeyCache.hash(freshKey))).verifyComplete();
        // After it, a retry reads the key the projector has written meanwhile.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                StepVerifier.create(rememberingBriefly.tenantOf(ApiKeyCache.hash(freshKey))).expectNext(tenant).verifyComplete());
    }

    private AgentBridgeSettings withMissTtl(Duration missTtl) {
        return new AgentBridgeSettings(properties.instanceId(), properties.sync(),
                new AgentBridgeSettings.ApiKeyCache(Duration.ZERO, missTtl), properties.syncReports());
    }
}

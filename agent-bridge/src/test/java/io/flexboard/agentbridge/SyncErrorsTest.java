package io.flexboard.agentbridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

class SyncErrorsTest extends AgentBridgeIntegrationTest {

    @Test
    void givenNoApiKey_whenSyncing_thenUnauthorizedProblemWithBearerChallenge() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        client.post().uri("/api/agent/sync").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tenant_id\": \"" + tenant + "\"}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.instance").isEqualTo("/api/agent/sync")
                // the spec's agent contract: success false and an error string
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error").isNotEmpty();
    }

    @Test
    void givenAnUnknownApiKey_whenSyncing_thenUnauthorizedProblem() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        sync("fbk_not_a_key", "{\"tenant_id\": \"" + tenant + "\"}")
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized");
    }

    @Test
    void givenTheKeyOfAnotherTenant_whenSyncing_thenForbiddenProblem() {
        UUID acme = given.tenantWithPublishedVersion(2, ACME_KEY);
        given.tenantWithApiKey(GLOBEX_KEY);

        sync(GLOBEX_KEY, "{\"tenant_id\": \"" + acme + "\"}")
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden")
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.metadata").doesNotExist();
    }

    @Test
    void givenABodyThatIsNotJson_whenSyncing_thenMalformedRequestProblem() {
        given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": ")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request")
                .jsonPath("$.errors").doesNotExist();
    }

    @Test
    void givenCurrentVersionOfTheWrongJsonType_whenSyncing_thenMalformedRequestNamingIt() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": \"five\"}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("current_version"));
    }

    @Test
    void givenNoTenantId_whenSyncing_thenValidationFailedNamingTenantId() {
        given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"current_version\": 1}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "validation-failed")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("tenant_id")
                .jsonPath("$.errors[0].message").isNotEmpty();
    }

    @Test
    void givenANegativeCurrentVersionAndABadTenantId_whenSyncing_thenValidationFailedNamingBoth() {
        given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"acme\", \"current_version\": -1}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("tenant_id")
                .jsonPath("$.errors[1].field").isEqualTo("current_version");
    }

    @Test
    void givenABodyOverTheLimit_whenSyncing_thenPayloadTooLargeProblem() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"agent_version\": \"" + "x".repeat(256 * 1024) + "\"}")
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "payload-too-large")
                .jsonPath("$.status").isEqualTo(413);
    }

    @Test
    void givenAChunkedBodyOverTheLimit_whenSyncing_thenPayloadTooLargeProblem() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);
        String json = "{\"tenant_id\": \"" + tenant + "\", \"agent_version\": \"" + "x".repeat(300 * 1024) + "\"}";
        // A Flux body goes out chunked, without Content-Length: only the codec limit can catch it.
        Flux<DataBuffer> chunks = Flux.range(0, json.length() / 8192 + 1)
                .map(i -> json.substring(i * 8192, Math.min(json.length(), (i + 1) * 8192)))
                .map(part -> DefaultDataBufferFactory.sharedInstance.wrap(part.getBytes(StandardCharsets.UTF_8)));

        client.post().uri("/api/agent/sync")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "payload-too-large");
    }

    @Test
    void givenAPlainTextBody_whenSyncing_thenUnsupportedMediaTypeProblem() {
        given.tenantWithApiKey(ACME_KEY);

        client.post().uri("/api/agent/sync")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_KEY)
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("tenant please")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unsupported-media-type");
    }

    @Test
    void givenAValidKey_whenAnUnknownRouteOrWrongMethodIsUsed_thenNotFoundAndMethodNotAllowedProblems() {
        given.tenantWithApiKey(ACME_KEY);

        client.get().uri("/api/agent/elsewhere").header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_KEY).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
        client.get().uri("/api/agent/sync").header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_KEY).exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().exists(HttpHeaders.ALLOW)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "method-not-allowed");
    }

    @Test
    void givenACorrelationId_whenSyncFails_thenItIsEchoed() {
        client.post().uri("/api/agent/sync").header("X-Correlation-Id", "agent-7-sync-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Correlation-Id", "agent-7-sync-1");
    }

    @Test
    void givenNoKey_whenHealthIsProbed_thenItAnswersUp() {
        client.get().uri("/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/health/readiness").exchange().expectStatus().isOk();
    }
}

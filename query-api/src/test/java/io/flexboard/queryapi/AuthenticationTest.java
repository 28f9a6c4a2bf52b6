package io.flexboard.queryapi;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Who reaches query-api's reads (issue 11, scenarios 1 and 4): a spelling of a path the handlers would
 * route answers 401 without a token, one they would not route 404, and nobody unauthenticated waits. The
 * consistency token below is never reached: a request that waited would answer 503 after 5 s, so a 401
 * or 200 shows nothing waited.
 */
class AuthenticationTest extends QueryApiIntegrationTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1} without a token answers {2}")
    @CsvSource({
            "GET, /%61pi/tenants, 401",
            "GET, /api;x/tenants, 401",
            "GET, /api/tenants;x, 401",
            "GET, /api/%74enants, 401",
            "POST, /%61pi/tenants, 401",
            "GET, //api/tenants, 404",
            "GET, /API/tenants, 404",
            "GET, /api/tenants/, 404",
            "GET, /api/nothing-here, 404",
            "GET, /ops/nothing-here.html, 404"})
    void a_spelling_of_a_read_path_without_a_token_lists_no_tenant(String method, String path, int status) {
        UUID tenant = given.tenant("acme");

        anonymous().method(HttpMethod.valueOf(method)).uri(URI.create("http://localhost:" + port + path))
                .header("X-Consistency-Token", tenant + ":99")
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.slug").doesNotExist();
    }

    @Test
    void an_unauthenticated_read_gets_401_with_www_authenticate_bearer() {
        anonymous().get().uri("/api/tenants").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized");
    }

    @Test
    void a_wrong_token_with_a_consistency_token_is_refused_at_once() {
        UUID tenant = given.tenant("acme");

        anonymous().get().uri("/api/tenants/{id}", tenant)
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-the-admin-token")
                .header("X-Consistency-Token", tenant + ":99")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("The bearer token is not valid");
    }

    @Test
    void a_route_that_does_not_exist_answers_404_authenticated_and_does_not_wait() {
        UUID tenant = given.tenant("acme");

        builder().get().uri("/api/nothing-here").header("X-Consistency-Token", tenant + ":99").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
    }

    @Test
    void health_and_metrics_with_a_consistency_token_answer_at_once() {
        UUID tenant = given.tenant("acme");

        anonymous().get().uri("/health").header("X-Consistency-Token", tenant + ":99").exchange()
                .expectStatus().is2xxSuccessful();
        anonymous().get().uri("/metrics").header("X-Consistency-Token", tenant + ":99").exchange()
                .expectStatus().isOk();
    }

    @Test
    void the_ops_lag_report_ignores_a_consistency_token() {
        UUID tenant = given.tenant("acme");

        builder().get().uri("/api/ops/lag").header("X-Consistency-Token", tenant + ":99").exchange()
                .expectStatus().isOk();
    }
}

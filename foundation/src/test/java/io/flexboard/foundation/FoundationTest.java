package io.flexboard.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The foundation in a tiny WebFlux service: who gets in, who waits, and the one problem shape. */
@SpringBootTest(classes = TinyService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class FoundationTest {

    private static final String ADMIN = "Bearer tiny-admin-token";
    private static final String TOKEN_NEVER_REACHED = "0b5b7a36-3c2f-4bd0-8d4e-7c1f5b9a2e44:1";

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @BeforeEach
    void countFromZero() {
        TinyService.HANDLED.set(0);
        TinyService.POSITION_READS.set(0);
    }

    /** The raw path goes on the wire as written: no client-side encoding or normalising. */
    private WebTestClient.RequestBodySpec raw(HttpMethod method, String path) {
        return http.method(method).uri(URI.create("http://127.0.0.1:" + port + path));
    }

    @ParameterizedTest(name = "{0} {1} without a token answers {2} and reaches no handler")
    @CsvSource({
            "POST, /%61pi/tenants, 401",
            "POST, /api;x/tenants, 401",
            "POST, /api/tenants;x, 401",
            "POST, /api%3Bx/tenants, 404",
            "GET, /%61pi/tenants, 401",
            "GET, /api/%74enants, 401",
            "POST, //api/tenants, 404",
            "POST, /API/tenants, 404",
            "POST, /api/tenants/, 404",
            "POST, /api/./tenants, 404",
            // /health/{*path} is a route (health groups): Spring Security's firewall refuses the dot segments.
            "POST, /health/../api/tenants, 400",
            "GET, /%68ealth/../api/tenants, 400",
            "GET, /health/%2e%2e/api/tenants, 400"})
    void a_bypass_of_the_authentication_answers_without_touching_the_handler(String method, String path, int status) {
        raw(HttpMethod.valueOf(method), path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "acme"))
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(TinyService.HANDLED).hasValue(0);
    }

    @Test
    void an_unauthenticated_request_gets_401_problem_with_www_authenticate_bearer() {
        http.get().uri("/api/tenants").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://flexboard.io/problems/unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("A bearer token is required")
                .jsonPath("$.instance").isEqualTo("/api/tenants");
    }

    @Test
    void a_wrong_token_gets_401_naming_the_token_as_invalid() {
        http.get().uri("/api/tenants").header(HttpHeaders.AUTHORIZATION, "Bearer tiny-admin-tokem").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.detail").isEqualTo("The bearer token is not valid");
        assertThat(TinyService.HANDLED).hasValue(0);
    }

    @Test
    void another_scheme_than_bearer_is_no_credential() {
        http.get().uri("/api/tenants").header(HttpHeaders.AUTHORIZATION, "Basic dGlueTphZG1pbg==").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("A bearer token is required");
    }

    @Test
    void the_admin_token_reaches_the_handler_as_the_admin_actor() {
        raw(HttpMethod.POST, "/%61pi/tenants").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "acme"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.actor").isEqualTo("admin");
        assertThat(TinyService.HANDLED).hasValue(1);
    }

    @Test
    void a_route_that_does_not_exist_answers_404_unauthenticated() {
        http.get().uri("/api/nothing-here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://flexboard.io/problems/not-found");
    }

    @Test
    void a_route_that_does_not_exist_answers_404_authenticated_and_never_waits() {
        http.get().uri("/api/nothing-here").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .header("X-Consistency-Token", TOKEN_NEVER_REACHED).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://flexboard.io/problems/not-found");
        assertThat(TinyService.POSITION_READS).hasValue(0);
    }

    @Test
    void an_unauthenticated_request_with_a_consistency_token_is_refused_without_waiting() {
        // The read side never reaches this token: a request that waited would answer 503 after 30 s.
        http.get().uri("/api/tenants").header("X-Consistency-Token", TOKEN_NEVER_REACHED).exchange()
                .expectStatus().isUnauthorized();
        assertThat(TinyService.POSITION_READS).hasValue(0);
        assertThat(TinyService.HANDLED).hasValue(0);
    }

    @Test
    void a_wrong_token_with_a_consistency_token_is_refused_without_waiting() {
        http.get().uri("/api/tenants").header(HttpHeaders.AUTHORIZATION, "Bearer guess")
                .header("X-Consistency-Token", TOKEN_NEVER_REACHED).exchange()
                .expectStatus().isUnauthorized();
        assertThat(TinyService.POSITION_READS).hasValue(0);
    }

    @Test
    void health_with_a_consistency_token_answers_without_waiting() {
        http.get().uri("/health").header("X-Consistency-Token", TOKEN_NEVER_REACHED).exchange()
                .expectStatus().isOk();
        assertThat(TinyService.POSITION_READS).hasValue(0);
    }

    @Test
    void metrics_with_a_consistency_token_answer_without_a_token_or_a_wait() {
        http.get().uri("/metrics").header("X-Consistency-Token", TOKEN_NEVER_REACHED).exchange()
                .expectStatus().isOk();
        assertThat(TinyService.POSITION_READS).hasValue(0);
    }

    @Test
    void a_route_that_does_not_declare_read_your_writes_ignores_the_consistency_token() {
        http.get().uri("/api/ops/lag").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .header("X-Consistency-Token", TOKEN_NEVER_REACHED).exchange()
                .expectStatus().isOk();
        assertThat(TinyService.POSITION_READS).hasValue(0);
    }

    @Test
    void a_read_that_declares_read_your_writes_waits_for_the_read_side_after_authentication() {
        http.get().uri("/api/tenants").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .header("X-Consistency-Token", TinyService.PROJECTED_TENANT + ":7").exchange()
                .expectStatus().isOk();
        assertThat(TinyService.POSITION_READS).hasPositiveValue();
        assertThat(TinyService.HANDLED).hasValue(1);
    }

    @Test
    void a_malformed_consistency_token_is_a_400_naming_the_header() {
        http.get().uri("/api/tenants").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .header("X-Consistency-Token", "not-a-token").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://flexboard.io/problems/malformed-request")
                .jsonPath("$.errors[0].field").isEqualTo("X-Consistency-Token");
        assertThat(TinyService.HANDLED).hasValue(0);
    }

    @Test
    void a_declared_too_large_body_is_413_before_authentication() {
        http.post().uri("/api/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "x".repeat(2_000)))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("https://flexboard.io/problems/payload-too-large");
        assertThat(TinyService.HANDLED).hasValue(0);
    }

    @Test
    void a_body_of_the_wrong_json_type_names_its_path() {
        http.post().uri("/api/tenants").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("[1, 2]")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://flexboard.io/problems/malformed-request");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\": 12, \"count\": 1}        | name",
            "{\"name\": true, \"count\": 1}      | name",
            "{\"name\": \"a\", \"count\": 1.5} | count",
            "{\"name\": \"a\", \"count\": \"3\"} | count"})
    void a_scalar_of_the_wrong_json_type_is_not_converted_but_refused_naming_the_field(String body, String field) {
        http.post().uri("/api/counters").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://flexboard.io/problems/malformed-request")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("'" + field + "'"));
        assertThat(TinyService.HANDLED).hasValue(0);
    }

    @Test
    void a_scalar_of_the_right_json_type_reaches_the_handler() {
        http.post().uri("/api/counters").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": \"a\", \"count\": 3}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.count").isEqualTo(3);
    }

    @Test
    void a_service_exception_becomes_its_problem_through_the_translator() {
        http.post().uri("/api/tenants").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "taken"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://flexboard.io/problems/conflict")
                .jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void a_wrong_method_on_an_existing_route_needs_authentication_first() {
        http.delete().uri("/api/tenants").exchange().expectStatus().isUnauthorized();
        http.delete().uri("/api/tenants").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void every_answer_carries_a_correlation_id() {
        http.get().uri("/api/nothing-here").header("X-Correlation-Id", "trace-42").exchange()
                .expectHeader().valueEquals("X-Correlation-Id", "trace-42");
    }
}

package io.flexboard.queryapi;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class WebErrorsTest extends QueryApiIntegrationTest {

    /** A route that fails the way a bug would, to see what a 500 looks like. */
    @TestConfiguration
    static class FailingRoute {
        @RestController // picked up as a nested component of the @TestConfiguration
        static class Boom {
            @GetMapping("/api/test/boom")
            Mono<String> boom() {
                return Mono.error(new IllegalStateException("secret internals"));
            }
        }
    }

    @Test
    void given_a_bug_when_it_fails_then_internal_error_problem_without_internals() {
        builder().get().uri("/api/test/boom").exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "internal-error")
                .jsonPath("$.status").isEqualTo(500)
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .doesNotContain("secret"));
    }

    @Test
    void given_a_malformed_path_id_when_called_then_the_problem_names_the_parameter() {
        builder().get().uri("/api/tenants/xyz").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Invalid value for 'tenantId'");
    }

    @Test
    void given_an_unknown_route_when_called_then_not_found_problem() {
        builder().get().uri("/api/nothing-here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
    }

    @Test
    void given_a_read_only_route_when_posted_then_method_not_allowed_problem() {
        builder().post().uri("/api/tenants").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "method-not-allowed")
                .jsonPath("$.status").isEqualTo(405);
    }

    @Test
    void given_a_body_over_the_limit_when_sent_then_payload_too_large_problem() {
        byte[] body = new byte[256 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');

        builder().post().uri("/api/tenants").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "payload-too-large")
                .jsonPath("$.status").isEqualTo(413);
    }

    @Test
    void given_a_correlation_id_when_called_then_it_is_echoed_even_on_errors() {
        anonymous().get().uri("/api/tenants").header("X-Correlation-Id", "trace-42").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Correlation-Id", "trace-42");
    }

    @Test
    void given_no_correlation_id_when_called_then_one_is_generated() {
        builder().get().uri("/api/tenants").exchange()
                .expectStatus().isOk()
                .expectHeader().value("X-Correlation-Id", id -> org.assertj.core.api.Assertions.assertThat(id).isNotBlank());
    }

    @Test
    void given_no_token_when_health_is_probed_then_it_answers_up() {
        anonymous().get().uri("/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        anonymous().get().uri("/health/readiness").exchange().expectStatus().isOk();
        anonymous().get().uri("/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void given_no_authorization_scheme_when_called_then_unauthorized() {
        anonymous().get().uri("/api/tenants").header(HttpHeaders.AUTHORIZATION, ADMIN_TOKEN).exchange()
                .expectStatus().isUnauthorized();
    }
}

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
    void givenABug_whenItFails_thenInternalErrorProblemWithoutInternals() {
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
    void givenAMalformedPathId_whenCalled_thenTheProblemNamesTheParameter() {
        builder().get().uri("/api/tenants/xyz").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Invalid value for 'tenantId'");
    }

    @Test
    void givenAnUnknownRoute_whenCalled_thenNotFoundProblem() {
        builder().get().uri("/api/nothing-here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
    }

    @Test
    void givenAReadOnlyRoute_whenPosted_thenMethodNotAllowedProblem() {
        builder().post().uri("/api/tenants").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "method-not-allowed")
                .jsonPath("$.status").isEqualTo(405);
    }

    @Test
    void givenABodyOverTheLimit_whenSent_thenPayloadTooLargeProblem() {
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
    void givenACorrelationId_whenCalled_thenItIsEchoedEvenOnErrors() {
        anonymous().get().uri("/api/tenants").header("X-Correlation-Id", "trace-42").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Correlation-Id", "trace-42");
    }

    @Test
    void givenNoCorrelationId_whenCalled_thenOneIsGenerated() {
        builder().get().uri("/api/tenants").exchange()
                .expectStatus().isOk()
                .expectHeader().value("X-Correlation-Id", id -> org.assertj.core.api.Assertions.assertThat(id).isNotBlank());
    }

    @Test
    void givenNoToken_whenHealthIsProbed_thenItAnswersUp() {
        anonymous().get().uri("/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        anonymous().get().uri("/health/readiness").exchange().expectStatus().isOk();
        anonymous().get().uri("/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void givenNoAuthorizationScheme_whenCalled_thenUnauthorized() {
        anonymous().get().uri("/api/tenants").header(HttpHeaders.AUTHORIZATION, ADMIN_TOKEN).exchange()
                .expectStatus().isUnauthorized();
    }
}

package io.flexboard.queryapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

class ConsistencyTokenTest extends QueryApiIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void givenTheReadSideAlreadyAtTheToken_whenRead_thenAnswersAtOnce() {
        UUID tenant = given.tenant("acme");
        given.projectedUpTo(tenant, 4);

        builder().get().uri("/api/tenants/{id}", tenant).header("X-Consistency-Token", tenant + ":4").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.slug").isEqualTo("acme");
    }

    @Test
    void givenTheReadSideBehindTheToken_whenRead_thenWaitsUntilTheProjectorCatchesUp() throws Exception {
        UUID tenant = given.tenant("acme");
        given.projectedUpTo(tenant, 3);

        CompletableFuture<ResponseEntity<String>> response = WebClient.create("http://localhost:" + port)
                .get().uri("/api/tenants/{id}", tenant)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .header("X-Consistency-Token", tenant + ":5")
                .retrieve().toEntity(String.class).toFuture();

        assertThatThrownBy(() -> response.get(400, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        given.projectedUpTo(tenant, 5);

        ResponseEntity<String> answer = response.get(5, TimeUnit.SECONDS);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).contains("\"slug\":\"acme\"");
    }

    @Test
    void givenAMalformedToken_whenRead_thenMalformedRequestProblem() {
        builder().get().uri("/api/tenants").header("X-Consistency-Token", "acme:five").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("X-Consistency-Token"));
    }
}

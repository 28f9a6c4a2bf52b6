package io.flexboard.queryapi;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "flexboard.consistency.max-wait=300ms")
class ConsistencyTimeoutTest extends QueryApiIntegrationTest {

    @Test
    void givenTheReadSideNeverReachesTheToken_whenRead_thenConsistencyTimeoutWithRetryAfter() {
        UUID tenant = given.tenant("acme");
        given.projectedUpTo(tenant, 1);

        builder().get().uri("/api/tenants/{id}", tenant).header("X-Consistency-Token", tenant + ":2").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "consistency-timeout")
                .jsonPath("$.status").isEqualTo(503);
    }

    @Test
    void givenATenantWithoutAnyPosition_whenReadWithToken_thenConsistencyTimeout() {
        UUID tenant = given.tenant("acme");

        builder().get().uri("/api/tenants/{id}", tenant).header("X-Consistency-Token", tenant + ":0").exchange()
                .expectStatus().isEqualTo(503);
    }
}

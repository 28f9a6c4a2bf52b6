package io.flexboard.queryapi;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "flexboard.consistency.max-wait=300ms")
class ConsistencyTimeoutTest extends QueryApiIntegrationTest {

    @Test
    void given_the_read_side_never_reaches_the_token_when_read_then_consistency_timeout_with_retry_after() {
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
    void given_a_tenant_without_any_position_when_read_with_token_then_consistency_timeout() {
        UUID tenant = given.tenant("acme");

        builder().get().uri("/api/tenants/{id}", tenant).header("X-Consistency-Token", tenant + ":0").exchange()
                .expectStatus().isEqualTo(503);
    }
}

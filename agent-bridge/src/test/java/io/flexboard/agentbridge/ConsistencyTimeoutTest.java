package io.flexboard.agentbridge;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "flexboard.consistency.max-wait=300ms")
class ConsistencyTimeoutTest extends AgentBridgeIntegrationTest {

    @Test
    void given_the_read_side_never_reaches_the_token_when_syncing_then_consistency_timeout_with_retry_after() {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);
        given.projectedUpTo(tenant, 3);

        client.post().uri("/api/agent/sync")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_KEY)
                .header("X-Consistency-Token", tenant + ":4")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tenant_id\": \"" + tenant + "\"}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "consistency-timeout")
                .jsonPath("$.status").isEqualTo(503);
    }
}

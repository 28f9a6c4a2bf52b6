package io.flexboard.agentbridge;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {
        "flexboard.sync.rate-limit.capacity=3",
        "flexboard.sync.rate-limit.refill=1",
        "flexboard.sync.rate-limit.refill-period=1m"})
class RateLimitTest extends AgentBridgeIntegrationTest {

    @Test
    void givenAKeyThatUsedItsBurst_whenItSyncsOnceMore_thenRateLimitedWithRetryAfterWhileOtherKeysGoOn() {
        UUID acme = given.tenantWithPublishedVersion(1, ACME_KEY);
        UUID globex = given.tenantWithPublishedVersion(1, GLOBEX_KEY);
        String body = "{\"tenant_id\": \"" + acme + "\", \"current_version\": 1}";
        for (int i = 0; i < 3; i++) {
            sync(ACME_KEY, body).expectStatus().isOk();
        }

        sync(ACME_KEY, body)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", retryAfter ->
                        org.assertj.core.api.Assertions.assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L))
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "rate-limited")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error").isNotEmpty();
        sync(GLOBEX_KEY, "{\"tenant_id\": \"" + globex + "\", \"current_version\": 1}").expectStatus().isOk();
    }
}

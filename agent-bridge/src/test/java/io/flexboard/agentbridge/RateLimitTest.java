package io.flexboard.agentbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The budgets per agent id, per key for agents without id, and per key before the body is read; tiny here. */
@TestPropertySource(properties = {
        "flexboard.sync.rate-limit.agent.capacity=3",
        "flexboard.sync.rate-limit.agent.refill=1",
        "flexboard.sync.rate-limit.agent.refill-period=1m",
        "flexboard.sync.rate-limit.anonymous.capacity=3",
        "flexboard.sync.rate-limit.anonymous.refill=1",
        "flexboard.sync.rate-limit.anonymous.refill-period=1m",
        "flexboard.sync.rate-limit.key.capacity=20",
        "flexboard.sync.rate-limit.key.refill=1",
        "flexboard.sync.rate-limit.key.refill-period=1m"})
class RateLimitTest extends AgentBridgeIntegrationTest {

    // Buckets outlive a test (they live in the shared context): each test spends its own keys' budgets.
    private final String acmeKey = "fbk_acme_" + UUID.randomUUID();
    private final String globexKey = "fbk_globex_" + UUID.randomUUID();

    @Test
    void given_an_agent_that_used_its_budget_when_it_syncs_once_more_then_rate_limited_with_retry_after_while_its_fleet_and_other_keys_go_on() {
        UUID acme = given.tenantWithPublishedVersion(1, acmeKey);
        UUID globex = given.tenantWithPublishedVersion(1, globexKey);
        for (int i = 0; i < 3; i++) {
            sync(acmeKey, agentSync(acme, "looping-agent")).expectStatus().isOk();
        }

        expectRateLimited(sync(acmeKey, agentSync(acme, "looping-agent")))
                .jsonPath("$.error").value(String.class, containsString("looping-agent"));
        sync(acmeKey, agentSync(acme, "well-behaved-agent")).expectStatus().isOk();
        sync(globexKey, agentSync(globex, "looping-agent")).expectStatus().isOk();
    }

    @Test
    void given_agents_without_id_that_used_the_keys_shared_budget_when_one_syncs_once_more_then_rate_limited_while_agents_with_id_go_on() {
        UUID acme = given.tenantWithPublishedVersion(1, acmeKey);
        String withoutId = "{\"tenant_id\": \"" + acme + "\", \"current_version\": 1}";
        for (int i = 0; i < 3; i++) {
            sync(acmeKey, withoutId).expectStatus().isOk();
        }

        expectRateLimited(sync(acmeKey, withoutId));
        sync(acmeKey, agentSync(acme, "agent-with-id")).expectStatus().isOk();
    }

    @Test
    void given_a_key_that_used_its_whole_budget_when_an_agent_of_it_syncs_even_with_an_unreadable_body_then_rate_limited_before_the_body_is_read() {
        UUID acme = given.tenantWithPublishedVersion(1, acmeKey);
        UUID globex = given.tenantWithPublishedVersion(1, globexKey);
        // Fresh agent ids each time: only the key's budget can run out.
        for (int i = 0; i < 20; i++) {
            sync(acmeKey, agentSync(acme, "agent-" + i)).expectStatus().isOk();
        }

        expectRateLimited(sync(acmeKey, agentSync(acme, "agent-20")));
        // Refused before parsing: a body that is not JSON gets the 429, not the 400 it would get otherwise.
        expectRateLimited(sync(acmeKey, "{not json"));
        sync(globexKey, agentSync(globex, "agent-0")).expectStatus().isOk();
    }

    private static String agentSync(UUID tenant, String agentId) {
        return "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 1, \"agent_id\": \"" + agentId + "\"}";
    }

    private static WebTestClient.BodyContentSpec expectRateLimited(WebTestClient.ResponseSpec response) {
        return response
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", retryAfter -> assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L))
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "rate-limited")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error").isNotEmpty();
    }
}

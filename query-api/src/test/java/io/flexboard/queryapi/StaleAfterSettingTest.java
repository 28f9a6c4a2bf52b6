package io.flexboard.queryapi;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "flexboard.sync-status.stale-after=1h")
class StaleAfterSettingTest extends QueryApiIntegrationTest {

    @Test
    void given_stale_after_of_an_hour_when_an_agent_was_seen_half_an_hour_ago_then_it_still_counts_everywhere() {
        UUID tenant = given.tenant("acme");
        given.agentSeen(tenant, "a", 0, Duration.ofMinutes(30));
        UUID silent = given.tenant("silent");
        given.agentSeen(silent, "a", 0, Duration.ofMinutes(90));

        builder().get().uri("/api/tenants/{id}/agents", tenant).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].state").isEqualTo("synced");
        builder().get().uri("/api/tenants/{id}/agents", silent).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].state").isEqualTo("stale");
        builder().get().uri("/api/sync-status").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].status").isEqualTo("synced")
                .jsonPath("$[1].status").isEqualTo("error");
        builder().get().uri("/api/overview").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.agents_seen_recently").isEqualTo(1)
                .jsonPath("$.sync_status.synced").isEqualTo(1)
                .jsonPath("$.sync_status.error").isEqualTo(1);
    }
}

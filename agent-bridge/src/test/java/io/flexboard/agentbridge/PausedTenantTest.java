package io.flexboard.agentbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A paused tenant's agents are refused with 403 tenant-paused, parked ones as soon as the pause is announced. */
class PausedTenantTest extends AgentBridgeIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeEach
    void bridgeListens() {
        awaitListening();
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 0);
    }

    @Test
    void given_a_paused_tenant_when_its_agent_syncs_then_tenant_paused_problem_with_the_specs_error_fields() {
        UUID tenant = given.tenantWithPublishedVersion(2, ACME_KEY);
        given.paused(tenant);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 1}")
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "tenant-paused")
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error").isEqualTo("tenant " + tenant + " is paused")
                .jsonPath("$.detail").isEqualTo("tenant " + tenant + " is paused")
                .jsonPath("$.metadata").doesNotExist();
        // counted, so the silent-agent alert knows its agents still call
        assertThat(meters.get("flexboard.agentbridge.paused.syncs").tag("tenant_id", tenant.toString()).counter().count())
                .isEqualTo(1);
    }

    @Test
    void given_a_paused_tenant_when_its_agent_long_polls_then_it_is_refused_at_once_not_parked() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(2, ACME_KEY);
        given.paused(tenant);
        double wakeUpsBefore = counted("flexboard.agentbridge.wakeups");
        double missedBefore = counted("flexboard.agentbridge.missed.publishes");

        ResponseEntity<String> response = syncLater(ACME_KEY, longPoll(tenant, 2, 5)).toFuture().get(20, TimeUnit.SECONDS);

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(body(response).get("type").asString()).isEqualTo(PROBLEMS + "tenant-paused");
        // neither woken nor found at a hold's end: it was never parked
        assertThat(counted("flexboard.agentbridge.wakeups")).isEqualTo(wakeUpsBefore);
        assertThat(counted("flexboard.agentbridge.missed.publishes")).isEqualTo(missedBefore);
    }

    @Test
    void given_agents_parked_on_the_published_version_when_the_tenant_is_paused_then_all_are_refused_at_once() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);
        double missedBefore = counted("flexboard.agentbridge.missed.publishes");
        List<CompletableFuture<ResponseEntity<String>>> agents = IntStream.range(0, 10)
                .mapToObj(agent -> syncLater(ACME_KEY, longPoll(tenant, 1, 5)).toFuture())
                .toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 10);

        given.paused(tenant);

        for (CompletableFuture<ResponseEntity<String>> agent : agents) {
            ResponseEntity<String> response = agent.get(20, TimeUnit.SECONDS);
            assertThat(response.getStatusCode().value()).isEqualTo(403);
            assertThat(body(response).get("type").asString()).isEqualTo(PROBLEMS + "tenant-paused");
        }
        // refused by the announcement, not by their hold's end
        assertThat(counted("flexboard.agentbridge.missed.publishes")).isEqualTo(missedBefore);
    }

    @Test
    void given_a_replica_that_missed_the_pause_when_the_hold_ends_then_the_parked_agent_is_refused() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);
        CompletableFuture<ResponseEntity<String>> agent = syncLater(ACME_KEY, longPoll(tenant, 1, 1)).toFuture();
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 1);

        given.pausedWithoutNotification(tenant);

        assertThat(agent.get(20, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void given_a_paused_tenant_when_it_is_activated_then_its_agent_syncs_as_before() {
        UUID tenant = given.tenantWithPublishedVersion(3, ACME_KEY);
        given.paused(tenant);
        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 3}").expectStatus().isForbidden();

        given.activated(tenant);

        // the activation's announcement dropped the cached refusal: the next sync is answered
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 2}")
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.success").isEqualTo(true)
                        .jsonPath("$.has_updates").isEqualTo(true)
                        .jsonPath("$.latest_version").isEqualTo(3));
    }

    @Test
    void given_a_paused_tenant_that_never_published_when_its_agent_syncs_then_it_is_refused_too() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);
        given.paused(tenant);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\"}")
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "tenant-paused");
    }

    private static JsonNode body(ResponseEntity<String> response) {
        return JSON.readTree(response.getBody());
    }
}

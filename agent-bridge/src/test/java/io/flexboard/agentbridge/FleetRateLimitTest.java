package io.flexboard.agentbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * A fleet of one tenant key under the production limits (application.yml's values, repeated here because
 * the base class lifts them): its ordinary long-polls are never refused.
 */
@TestPropertySource(properties = {
        "flexboard.sync.rate-limit.key.capacity=10000",
        "flexboard.sync.rate-limit.key.refill=10000",
        "flexboard.sync.rate-limit.key.refill-period=1m",
        "flexboard.sync.rate-limit.agent.capacity=10",
        "flexboard.sync.rate-limit.agent.refill=30",
        "flexboard.sync.rate-limit.agent.refill-period=1m",
        "flexboard.sync.rate-limit.anonymous.capacity=60",
        "flexboard.sync.rate-limit.anonymous.refill=60",
        "flexboard.sync.rate-limit.anonymous.refill-period=1m",
        "flexboard.sync.parking.max-per-key=3000",
        "flexboard.sync.parking.max-per-replica=12000",
        // Parking a thousand takes seconds on a loaded machine: the first hold must outlast it (a publish ends it).
        "flexboard.sync.max-wait=30s"})
class FleetRateLimitTest extends AgentBridgeIntegrationTest {

    private static final int FLEET = 1000;

    @BeforeEach
    void bridgeListens() {
        awaitListening();
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 0);
    }

    @Test
    void given_a_thousand_agents_of_one_key_parked_when_they_are_published_to_and_long_poll_again_twice_then_none_is_ever_refused() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);
        List<CompletableFuture<ResponseEntity<String>>> parked = fleetLongPolls(tenant, 1, 30);
        await().atMost(Duration.ofSeconds(60)).until(() -> parkedSyncs() == FLEET);

        given.published(tenant, 2);
        Map<Integer, Long> woken = statuses(parked);
        // Every agent re-polls at once on the new version: the hold (1 s) ends with "nothing new", twice.
        Map<Integer, Long> firstHold = statuses(fleetLongPolls(tenant, 2, 1));
        Map<Integer, Long> secondHold = statuses(fleetLongPolls(tenant, 2, 1));

        assertThat(woken).isEqualTo(Map.of(200, (long) FLEET));
        assertThat(firstHold).isEqualTo(Map.of(200, (long) FLEET));
        assertThat(secondHold).isEqualTo(Map.of(200, (long) FLEET));
    }

    private List<CompletableFuture<ResponseEntity<String>>> fleetLongPolls(UUID tenant, long currentVersion, long waitSeconds) {
        return IntStream.range(0, FLEET)
                .mapToObj(agent -> syncLater(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": " + currentVersion
                        + ", \"wait_seconds\": " + waitSeconds + ", \"agent_id\": \"fleet-agent-" + agent + "\"}").toFuture())
                .toList();
    }

    private static Map<Integer, Long> statuses(List<CompletableFuture<ResponseEntity<String>>> syncs) {
        CompletableFuture.allOf(syncs.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
        return syncs.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(answer -> answer.getStatusCode().value(), Collectors.counting()));
    }
}

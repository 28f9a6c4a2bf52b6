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
import org.springframework.http.ResponseEntity;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Long-polling against a real PostgreSQL publishing with pg_notify, as the projector does (hold cap 5 s in tests). */
class LongPollTest extends AgentBridgeIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeEach
    void bridgeListens() {
        awaitListening();
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 0);
    }

    @Test
    void given_hundred_agents_parked_when_the_tenant_publishes_then_all_get_the_new_version_with_metadata() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);
        double wakeUpsBefore = counted("flexboard.agentbridge.wakeups");
        List<CompletableFuture<ResponseEntity<String>>> agents = IntStream.range(0, 100)
                .mapToObj(agent -> syncLater(ACME_KEY, longPoll(tenant, 1, 5)).toFuture())
                .toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 100);

        given.published(tenant, 2);

        for (CompletableFuture<ResponseEntity<String>> agent : agents) {
            JsonNode answer = body(agent.get(20, TimeUnit.SECONDS));
            assertThat(answer.get("has_updates").asBoolean()).isTrue();
            assertThat(answer.get("latest_version").asLong()).isEqualTo(2);
            assertThat(answer.get("metadata").get("version").asLong()).isEqualTo(2);
        }
        // woken by the notification, not by their hold's end
        assertThat(counted("flexboard.agentbridge.wakeups") - wakeUpsBefore).isEqualTo(100);
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 0);
    }

    @Test
    void given_a_publish_right_after_each_park_when_repeated_many_times_then_no_wake_up_is_ever_lost() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);
        double missedBefore = counted("flexboard.agentbridge.missed.publishes");

        for (int version = 1; version <= 30; version++) {
            CompletableFuture<ResponseEntity<String>> agent = syncLater(ACME_KEY, longPoll(tenant, version, 5)).toFuture();
            given.published(tenant, version + 1); // races the request's check-and-park

            JsonNode answer = body(agent.get(20, TimeUnit.SECONDS));
            assertThat(answer.get("latest_version").asLong()).isEqualTo(version + 1);
            assertThat(answer.get("has_updates").asBoolean()).isTrue();
        }
        // every answer came from the check or a notification; none had to be repaired at hold end
        assertThat(counted("flexboard.agentbridge.missed.publishes")).isEqualTo(missedBefore);
    }

    @Test
    void given_a_replica_that_missed_the_notification_when_the_hold_ends_then_the_agent_gets_the_update_from_the_database() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);
        CompletableFuture<ResponseEntity<String>> agent = syncLater(ACME_KEY, longPoll(tenant, 1, 1)).toFuture();
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 1);

        given.publishedWithoutNotification(tenant, 2);

        JsonNode answer = body(agent.get(20, TimeUnit.SECONDS));
        assertThat(answer.get("has_updates").asBoolean()).isTrue();
        assertThat(answer.get("latest_version").asLong()).isEqualTo(2);
        assertThat(answer.get("metadata").get("version").asLong()).isEqualTo(2);
    }

    @Test
    void given_an_agent_ahead_of_the_latest_when_it_long_polls_then_it_gets_the_latest_at_once_without_parking() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(3, ACME_KEY);
        double wakeUpsBefore = counted("flexboard.agentbridge.wakeups");
        double missedBefore = counted("flexboard.agentbridge.missed.publishes");

        JsonNode answer = body(syncLater(ACME_KEY, longPoll(tenant, 7, 5)).toFuture().get(20, TimeUnit.SECONDS));

        assertThat(answer.get("has_updates").asBoolean()).isTrue();
        assertThat(answer.get("latest_version").asLong()).isEqualTo(3);
        assertThat(answer.get("metadata").get("version").asLong()).isEqualTo(3);
        assertThat(counted("flexboard.agentbridge.wakeups")).isEqualTo(wakeUpsBefore);
        assertThat(counted("flexboard.agentbridge.missed.publishes")).isEqualTo(missedBefore);
    }

    @Test
    void given_nothing_is_published_when_the_hold_expires_then_no_updates_with_the_latest_version() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(2, ACME_KEY);

        ResponseEntity<String> response = syncLater(ACME_KEY, longPoll(tenant, 2, 1)).toFuture().get(20, TimeUnit.SECONDS);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(body(response).toString()).isEqualTo("{\"success\":true,\"has_updates\":false,\"latest_version\":2}");
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 0);
    }

    @Test
    void given_wait_seconds_far_above_the_cap_when_nothing_is_published_then_answered_when_the_capped_hold_ends() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(2, ACME_KEY);

        // an hour asked, the test's 5 s cap applies: answered well within the 20 s we wait
        ResponseEntity<String> response = syncLater(ACME_KEY, longPoll(tenant, 2, 3600)).toFuture().get(20, TimeUnit.SECONDS);

        assertThat(body(response).get("has_updates").asBoolean()).isFalse();
        assertThat(body(response).get("latest_version").asLong()).isEqualTo(2);
    }

    @Test
    void given_the_key_of_another_tenant_when_long_polling_then_forbidden_without_parking() throws Exception {
        UUID acme = given.tenantWithPublishedVersion(2, ACME_KEY);
        given.tenantWithApiKey(GLOBEX_KEY);

        ResponseEntity<String> response = syncLater(GLOBEX_KEY, longPoll(acme, 2, 5)).toFuture().get(20, TimeUnit.SECONDS);

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(body(response).get("type").asString()).isEqualTo(PROBLEMS + "forbidden");
        assertThat(parkedSyncs()).isZero();
    }

    @Test
    void given_a_parked_agent_that_hangs_up_when_its_request_is_cancelled_then_its_waiter_is_gone() {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);
        Disposable agent = syncLater(ACME_KEY, longPoll(tenant, 1, 5)).subscribe();
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 1);

        agent.dispose();

        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 0);
    }

    @Test
    void given_an_old_agent_that_sends_only_the_spec_fields_when_it_syncs_then_it_is_answered_at_once_as_before() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(2, ACME_KEY);

        ResponseEntity<String> response = syncLater(ACME_KEY,
                "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 2, \"agent_version\": \"1.0.0\"}")
                .toFuture().get(20, TimeUnit.SECONDS);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(body(response).toString()).isEqualTo("{\"success\":true,\"has_updates\":false,\"latest_version\":2}");
        assertThat(parkedSyncs()).isZero();
    }

    private static JsonNode body(ResponseEntity<String> response) {
        return JSON.readTree(response.getBody());
    }
}

package io.flexboard.agentbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import reactor.core.Disposable;

/** The ceilings of parked syncs per key and per replica; tiny here. */
@TestPropertySource(properties = {
        "flexboard.sync.parking.max-per-key=2",
        "flexboard.sync.parking.max-per-replica=3",
        "flexboard.sync.parking.retry-after=7s"})
class ParkingCeilingTest extends AgentBridgeIntegrationTest {

    @BeforeEach
    void nothingParked() {
        awaitListening();
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 0);
    }

    @Test
    void given_a_key_at_its_ceiling_when_another_agent_of_it_would_park_then_refused_with_retry_after_while_agents_with_news_and_other_keys_are_served() throws Exception {
        UUID acme = given.tenantWithPublishedVersion(1, ACME_KEY);
        UUID globex = given.tenantWithPublishedVersion(1, GLOBEX_KEY);
        List<CompletableFuture<ResponseEntity<String>>> acmeParked = List.of(
                syncLater(ACME_KEY, longPoll(acme, 1, 5)).toFuture(), syncLater(ACME_KEY, longPoll(acme, 1, 5)).toFuture());
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 2);

        expectParkingRefused(longPoll(acme, 1, 5), ACME_KEY);
        // An agent that has news coming is answered at once: the ceiling only refuses waiting.
        sync(ACME_KEY, longPoll(acme, 0, 5)).expectStatus().isOk()
                .expectBody().jsonPath("$.has_updates").isEqualTo(true);
        CompletableFuture<ResponseEntity<String>> globexParked = syncLater(GLOBEX_KEY, longPoll(globex, 1, 5)).toFuture();
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 3);
        assertThat(acmeParked).noneMatch(CompletableFuture::isDone);
        assertThat(globexParked).isNotDone();
    }

    @Test
    void given_a_replica_at_its_ceiling_when_an_agent_of_any_key_would_park_then_refused_with_retry_after() {
        UUID acme = given.tenantWithPublishedVersion(1, ACME_KEY);
        UUID globex = given.tenantWithPublishedVersion(1, GLOBEX_KEY);
        syncLater(ACME_KEY, longPoll(acme, 1, 5)).subscribe();
        syncLater(ACME_KEY, longPoll(acme, 1, 5)).subscribe();
        syncLater(GLOBEX_KEY, longPoll(globex, 1, 5)).subscribe();
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 3);

        expectParkingRefused(longPoll(globex, 1, 5), GLOBEX_KEY);
    }

    @Test
    void given_parked_agents_that_hung_up_or_were_answered_when_others_of_the_key_long_poll_then_they_park_in_the_freed_places() throws Exception {
        UUID acme = given.tenantWithPublishedVersion(1, ACME_KEY);
        Disposable hungUp = syncLater(ACME_KEY, longPoll(acme, 1, 5)).subscribe();
        CompletableFuture<ResponseEntity<String>> answered = syncLater(ACME_KEY, longPoll(acme, 1, 5)).toFuture();
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 2);

        hungUp.dispose();
        given.published(acme, 2);
        assertThat(answered.get(20, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 0);

        syncLater(ACME_KEY, longPoll(acme, 2, 5)).subscribe();
        syncLater(ACME_KEY, longPoll(acme, 2, 5)).subscribe();
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 2);
    }

    private void expectParkingRefused(String body, String apiKey) {
        sync(apiKey, body)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "7")
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "rate-limited")
                .jsonPath("$.success").isEqualTo(false);
    }
}

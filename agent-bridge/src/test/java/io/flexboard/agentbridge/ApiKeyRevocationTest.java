package io.flexboard.agentbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flexboard.agentbridge.publish.PublishListener;
import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A revoked API key is refused by every replica as soon as the projector's notification arrives, and
 * the syncs parked with it are answered 401 at once. The second replica caches keys for ten minutes
 * and holds syncs for up to 55 s, so neither its cache nor a hold's end can explain what it does.
 */
class ApiKeyRevocationTest extends AgentBridgeIntegrationTest {

    private static final String PLANT_2_KEY = "fbk_acme_plant2_5555555555";

    /**
     * The key each test revokes, new per test: a replica remembers a revoked key's hash (past its cache
     * TTL), and the shared test context must not refuse the other test classes' ACME_KEY.
     */
    private final String revokedKey = "fbk_acme_revoked_" + UUID.randomUUID().toString().replace("-", "");

    @Autowired
    EmbeddedKafkaBroker broker;

    private ConfigurableApplicationContext secondReplica;
    private WebClient second;
    private MeterRegistry secondMeters;

    @BeforeEach
    void twoListeningReplicas() {
        secondReplica = startReplica(broker.getBrokersAsString(),
                "--flexboard.api-keys.cache-ttl=10m",
                "--flexboard.api-keys.miss-ttl=10m",
                "--flexboard.sync.max-wait=55s",
                "--flexboard.instance-id=second-replica");
        second = asyncClient(portOf(secondReplica));
        secondMeters = secondReplica.getBean(MeterRegistry.class);
        awaitListening();
        await().atMost(Duration.ofSeconds(20)).until(() -> secondReplica.getBean(PublishListener.class).isConnected());
    }

    @Test
    void given_syncs_parked_on_two_replicas_when_their_key_is_revoked_then_both_are_answered_401_and_the_other_keys_sync_stays_parked()
            throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(1, revokedKey);
        given.apiKeyProjected(tenant, PLANT_2_KEY);
        assertThat(status(syncLater(second, revokedKey, longPoll(tenant, 0, 0)))).as("cached by the second replica").isEqualTo(200);
        CompletableFuture<ResponseEntity<String>> onFirst = syncLater(revokedKey, longPoll(tenant, 1, 5)).toFuture();
        CompletableFuture<ResponseEntity<String>> onSecond = syncLater(second, revokedKey, longPoll(tenant, 1, 50)).toFuture();
        CompletableFuture<ResponseEntity<String>> plant2 = syncLater(second, PLANT_2_KEY, longPoll(tenant, 1, 50)).toFuture();
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 1 && secondParked() == 2);

        given.apiKeyRevoked(tenant, revokedKey);

        ResponseEntity<String> refusedHere = onFirst.get(20, TimeUnit.SECONDS);
        ResponseEntity<String> refusedThere = onSecond.get(20, TimeUnit.SECONDS);
        assertThat(refusedHere.getStatusCode().value()).isEqualTo(401);
        assertThat(refusedThere.getStatusCode().value()).isEqualTo(401);
        assertThat(refusedThere.getBody()).contains("\"type\":\"" + PROBLEMS + "unauthorized\"", "\"success\":false",
                "The API key was revoked");
        assertThat(plant2).as("another key of the tenant is not concerned").isNotDone();
        assertThat(secondParked()).isEqualTo(1);
    }

    @Test
    void given_a_revoked_key_when_it_is_replayed_on_either_replica_then_each_time_it_is_refused_401_and_the_tenants_other_key_works() {
        UUID tenant = given.tenantWithPublishedVersion(1, revokedKey);
        given.apiKeyProjected(tenant, PLANT_2_KEY);
        assertThat(status(syncLater(second, revokedKey, longPoll(tenant, 0, 0)))).isEqualTo(200);

        given.apiKeyRevoked(tenant, revokedKey);

        // The notification is asynchronous: the first refusal is awaited, every later replay must be refused too.
        await().atMost(Duration.ofSeconds(10)).until(() -> status(syncLater(second, revokedKey, longPoll(tenant, 0, 0))) == 401);
        for (int replay = 0; replay < 3; replay++) {
            assertThat(status(syncLater(second, revokedKey, longPoll(tenant, 0, 0)))).isEqualTo(401);
            assertThat(status(syncLater(revokedKey, longPoll(tenant, 0, 0)))).isEqualTo(401);
        }
        assertThat(status(syncLater(second, PLANT_2_KEY, longPoll(tenant, 0, 0)))).isEqualTo(200);
    }

    @Test
    void given_syncs_of_a_key_arriving_while_it_is_revoked_then_none_is_left_parked_and_none_is_answered_as_if_the_key_worked() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(1, revokedKey);
        assertThat(status(syncLater(second, revokedKey, longPoll(tenant, 0, 0)))).isEqualTo(200);

        List<CompletableFuture<ResponseEntity<String>>> racing = IntStream.range(0, 20)
                .mapToObj(agent -> syncLater(second, revokedKey, longPoll(tenant, 1, 50)).toFuture())
                .toList();
        given.apiKeyRevoked(tenant, revokedKey);
        List<CompletableFuture<ResponseEntity<String>>> late = IntStream.range(0, 5)
                .mapToObj(agent -> syncLater(second, revokedKey, longPoll(tenant, 1, 50)).toFuture())
                .toList();

        // Each was refused at authentication, or parked and then refused: a 200 would mean the hold ran out (50 s).
        for (CompletableFuture<ResponseEntity<String>> agent : concat(racing, late)) {
            assertThat(agent.get(30, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(401);
        }
        assertThat(secondParked()).isZero();
    }

    @Test
    void given_a_revocation_nobody_heard_when_the_listen_connection_comes_back_then_the_keys_parked_syncs_are_refused() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(1, revokedKey);
        CompletableFuture<ResponseEntity<String>> parked = syncLater(second, revokedKey, longPoll(tenant, 1, 50)).toFuture();
        await().atMost(Duration.ofSeconds(20)).until(() -> secondParked() == 1);

        given.apiKeyRevokedWithoutNotification(tenant, revokedKey);
        assertThat(given.listenConnectionsKilled()).isGreaterThanOrEqualTo(2);

        assertThat(parked.get(30, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void given_garbled_or_foreign_revocation_notifications_then_they_are_ignored_and_the_key_keeps_working() {
        UUID tenant = given.tenantWithPublishedVersion(1, revokedKey);
        assertThat(status(syncLater(second, revokedKey, longPoll(tenant, 0, 0)))).isEqualTo(200);

        given.revocationAnnounced("not a revocation");
        given.revocationAnnounced(tenant + ":" + "zz".repeat(32));
        given.revocationAnnounced(UUID.randomUUID() + ":" + "ab".repeat(32));
        // A publish sent after them arrives after them (one connection, in order): once it woke, they were handled.
        CompletableFuture<ResponseEntity<String>> parked = syncLater(second, revokedKey, longPoll(tenant, 1, 50)).toFuture();
        await().atMost(Duration.ofSeconds(20)).until(() -> secondParked() == 1);
        given.published(tenant, 2);

        assertThat(status(parked)).isEqualTo(200);
        assertThat(status(syncLater(second, revokedKey, longPoll(tenant, 2, 0)))).isEqualTo(200);
    }

    private double secondParked() {
        return secondMeters.get("flexboard.agentbridge.waiters").gauge().value();
    }

    private static int status(Mono<ResponseEntity<String>> sync) {
        return status(sync.toFuture());
    }

    private static int status(CompletableFuture<ResponseEntity<String>> sync) {
        try {
            return sync.get(30, TimeUnit.SECONDS).getStatusCode().value();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}

package io.flexboard.agentbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flexboard.agentbridge.publish.PublishListener;
import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Two bridge replicas on one database, as behind a load balancer: one publish wakes the agents of both. */
class ReplicasTest extends AgentBridgeIntegrationTest {

    @Autowired
    EmbeddedKafkaBroker broker;

    private ConfigurableApplicationContext secondReplica;

    @BeforeEach
    void startSecondReplica() {
        secondReplica = startReplica(broker.getBrokersAsString(),
                "--flexboard.api-keys.cache-ttl=0s",
                "--flexboard.sync.max-wait=5s",
                "--flexboard.instance-id=second-replica");
        awaitListening();
        await().atMost(Duration.ofSeconds(20)).until(() -> secondReplica.getBean(PublishListener.class).isConnected());
    }

    @Test
    void given_agents_parked_on_two_replicas_when_the_tenant_publishes_once_then_both_replicas_wake_their_agents() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);
        MeterRegistry secondMeters = secondReplica.getBean(MeterRegistry.class);
        int secondPort = portOf(secondReplica);
        double wakeUpsHere = counted("flexboard.agentbridge.wakeups");
        double wakeUpsThere = secondMeters.get("flexboard.agentbridge.wakeups").counter().count();

        CompletableFuture<ResponseEntity<String>> onFirst = syncLater(ACME_KEY, longPoll(tenant, 1, 5)).toFuture();
        CompletableFuture<ResponseEntity<String>> onSecond =
                syncLater(asyncClient(secondPort), ACME_KEY, longPoll(tenant, 1, 5)).toFuture();
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 1
                && secondMeters.get("flexboard.agentbridge.waiters").gauge().value() == 1);

        given.published(tenant, 2);

        assertThat(onFirst.get(20, TimeUnit.SECONDS).getBody()).contains("\"latest_version\":2", "\"has_updates\":true");
        assertThat(onSecond.get(20, TimeUnit.SECONDS).getBody()).contains("\"latest_version\":2", "\"has_updates\":true");
        assertThat(counted("flexboard.agentbridge.wakeups")).isEqualTo(wakeUpsHere + 1);
        assertThat(secondMeters.get("flexboard.agentbridge.wakeups").counter().count()).isEqualTo(wakeUpsThere + 1);
    }
}

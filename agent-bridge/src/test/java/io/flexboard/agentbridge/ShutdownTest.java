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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** A replica that shuts down answers its parked syncs instead of cutting their connections. */
class ShutdownTest extends AgentBridgeIntegrationTest {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void given_an_agent_parked_for_a_minute_when_its_replica_shuts_down_then_it_is_answered_nothing_new_before_the_server_stops() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);
        ConfigurableApplicationContext replica = startReplica(broker.getBrokersAsString(),
                "--flexboard.api-keys.cache-ttl=0s",
                "--flexboard.sync.max-wait=60s",
                "--flexboard.instance-id=replica-going-away");
        await().atMost(Duration.ofSeconds(20)).until(() -> replica.getBean(PublishListener.class).isConnected());
        MeterRegistry meters = replica.getBean(MeterRegistry.class);
        int port = portOf(replica);
        CompletableFuture<ResponseEntity<String>> parked =
                syncLater(asyncClient(port), ACME_KEY, longPoll(tenant, 1, 60)).toFuture();
        await().atMost(Duration.ofSeconds(20)).until(() -> meters.get("flexboard.agentbridge.waiters").gauge().value() == 1);

        CompletableFuture.runAsync(replica::close);

        // The hold is a minute: an answer within 30 s can only come from the release at shutdown.
        ResponseEntity<String> answer = parked.get(30, TimeUnit.SECONDS);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).contains("\"has_updates\":false", "\"latest_version\":1");
    }
}

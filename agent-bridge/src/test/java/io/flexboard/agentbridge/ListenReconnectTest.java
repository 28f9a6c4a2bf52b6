package io.flexboard.agentbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The LISTEN connection is killed on the server; the bridge re-connects and publishes wake agents again. */
class ListenReconnectTest extends AgentBridgeIntegrationTest {

    @Test
    void given_the_listen_connection_is_killed_when_it_reconnects_and_the_tenant_publishes_then_parked_agents_are_woken() throws Exception {
        awaitListening();
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);
        double connectsBefore = counted("flexboard.agentbridge.listen.connects");

        assertThat(given.listenConnectionsKilled()).isPositive();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> counted("flexboard.agentbridge.listen.connects") > connectsBefore && publishListener.isConnected());

        double wakeUpsBefore = counted("flexboard.agentbridge.wakeups");
        CompletableFuture<ResponseEntity<String>> agent = syncLater(ACME_KEY, longPoll(tenant, 1, 5)).toFuture();
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 1);
        given.published(tenant, 2);

        assertThat(agent.get(20, TimeUnit.SECONDS).getBody()).contains("\"latest_version\":2", "\"has_updates\":true");
        assertThat(counted("flexboard.agentbridge.wakeups")).isEqualTo(wakeUpsBefore + 1);
    }

    @Test
    void given_a_publish_while_the_listen_connection_is_down_when_it_reconnects_then_the_parked_agent_is_repaired() throws Exception {
        awaitListening();
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);
        CompletableFuture<ResponseEntity<String>> agent = syncLater(ACME_KEY, longPoll(tenant, 1, 5)).toFuture();
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedSyncs() == 1);

        given.listenConnectionsKilled();
        given.publishedWithoutNotification(tenant, 2); // nobody listens: only the re-check after re-connect finds it

        assertThat(agent.get(20, TimeUnit.SECONDS).getBody()).contains("\"latest_version\":2", "\"has_updates\":true");
    }
}

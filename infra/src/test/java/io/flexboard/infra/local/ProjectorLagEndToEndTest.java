package io.flexboard.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flexboard.infra.local.config.Settings;
import io.flexboard.infra.local.services.Service;
import io.flexboard.infra.local.support.StackClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * The ops lag monitor against the real projector: stop the projector's consumer, write events, and
 * GET /api/ops/lag shows lag in offsets and seconds growing and the group STOP; start it again and
 * the group is OK with no lag.
 */
class ProjectorLagEndToEndTest {

    private static final String ADMIN_TOKEN = "lag-e2e-admin-token";
    private static final String GROUP = "flexboard-projector";
    private static final Duration VERDICT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void a_stopped_projector_shows_growing_lag_and_stop_then_ok_once_it_consumes_again() throws Exception {
        try (LocalStack.Running stack = LocalStack.start(Settings.forTest(dataDir, ADMIN_TOKEN))) {
            StackClient ops = new StackClient(stack.port(), ADMIN_TOKEN);
            JsonNode tenant = StackClient.JSON.readTree(ops.command("POST", "/api/tenants",
                    Map.of("name", "Lagging", "slug", "lagging"), 201).body());
            String tenantId = tenant.at("/tenant/id").asString();
            // given the projector consumed the tenant's events and committed (a group without commits has no lag to judge)
            await().atMost(VERDICT).untilAsserted(() -> {
                JsonNode group = group(ops);
                assertThat(group.get("partitions")).as(group.toString()).isNotEmpty();
                assertThat(group.get("status").asString()).isEqualTo("OK");
                assertThat(group.get("total_lag").asLong()).isZero();
            });

            // when the projector stops consuming and builders keep writing
            MessageListenerContainer projector = stack.services().bean(Service.PROJECTOR, KafkaListenerEndpointRegistry.class)
                    .getListenerContainer(GROUP);
            projector.stop();
            for (int i = 0; i < 5; i++) {
                ops.command("POST", "/api/tenants/" + tenantId + "/dashboards", Map.of("name", "D" + i, "slug", "d" + i), 201);
            }

            // then the lag shows in offsets and in seconds, and nobody consumes: STOP
            await().atMost(VERDICT).untilAsserted(() -> {
                JsonNode group = group(ops);
                assertThat(group.get("total_lag").asLong()).as(group.toString()).isEqualTo(5);
                assertThat(group.get("max_lag_seconds").asDouble()).isPositive();
                assertThat(group.get("status").asString()).isEqualTo("STOP");
            });

            // when it consumes again, the group is OK with nothing left
            projector.start();
            await().atMost(VERDICT).untilAsserted(() -> {
                JsonNode group = group(ops);
                assertThat(group.get("total_lag").asLong()).isZero();
                assertThat(group.get("status").asString()).isEqualTo("OK");
            });
        }
    }

    private static JsonNode group(StackClient ops) throws Exception {
        for (JsonNode group : ops.getJson("/api/ops/lag", null).get("groups")) {
            if (GROUP.equals(group.get("group").asString())) {
                return group;
            }
        }
        throw new AssertionError("no group " + GROUP + " in /api/ops/lag");
    }
}

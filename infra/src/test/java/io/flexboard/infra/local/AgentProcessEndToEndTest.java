package io.flexboard.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flexboard.infra.local.config.Settings;
import io.flexboard.infra.local.support.AgentProcess;
import io.flexboard.infra.local.support.StackClient;
import io.flexboard.infra.local.support.StackClient.Published;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The real agent, as its own process, against the real local stack: it applies what a builder
 * publishes while it long-polls, keeps serving the last good configuration while the whole control
 * plane is down, comes back on its own when it returns, and the control plane knows what it runs.
 */
class AgentProcessEndToEndTest {

    private static final String ADMIN_TOKEN = "agent-e2e-admin-token";
    private static final Duration PUBLISH_REACHES_AGENT = Duration.ofSeconds(30);

    @TempDir
    Path stackDir;

    @TempDir
    Path agentDir;

    @Test
    void an_agent_follows_publishes_rides_out_an_outage_and_reports_what_it_runs() throws Exception {
        Settings settings = Settings.forTest(stackDir, ADMIN_TOKEN).withPort(freePort());
        String tenantId;
        String dashboardId;

        try (LocalStack.Running stack = LocalStack.start(settings);
             RunningAgent agent = startAgentAfterFirstPublish(stack)) {
            StackClient builder = new StackClient(stack.port(), ADMIN_TOKEN);
            tenantId = agent.tenantId();
            dashboardId = agent.dashboardId();
            AgentProcess process = agent.process();
            try {
                // given the agent runs version 1
                await().atMost(PUBLISH_REACHES_AGENT).until(process::servedVersion, version -> version == 1);

                // when the builder publishes version 2 while the agent long-polls
                builder.saveOneWidget(dashboardId, "sales-by-month", "line", "SELECT 2");
                Published second = builder.draftAndPublish(tenantId, "second");

                // then the agent serves it, and GET /api/tenants/{id}/agents says it runs it
                await().atMost(PUBLISH_REACHES_AGENT).until(process::servedVersion, version -> version == second.version());
                assertThat(process.servedConfig().at("/config/sales-by-month/type").asString()).isEqualTo("line");
                await().atMost(PUBLISH_REACHES_AGENT).untilAsserted(() -> {
                    JsonNode agents = builder.getJson("/api/tenants/" + tenantId + "/agents", null);
                    assertThat(agents.toString()).contains("e2e-agent");
                    assertThat(agents.findValue("running_version").asInt()).isEqualTo(second.version());
                });

                // when the whole control plane goes down
                stack.close();

                // then the agent keeps serving the last good configuration
                Thread.sleep(3_000);
                assertThat(process.isAlive()).as(process.log()).isTrue();
                assertThat(process.servedVersion()).as(process.log()).isEqualTo(second.version());

                // when it comes back on the same address and a third version is published
                try (LocalStack.Running restarted = LocalStack.start(settings)) {
                    StackClient builderAgain = new StackClient(restarted.port(), ADMIN_TOKEN);
                    builderAgain.saveOneWidget(dashboardId, "sales-by-month", "pie", "SELECT 3");
                    Published third = builderAgain.draftAndPublish(tenantId, "third");

                    // then the agent reconnects by itself (back-off capped at 60 s) and applies it
                    await().atMost(Duration.ofSeconds(90)).until(process::servedVersion, version -> version == third.version());
                    assertThat(process.servedConfig().at("/config/sales-by-month/type").asString()).isEqualTo("pie");
                }
                // and its log tells the story, one line per sync: the outage as errors, then success again
                assertThat(process.log()).contains("sync status=error").contains("sync status=success version=" + 3);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("agent log:\n" + process.log(), e);
            }
        }

        // and the status command reads what it runs from disk, without the control plane
        String status = AgentProcess.status(agentDir);
        // (the field, not a bare "3": a tenant id can contain that digit)
        assertThat(status).containsPattern("running:\\s+version 3, applied").contains(tenantId);
    }

    /** A tenant with one bar widget, published as version 1, and its agent started with the tenant's key. */
    private RunningAgent startAgentAfterFirstPublish(LocalStack.Running stack) throws Exception {
        StackClient builder = new StackClient(stack.port(), ADMIN_TOKEN);
        JsonNode tenant = StackClient.JSON.readTree(builder.command("POST", "/api/tenants",
                Map.of("name", "Plant Seven", "slug", "plant-seven"), 201).body());
        String tenantId = tenant.at("/tenant/id").asString();
        String apiKey = tenant.get("api_key").asString();
        String dashboardId = StackClient.JSON.readTree(builder.command("POST", "/api/tenants/" + tenantId + "/dashboards",
                Map.of("name", "Sales", "slug", "sales"), 201).body()).get("id").asString();
        builder.saveOneWidget(dashboardId, "sales-by-month", "bar", "SELECT 1");
        Published first = builder.draftAndPublish(tenantId, "first");
        // agent-bridge refuses a key it does not know yet at once: start the agent once the key is projected.
        builder.getJson("/api/tenants/" + tenantId, first.consistencyToken());
        AgentProcess process = AgentProcess.start(builder.baseUrl(), tenantId, apiKey, agentDir, freePort(), 20);
        return new RunningAgent(process, tenantId, dashboardId);
    }

    private record RunningAgent(AgentProcess process, String tenantId, String dashboardId) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

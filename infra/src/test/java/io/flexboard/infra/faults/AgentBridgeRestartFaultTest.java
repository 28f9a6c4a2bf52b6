package io.flexboard.infra.faults;

import static io.flexboard.infra.faults.CommandLoad.ADMIN_TOKEN;
import static io.flexboard.infra.faults.CommandLoad.BUSY_TENANTS;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.flexboard.infra.local.LocalStack;
import io.flexboard.infra.local.config.Settings;
import io.flexboard.infra.local.services.Service;
import io.flexboard.infra.local.support.StackClient;
import io.flexboard.infra.local.support.StackClient.Published;
import io.flexboard.simulatedagents.SimulatedFleet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * agent-bridge killed (kill -9) and started again under 1,000 parked agents while builders write (issue 15): every
 * agent reconnects on its own and parks again, none is answered a 5xx, the reconnects are spread by the agents'
 * back-off, and the next publish reaches every one; the books balance as in every fault case. The bridge runs in a
 * JVM of its own ({@link BridgeProcess}), the rest of the stack in this one; the agents are the benchmark's
 * {@link SimulatedFleet}, which behaves as the reference agent (full-jitter back-off from 1 s, doubling).
 */
@Tag("fault")
@Timeout(900)
class AgentBridgeRestartFaultTest {

    private static final int AGENTS = 1_000;
    /** The agents' hold: far longer than the case, so every agent is parked at the kill, none between two polls. */
    private static final int WAIT_SECONDS = 55;
    private static final Duration REPOLL_SPREAD = Duration.ofSeconds(2);
    private static final Duration UNDER_LOAD = Duration.ofSeconds(3);
    /**
     * The spread the agents' back-off alone guarantees: each lost its parked request at the kill and waits a random
     * time up to its ceiling (1 s, doubling per failure) before each try; the bridge takes seconds to start (a JVM and
     * a Spring context), so by then every ceiling is 2 s or more, and 1,000 independent draws landing within 1 s of
     * each other is out of the question. A fleet reconnecting all at once (no jitter) would fail this.
     */
    private static final Duration BACKOFF_SPREAD = Duration.ofSeconds(1);
    /** Not performance bounds: they only turn a fleet or a read side that never gets there into a failure. */
    private static final Duration STUCK = Duration.ofMinutes(3);

    @TempDir
    Path dataDir;

    @BeforeEach
    void quietCutOffAgents() {
        // The kill cuts 1,000 parked requests at once on purpose: reactor-netty's client would log each at WARN.
        cutOffLogger().setLevel(Level.ERROR);
    }

    @AfterEach
    void restoreCutOffLogging() {
        cutOffLogger().setLevel(null);
    }

    private static Logger cutOffLogger() {
        return (Logger) LoggerFactory.getLogger("reactor.netty.http.client");
    }

    @Test
    void every_parked_agent_reconnects_parks_again_and_gets_the_next_publish_after_agent_bridge_is_killed_and_started_again()
            throws Exception {
        Ledger ledger = new Ledger();
        List<Service> withoutBridge = List.of(Service.COMMAND_API, Service.PROJECTOR, Service.QUERY_API);
        try (LocalStack.Running stack = LocalStack.start(Settings.forTest(dataDir, ADMIN_TOKEN), withoutBridge);
             BridgeProcess bridge = new BridgeProcess(dataDir.resolve("bridge.log"), stack.jdbcUrl(), stack.kafkaBootstrapServers(),
                     StackProcess.freePort())) {
            // given 1,000 agents of a tenant with a published version, parked on agent-bridge
            StackClient builder = new StackClient(stack.port(), ADMIN_TOKEN);
            CommandLoad.Tenant fleetTenant = CommandLoad.Tenant.create(builder, ledger, "fleet");
            Published first = fleetTenant.publish(builder, ledger, "SELECT 1");
            // agent-bridge refuses a key it does not know yet: the fleet starts once the tenant is projected.
            builder.getJson("/api/tenants/" + fleetTenant.id(), first.consistencyToken());
            bridge.start();
            try (SimulatedFleet fleet = new SimulatedFleet(bridge.baseUrl(), fleetTenant.id(), fleetTenant.apiKey(), AGENTS, WAIT_SECONDS,
                    first.version(), REPOLL_SPREAD);
                 CommandLoad load = CommandLoad.prepare(builder, ADMIN_TOKEN, ledger, BUSY_TENANTS)) {
                fleet.start();
                await(() -> fleet.parked() >= AGENTS, "all agents parked");
                // and builders of six tenants and a canary editing their dashboards
                load.start();
                Thread.sleep(UNDER_LOAD.toMillis());

                // when agent-bridge is killed and started again on its port
                long killed = System.nanoTime();
                bridge.kill();
                fleet.markReconnects();
                bridge.start();
                long ready = System.nanoTime();

                // then every agent reconnects on its own and parks again
                await(() -> fleet.reconnected() >= AGENTS, "every agent reconnected");
                await(() -> fleet.parked() >= AGENTS, "every agent parked again");
                Duration allBack = Duration.ofNanos(System.nanoTime() - ready);

                // and the next publish reaches every one of them
                Published next = fleetTenant.publish(builder, ledger, "SELECT 2");
                long published = System.nanoTime();
                await(() -> fleet.holding(next.version()) >= AGENTS, "every agent has version " + next.version());
                Duration publishReachedAll = Duration.ofNanos(System.nanoTime() - published);
                load.close();

                // and the read side catches up with no new traffic, every acknowledged command in it once
                Books books = new Books(stack.jdbcUrl());
                Duration catchUp = books.awaitCatchUp(ledger, System.nanoTime(), STUCK);
                int lost = books.lost(ledger);
                int differences = books.differences(ledger);
                Duration spread = fleet.reconnectSpread();
                FaultReport.keepLog("agent-bridge killed under parked agents", dataDir.resolve("bridge.log"));
                FaultReport.record(String.format(Locale.ROOT, "agent-bridge kill -9 and start under %d parked agents (restart = kill to "
                                + "serving; all re-parked %.1f s after; reconnect spread %.1f s, peak %d/s; %d agent requests "
                                + "unanswered while down, %d answered 5xx; next publish reached all in %.1f s)", AGENTS,
                                allBack.toMillis() / 1000.0, spread.toMillis() / 1000.0, fleet.peakReconnectsPerSecond(ready),
                                fleet.unanswered(), fleet.serverErrors(), publishReachedAll.toMillis() / 1000.0),
                        ledger.count(), lost, differences, load.unanswered(), load.refused(),
                        Duration.ofNanos(ready - killed), catchUp);
                assertThat(fleet.serverErrors()).as("agent syncs answered with a 5xx").isZero();
                assertThat(fleet.unanswered()).as("agent syncs cut off or refused while the bridge was down").isPositive();
                assertThat(spread).as("first to last reconnect").isGreaterThanOrEqualTo(BACKOFF_SPREAD);
                assertThat(lost).as("acknowledged commands lost").isZero();
                assertThat(differences).as("events duplicated or missing in the read side").isZero();
                assertThat(load.refused() + load.unanswered()).as("builders' commands refused or unanswered").isZero();
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + STUCK.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}

package io.flexboard.agentbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * What one parked sync costs this replica's heap, the figure the default ceiling of parked syncs per
 * replica is sized from (docs/agent-bridge.md). The agents are plain sockets that send a long-poll and
 * read nothing, so the client side adds only a socket object per agent to the measured heap.
 */
@TestPropertySource(properties = {"flexboard.sync.max-wait=120s", "flexboard.sync.max-jitter=0s"})
class ParkedSyncCostTest extends AgentBridgeIntegrationTest {

    private static final int AGENTS = 2000;
    /**
     * The heap per parked sync the default ceiling assumes (measured: 30–35 KB behind the foundation's
     * Spring Security chain, 19.8 KB before it, plus a margin): 12,000 parked (max-per-replica) take 469 MiB,
     * 40 % of the deployment's 1.1 GiB heap (1.5 GiB container, MaxRAMPercentage=75), next to the ~200 MiB
     * the idle service keeps live.
     */
    private static final long ASSUMED_BYTES_PER_PARKED = 40 * 1024;

    @LocalServerPort
    int port;

    @Test
    void given_two_thousand_parked_syncs_then_each_costs_less_heap_than_the_default_ceiling_assumes() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);
        awaitListening();
        park(tenant, 200).forEach(ParkedSyncCostTest::hangUp); // warm-up: classes loaded, pools sized
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedSyncs() == 0);
        long before = liveHeap();

        List<SocketChannel> agents = park(tenant, AGENTS);
        await().atMost(Duration.ofSeconds(60)).until(() -> parkedSyncs() == AGENTS);
        long parked = liveHeap();
        agents.forEach(ParkedSyncCostTest::hangUp);
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedSyncs() == 0);

        long perParked = (parked - before) / AGENTS;
        System.out.printf("Heap per parked sync: %,d bytes (%,d parked: %,d → %,d bytes live)%n", perParked, AGENTS, before, parked);
        assertThat(perParked).isPositive().isLessThan(ASSUMED_BYTES_PER_PARKED);
    }

    private List<SocketChannel> park(UUID tenant, int count) throws IOException {
        byte[] body = longPoll(tenant, 1, 120).getBytes(StandardCharsets.UTF_8);
        byte[] request = ("POST /api/agent/sync HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ACME_KEY
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n"
                + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        List<SocketChannel> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SocketChannel agent = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            agent.write(ByteBuffer.wrap(request));
            agents.add(agent);
        }
        return agents;
    }

    /** Heap in use after full collections, until two in a row agree within 1 % (what is live). */
    private static long liveHeap() throws InterruptedException {
        long previous = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 10; attempt++) {
            System.gc();
            Thread.sleep(200);
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < used / 100) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    private static void hangUp(SocketChannel agent) {
        try {
            agent.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

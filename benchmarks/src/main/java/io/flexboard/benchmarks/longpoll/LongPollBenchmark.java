package io.flexboard.benchmarks.longpoll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import io.flexboard.benchmarks.BenchHttp;
import io.flexboard.benchmarks.StackProcess;
import io.flexboard.simulatedagents.Latencies;
import io.flexboard.simulatedagents.SimulatedFleet;
import tools.jackson.databind.JsonNode;

/**
 * Long-polling under load (docs/PERFORMANCE.md, "Long-polling agents"): starts the local stack as a
 * child process, parks N simulated agents of one tenant on agent-bridge, publishes, and reports how
 * long until every agent had the new version, with the stack's live heap and CPU; then immediate
 * syncs per second; then the reconnect spread of a fleet after the stack restarts.
 *
 * <p>Arguments ({@code --name=value}): {@code stack-jar} (infra/target/flexboard-local.jar),
 * {@code data-dir} (a new temporary directory), {@code port} (18080), {@code agents} (1000,10000,20000),
 * {@code wait-seconds} (55), {@code sync-clients} (64), {@code sync-seconds} (15),
 * {@code restart-agents} (10000; 0 skips), {@code stack-jvm} (-Xmx2g; space-separated JVM options),
 * {@code repoll-spread-ms} (2000: as the reference agent, a random pause of up to this after an update
 * before polling again; 0 = every woken agent re-polls at once), {@code profile-wake} (a file name: record
 * the stack with Java Flight Recorder from each publish until every agent has it, one file per round),
 * {@code bridge} ({@code router}: the agents call the stack's router, which hands them to its bridge;
 * {@code standalone}: a second JVM runs agent-bridge alone, {@code java -jar flexboard-local.jar bridge …}, on the
 * stack's PostgreSQL and Kafka, on port {@code port} + 1, and the agents call it directly, as in a deployment; its
 * CPU and heap are reported beside the stack's, and the restart round restarts it alone), {@code bridge-jvm} (-Xmx1g).
 * Needs about 1.1 file descriptors per agent: raise {@code ulimit -n} first.
 */
public final class LongPollBenchmark {

    private static final Duration PARK_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration WAKE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RECONNECT_TIMEOUT = Duration.ofSeconds(120);

    private final StackProcess stack;
    private final BenchHttp http;
    private final String adminToken;
    private final int waitSeconds;
    private final Duration repollSpread;
    private final Path profileWake;
    /** The bridge the agents call when it runs standalone (its own JVM); null when they go through the stack's router. */
    private final StackProcess bridge;
    private final String agentsUrl;
    private final List<String> rows = new ArrayList<>();
    private String tenantId;
    private String apiKey;
    private String dashboardId;
    private long publishedVersion;

    private LongPollBenchmark(StackProcess stack, StackProcess bridge, String agentsUrl, BenchHttp http, String adminToken,
                              int waitSeconds, Duration repollSpread, Path profileWake) {
        this.profileWake = profileWake;
        this.bridge = bridge;
        this.agentsUrl = agentsUrl;
        this.stack = stack;
        this.http = http;
        this.adminToken = adminToken;
        this.waitSeconds = waitSeconds;
        this.repollSpread = repollSpread;
    }

    public static void main(String[] args) throws Exception {
        // Closing a fleet's connections, or the stack restart, fails every parked request of the harness
        // on purpose: reactor-netty would log each one at WARN.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("reactor.netty")).setLevel(ch.qos.logback.classic.Level.ERROR);
        Map<String, String> options = BenchHttp.options(args);
        int port = Integer.parseInt(options.getOrDefault("port", "18080"));
        Path dataDir = options.containsKey("data-dir")
                ? Files.createDirectories(Path.of(options.get("data-dir"))) : Files.createTempDirectory("flexboard-longpoll");
        String adminToken = "bench-" + UUID.randomUUID();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("FLEXBOARD_DATA_DIR", dataDir.toString());
        environment.put("FLEXBOARD_PORT", String.valueOf(port));
        environment.put("FLEXBOARD_ADMIN_TOKEN", adminToken);
        // Every simulated agent shares one tenant key, and up to 19,000 of them park at once on the one
        // replica: far past the key's budget and the parking ceilings, which this run means to exceed.
        // The immediate-sync phase is closed loops of 64 agent ids: past the budget per agent too.
        for (String budget : List.of("KEY", "AGENT")) {
            environment.put("FLEXBOARD_SYNC_RATELIMIT_" + budget + "_CAPACITY", "1000000000");
            environment.put("FLEXBOARD_SYNC_RATELIMIT_" + budget + "_REFILL", "1000000000");
        }
        environment.put("FLEXBOARD_SYNC_PARKING_MAXPERKEY", "1000000");
        environment.put("FLEXBOARD_SYNC_PARKING_MAXPERREPLICA", "1000000");
        List<String> jvm = Arrays.asList(options.getOrDefault("stack-jvm", "-Xmx2g").trim().split("\\s+"));
        StackProcess stack = new StackProcess(Path.of(options.getOrDefault("stack-jar", "infra/target/flexboard-local.jar")),
                jvm, environment, dataDir.resolve("stack.log"), port);
        int waitSeconds = Integer.parseInt(options.getOrDefault("wait-seconds", "55"));

        System.out.printf("Long-poll benchmark (%d cores, harness max heap %d MiB, Java %s); stack %s, data in %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), jvm, dataDir);
        boolean standalone = options.getOrDefault("bridge", "router").equals("standalone");
        int bridgePort = port + 1;
        try (stack; StackProcess bridge = standalone ? standaloneBridge(stack, options, dataDir, bridgePort) : null) {
            stack.start();
            if (bridge != null) {
                bridge.start();
            }
            String agentsUrl = "http://127.0.0.1:" + (standalone ? bridgePort : port);
            LongPollBenchmark benchmark = new LongPollBenchmark(stack, bridge, agentsUrl, new BenchHttp("http://127.0.0.1:" + port),
                    adminToken, waitSeconds,
                    Duration.ofMillis(Long.parseLong(options.getOrDefault("repoll-spread-ms", "2000"))),
                    options.containsKey("profile-wake") ? Path.of(options.get("profile-wake")) : null);
            benchmark.createTenant();
            benchmark.row("stack live heap, idle", stack.liveHeapMiB() + " MiB");
            if (bridge != null) {
                benchmark.row("standalone bridge live heap, idle", bridge.liveHeapMiB() + " MiB");
            }
            for (String agents : options.getOrDefault("agents", "1000,10000,20000").split(",")) {
                if (!agents.isBlank()) {
                    benchmark.parkAndPublish(Integer.parseInt(agents.trim()));
                }
            }
            benchmark.immediateSyncs(Integer.parseInt(options.getOrDefault("sync-clients", "64")),
                    Duration.ofSeconds(Integer.parseInt(options.getOrDefault("sync-seconds", "15"))));
            int restartAgents = Integer.parseInt(options.getOrDefault("restart-agents", "10000"));
            if (restartAgents > 0) {
                benchmark.restart(restartAgents);
            }
            benchmark.print();
        }
    }

    /**
     * agent-bridge alone in its own JVM ({@code java -jar flexboard-local.jar bridge …}, -Xmx1g by default:
     * {@code bridge-jvm}) on the stack's PostgreSQL and Kafka, as a deployment runs it: the agents call it
     * directly, and its CPU is measured apart from the rest of the stack's. Same lifted limits as the stack's.
     */
    private static StackProcess standaloneBridge(StackProcess stack, Map<String, String> options, Path dataDir, int bridgePort) {
        List<String> jvm = new ArrayList<>(Arrays.asList(options.getOrDefault("bridge-jvm", "-Xmx1g").trim().split("\\s+")));
        for (String budget : List.of("key", "agent")) {
            jvm.add("-Dflexboard.sync.rate-limit." + budget + ".capacity=1000000000");
            jvm.add("-Dflexboard.sync.rate-limit." + budget + ".refill=1000000000");
        }
        jvm.add("-Dflexboard.sync.parking.max-per-key=1000000");
        jvm.add("-Dflexboard.sync.parking.max-per-replica=1000000");
        // The stack's ports are known once it has started: the arguments are read then.
        return new StackProcess(stack.jar(), jvm, () -> {
            Properties ports = new Properties();
            try (var reader = Files.newBufferedReader(dataDir.resolve("local-stack.properties"))) {
                ports.load(reader);
            }
            return List.of("bridge", "jdbc:postgresql://127.0.0.1:" + ports.getProperty("postgres.port") + "/flexboard",
                    "127.0.0.1:" + ports.getProperty("kafka.port"), String.valueOf(bridgePort));
        }, Map.of(), dataDir.resolve("bridge.log"), bridgePort, "/health/liveness");
    }

    /** CPU seconds of the stack, and of the standalone bridge when there is one. */
    private double cpuSeconds() throws IOException {
        return stack.cpuSeconds() + (bridge == null ? 0 : bridge.cpuSeconds());
    }

    /** " (bridge x CPU-s)" for a standalone bridge's share of {@code since}, else nothing. */
    private String bridgeShare(double bridgeCpuBefore) throws IOException {
        return bridge == null ? "" : String.format(" (standalone bridge %.2f CPU-s)", bridge.cpuSeconds() - bridgeCpuBefore);
    }

    private double bridgeCpu() throws IOException {
        return bridge == null ? 0 : bridge.cpuSeconds();
    }

    private void createTenant() throws Exception {
        String slug = "longpoll-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = BenchHttp.json(BenchHttp.expect(201, http.send("POST", "/api/tenants", Map.of("name", slug, "slug", slug), adminToken, null)));
        tenantId = created.at("/tenant/id").asString();
        apiKey = created.get("api_key").asString();
        dashboardId = BenchHttp.json(BenchHttp.expect(201, http.send("POST", "/api/tenants/" + tenantId + "/dashboards",
                Map.of("name", "Plant floor", "slug", "plant-floor"), adminToken, null))).get("id").asString();
        publish();
    }

    /** A new widget query, drafted and published; returns the moment the publish command was sent. */
    private long publish() throws Exception {
        long next = publishedVersion + 1;
        List<Map<String, Object>> widgets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            widgets.add(Map.of("name", "widget-" + i,
                    "config", Map.of("query", "SELECT region, sum(amount) FROM sales WHERE v = " + next + " GROUP BY region", "type", "bar"),
                    "position_x", (i % 2) * 6, "position_y", 4 * (i / 2)));
        }
        BenchHttp.expect(200, http.send("PUT", "/api/dashboards/" + dashboardId + "/widgets", Map.of("widgets", widgets), adminToken, null));
        JsonNode draft = BenchHttp.json(BenchHttp.expect(201, http.send("POST", "/api/tenants/" + tenantId + "/versions",
                Map.of("message", "bench " + next), adminToken, null)));
        long sent = System.nanoTime();
        BenchHttp.expect(200, http.send("POST", "/api/tenants/" + tenantId + "/versions/" + draft.get("id").asString() + "/publish",
                null, adminToken, null));
        publishedVersion = draft.get("version").asLong();
        return sent;
    }

    /** N agents parked, then one publish: time until all N hold it, plus the stack's heap and CPU. */
    private void parkAndPublish(int agents) throws Exception {
        try (SimulatedFleet fleet = new SimulatedFleet(agentsUrl, tenantId, apiKey, agents, waitSeconds, publishedVersion, repollSpread)) {
            long parkStart = System.nanoTime();
            double cpuBeforePark = cpuSeconds();
            fleet.start();
            awaitCondition(() -> fleet.parked() >= agents, PARK_TIMEOUT, "all " + agents + " agents parked");
            double parkSeconds = (System.nanoTime() - parkStart) / 1e9;
            double parkCpu = cpuSeconds() - cpuBeforePark;
            Thread.sleep(2_000);
            long heap = stack.liveHeapMiB();
            long bridgeHeap = bridge == null ? 0 : bridge.liveHeapMiB();

            if (profileWake != null) {
                stack.startRecording();
            }
            double cpuBeforeWake = cpuSeconds();
            double bridgeCpuBeforeWake = bridgeCpu();
            long published = publish();
            long target = publishedVersion;
            boolean all = awaitCondition(() -> fleet.holding(target) >= agents, WAKE_TIMEOUT, null);
            if (profileWake != null) {
                stack.stopRecording(profileWake.resolveSibling(agents + "-" + profileWake.getFileName()));
            }
            double wakeSeconds = (System.nanoTime() - published) / 1e9;
            double wakeCpu = cpuSeconds() - cpuBeforeWake;
            String wakeBridgeShare = bridgeShare(bridgeCpuBeforeWake);
            Latencies delays = fleet.updateDelays(target, published);

            row(agents + " parked: time to park all / stack CPU while parking", String.format("%.1f s / %.1f CPU-s", parkSeconds, parkCpu));
            row(agents + " parked: stack live heap", heap + " MiB" + (bridge == null ? "" : ", standalone bridge " + bridgeHeap + " MiB"));
            row(agents + " parked: publish → agent has it, p50 / p99 / max (" + delays.count() + " of " + agents
                    + (all ? "" : ", TIMED OUT") + ")", BenchHttp.millis(delays.percentile(50)) + " / "
                    + BenchHttp.millis(delays.percentile(99)) + " / " + BenchHttp.millis(delays.max()));
            row(agents + " parked: stack CPU from publish until all had it", String.format("%.2f CPU-s over %.2f s, %.0f µs per agent",
                    wakeCpu, wakeSeconds, wakeCpu * 1e6 / agents) + wakeBridgeShare);
            row(agents + " parked: agent request failures", String.valueOf(fleet.failures()));
        }
        // Let the bridge see the closed connections before the next round.
        Thread.sleep(3_000);
    }

    /** Closed-loop syncs that are answered at once (agents up to date, no hold). */
    private void immediateSyncs(int clients, Duration duration) throws Exception {
        try (SimulatedFleet fleet = new SimulatedFleet(agentsUrl, tenantId, apiKey, clients, 0, publishedVersion, repollSpread)) {
            double cpuBefore = cpuSeconds();
            double bridgeCpuBefore = bridgeCpu();
            long started = System.nanoTime();
            fleet.start();
            Thread.sleep(duration.toMillis());
            Latencies answers = fleet.answerLatencies();
            answers.elapsedNanos = System.nanoTime() - started;
            double cpu = cpuSeconds() - cpuBefore;
            row("immediate syncs/s (up to date, " + clients + " connections, " + duration.toSeconds() + " s)",
                    String.format("%.0f (failures %d, stack %.1f CPU-s)", answers.perSecond(), fleet.failures(), cpu) + bridgeShare(bridgeCpuBefore));
            row("immediate sync latency p50 / p99 / max", BenchHttp.millis(answers.percentile(50)) + " / "
                    + BenchHttp.millis(answers.percentile(99)) + " / " + BenchHttp.millis(answers.max()));
        }
        Thread.sleep(2_000);
    }

    /**
     * N agents parked; the bridge (the whole stack when the agents go through its router) stops and starts again;
     * when do they come back, and do they get the next publish?
     */
    private void restart(int agents) throws Exception {
        StackProcess restarted = bridge != null ? bridge : stack;
        try (SimulatedFleet fleet = new SimulatedFleet(agentsUrl, tenantId, apiKey, agents, waitSeconds, publishedVersion, repollSpread)) {
            fleet.start();
            awaitCondition(() -> fleet.parked() >= agents, PARK_TIMEOUT, "all " + agents + " agents parked");
            long stopped = System.nanoTime();
            restarted.stop();
            // Only now: while stopping, the bridge answers its parked syncs and they re-poll the old stack.
            fleet.markReconnects();
            restarted.start();
            long ready = System.nanoTime();
            boolean all = awaitCondition(() -> fleet.reconnected() >= agents, RECONNECT_TIMEOUT, null);
            Latencies reconnects = fleet.reconnectDelays(ready);
            long published = publish();
            long target = publishedVersion;
            awaitCondition(() -> fleet.holding(target) >= agents, WAKE_TIMEOUT, null);
            Latencies delays = fleet.updateDelays(target, published);

            String what = bridge != null ? "standalone bridge" : "stack";
            row(agents + " agents, " + what + " restart: down for (stop + start until healthy)", String.format("%.1f s", (ready - stopped) / 1e9));
            row(agents + " agents, " + what + " restart: reconnected after healthy (0 = before), p50 / p99 / max (" + reconnects.count() + " of " + agents
                    + (all ? "" : ", TIMED OUT") + ")", BenchHttp.millis(reconnects.percentile(50)) + " / "
                    + BenchHttp.millis(reconnects.percentile(99)) + " / " + BenchHttp.millis(reconnects.max()));
            row(agents + " agents, " + what + " restart: peak reconnects in one second", String.valueOf(fleet.peakReconnectsPerSecond(ready)));
            row(agents + " agents, after restart: publish → agent has it, p50 / p99 (" + delays.count() + " of " + agents + ")",
                    BenchHttp.millis(delays.percentile(50)) + " / " + BenchHttp.millis(delays.percentile(99)));
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls every 10 ms; false on timeout, or fails naming {@code what} when given. */
    private static boolean awaitCondition(Condition condition, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(10);
        }
        if (what != null) {
            throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
        }
        return false;
    }

    private void row(String measure, String value) {
        rows.add("| " + measure + " | " + value + " |");
        System.out.println(measure + ": " + value);
    }

    private void print() {
        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("| --- | --- |");
        rows.forEach(System.out::println);
    }
}

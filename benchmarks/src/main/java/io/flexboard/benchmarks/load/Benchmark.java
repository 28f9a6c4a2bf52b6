package io.flexboard.benchmarks.load;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import io.flexboard.benchmarks.BenchHttp;
import io.flexboard.simulatedagents.Latencies;
import tools.jackson.databind.JsonNode;

/**
 * A bounded load run against a running local stack (docs/PERFORMANCE.md): sustained commands per
 * second, how long a command takes to become visible in query-api, and immediate agent syncs per
 * second. Loopback only; every phase stops by itself after its duration or request budget.
 *
 * <p>Arguments ({@code --name=value}): {@code base-url} (http://127.0.0.1:8080), {@code admin-token}
 * (required), {@code clients} (8), {@code command-seconds} (20), {@code visibility-samples} (200),
 * {@code sync-clients} (16), {@code sync-seconds} (15), {@code max-requests} (200000 per phase).
 */
public final class Benchmark {

    private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration BACKLOG_TIMEOUT = Duration.ofSeconds(60);

    private final BenchHttp http;
    private final String adminToken;
    private final int widgetsPerDashboard;

    private Benchmark(String baseUrl, String adminToken, int widgetsPerDashboard) {
        this.http = new BenchHttp(baseUrl);
        this.adminToken = adminToken;
        this.widgetsPerDashboard = widgetsPerDashboard;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchHttp.options(args);
        String token = options.getOrDefault("admin-token", System.getenv("FLEXBOARD_ADMIN_TOKEN"));
        if (token == null || token.isBlank()) {
            System.err.println("usage: Benchmark --admin-token=<token> [--base-url=http://127.0.0.1:8080] [--clients=8] [--command-seconds=20]"
                    + " [--visibility-samples=200] [--sync-clients=16] [--sync-seconds=15] [--max-requests=200000] [--widgets=1]");
            System.exit(2);
        }
        Benchmark benchmark = new Benchmark(options.getOrDefault("base-url", "http://127.0.0.1:8080"), token,
                Integer.parseInt(options.getOrDefault("widgets", "1")));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        int commandSeconds = Integer.parseInt(options.getOrDefault("command-seconds", "20"));
        int visibilitySamples = Integer.parseInt(options.getOrDefault("visibility-samples", "200"));
        int syncClients = Integer.parseInt(options.getOrDefault("sync-clients", "16"));
        int syncSeconds = Integer.parseInt(options.getOrDefault("sync-seconds", "15"));
        long maxRequests = Long.parseLong(options.getOrDefault("max-requests", "200000"));

        System.out.printf("Flexboard benchmark against %s (%d cores, max heap %d MiB, Java %s)%n", benchmark.http.baseUrl(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        List<Tenant> tenants = benchmark.createTenants(Math.max(clients, syncClients));
        Latencies commands;
        long backlogNanos;
        Visibility visibility;
        Latencies syncs;
        try {
            commands = benchmark.commands(tenants.subList(0, clients), Duration.ofSeconds(commandSeconds), maxRequests);
            backlogNanos = benchmark.backlogDrain(tenants.get(0));
            visibility = benchmark.visibility(tenants.get(0), visibilitySamples);
            syncs = benchmark.syncs(tenants.subList(0, syncClients), Duration.ofSeconds(syncSeconds), maxRequests);
        } catch (ErrorsDominate failed) {
            System.err.println("BENCHMARK FAILED, no figures: " + failed.getMessage());
            System.exit(1);
            return;
        }

        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("| --- | --- |");
        System.out.printf("| commands/s (PUT widgets, %d clients, %d s) | %.0f (errors: %s) |%n", clients, commandSeconds, commands.perSecond(),
                commands.errorsByStatus());
        System.out.printf("| command latency p50 / p99 | %s / %s |%n", BenchHttp.millis(commands.percentile(50)), BenchHttp.millis(commands.percentile(99)));
        System.out.printf("| projection backlog at the end of the command phase (first command after it → visible) | %s |%n",
                backlogNanos < 0 ? "over " + BACKLOG_TIMEOUT.toSeconds() + " s" : BenchHttp.millis(backlogNanos));
        System.out.printf("| command → visible in query-api, polling without token, p50 / p99 (%d samples, %d timed out) | %s / %s |%n",
                visibility.polling.count(), visibility.timeouts, BenchHttp.millis(visibility.polling.percentile(50)), BenchHttp.millis(visibility.polling.percentile(99)));
        System.out.printf("| command → read with X-Consistency-Token answered, p50 / p99 | %s / %s |%n",
                BenchHttp.millis(visibility.withToken.percentile(50)), BenchHttp.millis(visibility.withToken.percentile(99)));
        System.out.printf("| agent syncs/s (immediate, %d clients, each sync another agent id, %d s) | %.0f (errors: %s) |%n", syncClients,
                syncSeconds, syncs.perSecond(), syncs.errorsByStatus());
        System.out.printf("| agent sync latency p50 / p99 | %s / %s |%n", BenchHttp.millis(syncs.percentile(50)), BenchHttp.millis(syncs.percentile(99)));
    }

    private record Tenant(String id, String apiKey, String dashboardId) {
    }

    /** One tenant per client, each with a dashboard and a published version, so clients never contend on an aggregate. */
    private List<Tenant> createTenants(int count) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String slug = "bench-" + run + "-" + i;
            JsonNode created = BenchHttp.json(BenchHttp.expect(201, http.send("POST", "/api/tenants", Map.of("name", slug, "slug", slug), adminToken, null)));
            String tenantId = created.at("/tenant/id").asString();
            JsonNode dashboard = BenchHttp.json(BenchHttp.expect(201, http.send("POST", "/api/tenants/" + tenantId + "/dashboards",
                    Map.of("name", "Sales", "slug", "sales"), adminToken, null)));
            String dashboardId = dashboard.get("id").asString();
            BenchHttp.expect(200, http.send("PUT", "/api/dashboards/" + dashboardId + "/widgets", widgets(0), adminToken, null));
            JsonNode version = BenchHttp.json(BenchHttp.expect(201, http.send("POST", "/api/tenants/" + tenantId + "/versions", Map.of("message", "bench"), adminToken, null)));
            BenchHttp.expect(200, http.send("POST", "/api/tenants/" + tenantId + "/versions/" + version.get("id").asString() + "/publish", null, adminToken, null));
            tenants.add(new Tenant(tenantId, created.get("api_key").asString(), dashboardId));
        }
        System.out.printf("Created %d tenants, each with a dashboard, a widget and a published version%n", count);
        return tenants;
    }

    private Latencies commands(List<Tenant> tenants, Duration duration, long maxRequests) throws Exception {
        return load("commands", tenants, duration, maxRequests, (tenant, i) ->
                http.send("PUT", "/api/dashboards/" + tenant.dashboardId() + "/widgets", widgets(i), adminToken, null));
    }

    /**
     * Immediate syncs of each tenant's fleet: every request comes from another agent of the tenant (its own
     * agent_id), as a fleet's syncs do. One agent id in a closed loop would be what the bridge's budget per
     * agent exists to stop, and syncs without agent_id share one small budget per key: either way the
     * phase would measure 429s (as it did: 27,425 errors of 28,609 syncs). Left: the budget per key
     * (10,000 at once, then 10,000/min, per replica), which 16 tenants for 15 s stay well below.
     */
    private Latencies syncs(List<Tenant> tenants, Duration duration, long maxRequests) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // current_version 0: the bridge always has an update and answers at once with the full metadata.
        return load("agent syncs", tenants, duration, maxRequests, (tenant, i) ->
                http.send("POST", "/api/agent/sync", Map.of("tenant_id", tenant.id(), "current_version", 0, "agent_version", "bench",
                        "agent_id", "bench-" + run + "-" + tenant.id().substring(0, 8) + "-" + i), tenant.apiKey(), null));
    }

    private interface Call {
        HttpResponse<String> call(Tenant tenant, long iteration) throws Exception;
    }

    private Latencies load(String name, List<Tenant> tenants, Duration duration, long maxRequests, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tenants.size());
        AtomicLong budget = new AtomicLong(maxRequests);
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        List<Future<Latencies>> futures = new ArrayList<>();
        for (Tenant tenant : tenants) {
            futures.add(pool.submit(() -> {
                Latencies result = new Latencies();
                for (long i = 1; System.nanoTime() < deadline && budget.decrementAndGet() >= 0; i++) {
                    long t0 = System.nanoTime();
                    try {
                        int status = call.call(tenant, i).statusCode();
                        if (status / 100 == 2) {
                            result.record(System.nanoTime() - t0);
                        } else {
                            result.error(status);
                        }
                    } catch (Exception e) {
                        result.error(Latencies.NO_ANSWER);
                    }
                }
                return result;
            }));
        }
        Latencies total = new Latencies();
        for (Future<Latencies> future : futures) {
            total.merge(future.get());
        }
        pool.shutdown();
        total.elapsedNanos = System.nanoTime() - started;
        System.out.printf("%s: %d ok, %d errors (%s) in %.1f s%n", name, total.count(), total.errors, total.errorsByStatus(),
                total.elapsedNanos / 1e9);
        if (total.errorsDominate()) {
            // Its throughput and latencies would describe the refusals: better no figure than a wrong one.
            throw new ErrorsDominate(name + ": " + total.errors + " of " + (total.errors + total.count())
                    + " requests failed (" + total.errorsByStatus() + "); 429 means the stack's rate limits refused the load"
                    + " (spread it over more tenants, or lift flexboard.sync.rate-limit.* on the stack), no answer that it is down");
        }
        return total;
    }

    private record Visibility(Latencies polling, Latencies withToken, int timeouts) {
    }

    /** A load phase whose requests mostly failed: the run stops without printing figures. */
    private static final class ErrorsDominate extends RuntimeException {

        ErrorsDominate(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * How far the read side trails once the sustained load stops: one command right after the
     * command phase, and the time until query-api shows it (-1 past {@link #BACKLOG_TIMEOUT}).
     * The tenant's events share a partition with the backlog, so this is the backlog's drain time.
     */
    private long backlogDrain(Tenant tenant) throws Exception {
        return commandUntilVisible(tenant, -(System.currentTimeMillis() % 1_000_000), BACKLOG_TIMEOUT);
    }

    /**
     * Sends a command that puts {@code marker} on the dashboard, then polls GET without a token
     * until the read shows it: the nanoseconds from the command's response, or -1 past {@code timeout}.
     */
    private long commandUntilVisible(Tenant tenant, long marker, Duration timeout) throws Exception {
        BenchHttp.expect(200, http.send("PUT", "/api/dashboards/" + tenant.dashboardId() + "/widgets", widgets(marker), adminToken, null));
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < timeout.toNanos()) {
            if (shows(http.send("GET", "/api/dashboards/" + tenant.dashboardId(), null, adminToken, null), marker)) {
                return System.nanoTime() - t0;
            }
        }
        return -1;
    }

    private static boolean shows(HttpResponse<String> read, long marker) {
        return read.statusCode() == 200 && read.body().contains("\"limit-" + marker + "\"");
    }

    /**
     * Command → visible: after each command's response, poll GET /api/dashboards/{id} without a
     * consistency token until the widget shows the command's change; then, for a second command,
     * time one GET that carries the command's X-Consistency-Token (the server-side wait).
     */
    private Visibility visibility(Tenant tenant, int samples) throws Exception {
        Latencies polling = new Latencies();
        Latencies withToken = new Latencies();
        int timeouts = 0;
        long base = System.currentTimeMillis() % 1_000_000;
        for (int i = 0; i < samples; i++) {
            long marker = base * 1000 + i * 2L;
            long visibleAfter = commandUntilVisible(tenant, marker, VISIBILITY_TIMEOUT);
            if (visibleAfter >= 0) {
                polling.record(visibleAfter);
            } else {
                timeouts++;
            }

            HttpResponse<String> command = BenchHttp.expect(200, http.send("PUT", "/api/dashboards/" + tenant.dashboardId() + "/widgets", widgets(marker + 1), adminToken, null));
            String token = command.headers().firstValue("X-Consistency-Token").orElseThrow();
            long t1 = System.nanoTime();
            HttpResponse<String> read = http.send("GET", "/api/dashboards/" + tenant.dashboardId(), null, adminToken, token);
            if (shows(read, marker + 1)) {
                withToken.record(System.nanoTime() - t1);
            } else {
                withToken.errors++;
            }
        }
        System.out.printf("visibility: %d samples, %d timeouts, %d token reads not showing the change%n", samples, timeouts, withToken.errors);
        return new Visibility(polling, withToken, timeouts);
    }

    /** The dashboard's widget list; the first widget's title carries the marker the reads look for. */
    private Map<String, Object> widgets(long iteration) {
        List<Map<String, Object>> widgets = new ArrayList<>();
        widgets.add(Map.of(
                "name", "sales-by-month",
                "config", Map.of("query", "SELECT * FROM sales LIMIT 10 -- " + iteration, "type", "bar", "title", "limit-" + iteration),
                "position_x", 0,
                "position_y", 0));
        for (int i = 1; i < widgetsPerDashboard; i++) {
            widgets.add(Map.of(
                    "name", "kpi-" + i,
                    "config", Map.of("query", "SELECT count(*) FROM orders WHERE region = " + i, "type", "kpi"),
                    "position_x", (i % 2) * 6,
                    "position_y", 4 * (i / 2)));
        }
        return Map.of("widgets", widgets);
    }

}

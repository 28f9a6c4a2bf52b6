package io.flexboard.benchmarks.history;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.flexboard.benchmarks.BenchHttp;
import io.flexboard.benchmarks.StackProcess;
import io.flexboard.simulatedagents.Latencies;
import tools.jackson.databind.JsonNode;

/**
 * How fast query-api rebuilds a tenant at a past moment (docs/PERFORMANCE.md, "Event history
 * (issue 5)"). Starts the local stack as a child process with a GC log, writes one tenant's
 * history of {@code events} events through the real command path (widget replacements on three
 * dashboards of six widgets, a draft every tenth command, every third draft published), waits
 * until the projector has it all, then times sequential {@code GET /state} (now and random past
 * moments), {@code GET /diff} between random moments and the first page of {@code GET /history},
 * and reads the stack's heap: live after a full GC, and the peak (heap in use when a collection
 * started, from the GC log) during the timed phase.
 *
 * <p>Arguments ({@code --name=value}): {@code events} (10000), {@code samples} (200 per measure),
 * {@code port} (18080), {@code data-dir} (a temporary directory), {@code stack-jar}
 * (infra/target/flexboard-local.jar), {@code stack-jvm} (-Xmx1g), {@code checkpoints} (true;
 * false starts query-api with {@code flexboard.history.checkpoints.tenants=0}, so every read folds
 * from the first event), {@code tenant} (reuse that tenant of an earlier run's {@code data-dir}
 * instead of writing a new history).
 */
public final class StateAtMomentBenchmark {

    private static final Pattern GC_PAUSE = Pattern.compile("Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final int DASHBOARDS = 3;
    private static final int WIDGETS = 6;

    private final BenchHttp http;
    private final String token;
    private final Random random = new Random(42);
    private final List<String> dashboards = new ArrayList<>();
    private final List<Instant> moments = new ArrayList<>();
    private final Map<String, String> rows = new LinkedHashMap<>();
    private String tenantId;
    private long events;

    private StateAtMomentBenchmark(BenchHttp http, String token) {
        this.http = http;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("reactor.netty")).setLevel(ch.qos.logback.classic.Level.ERROR);
        Map<String, String> options = BenchHttp.options(args);
        int port = Integer.parseInt(options.getOrDefault("port", "18080"));
        int target = Integer.parseInt(options.getOrDefault("events", "10000"));
        int samples = Integer.parseInt(options.getOrDefault("samples", "200"));
        Path dataDir = options.containsKey("data-dir")
                ? Files.createDirectories(Path.of(options.get("data-dir"))) : Files.createTempDirectory("flexboard-state");
        Path gcLog = dataDir.resolve("gc.log");
        String adminToken = "bench-" + UUID.randomUUID();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("FLEXBOARD_DATA_DIR", dataDir.toString());
        environment.put("FLEXBOARD_PORT", String.valueOf(port));
        environment.put("FLEXBOARD_ADMIN_TOKEN", adminToken);
        boolean checkpoints = Boolean.parseBoolean(options.getOrDefault("checkpoints", "true"));
        if (!checkpoints) {
            environment.put("FLEXBOARD_HISTORY_CHECKPOINTS_TENANTS", "0");
        }
        List<String> jvm = new ArrayList<>(Arrays.asList(options.getOrDefault("stack-jvm", "-Xmx1g").trim().split("\\s+")));
        jvm.add("-Xlog:gc:file=" + gcLog);
        StackProcess stack = new StackProcess(Path.of(options.getOrDefault("stack-jar", "infra/target/flexboard-local.jar")),
                jvm, environment, dataDir.resolve("stack.log"), port);

        System.out.printf("State-at-a-moment benchmark (%d cores, Java %s); stack %s, checkpoints %s, data in %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), jvm,
                checkpoints ? "on" : "off", dataDir);
        try (stack) {
            stack.start();
            StateAtMomentBenchmark benchmark = new StateAtMomentBenchmark(new BenchHttp("http://127.0.0.1:" + port), adminToken);
            if (options.containsKey("tenant")) {
                benchmark.reuse(options.get("tenant"));
                benchmark.row("events of the reused tenant", String.valueOf(benchmark.events));
            } else {
                long writing = System.nanoTime();
                benchmark.writeHistory(target);
                benchmark.awaitProjected();
                benchmark.row("events written through command-api and projected", benchmark.events + " in "
                        + Math.round((System.nanoTime() - writing) / 1e9) + " s (tenant " + benchmark.tenantId + ")");
            }
            benchmark.row("stack live heap before the timed phase", stack.liveHeapMiB() + " MiB");
            long gcLogStart = Files.size(gcLog);
            benchmark.timeReads(samples);
            benchmark.row("stack peak heap during the timed phase (in use when a GC started)", peakHeap(gcLog, gcLogStart));
            benchmark.row("stack live heap after", stack.liveHeapMiB() + " MiB");
            benchmark.rows.forEach((name, value) -> System.out.println("| " + name + " | " + value + " |"));
        }
    }

    /** One tenant's history: three dashboards, then widget replacements, drafts and publishes until {@code target} events. */
    private void writeHistory(int target) throws Exception {
        String slug = "history-" + UUID.randomUUID().toString().substring(0, 8);
        tenantId = BenchHttp.json(BenchHttp.expect(201, http.send("POST", "/api/tenants", Map.of("name", slug, "slug", slug),
                token, null))).at("/tenant/id").asString();
        events = 2; // TenantCreated, ApiKeyIssued
        for (int d = 0; d < DASHBOARDS; d++) {
            dashboards.add(BenchHttp.json(BenchHttp.expect(201, http.send("POST", "/api/tenants/" + tenantId + "/dashboards",
                    Map.of("name", "Dashboard " + d, "slug", "dashboard-" + d), token, null))).get("id").asString());
            events++;
        }
        String draftId = null;
        int drafts = 0;
        boolean published = false;
        for (int step = 0; events < target; step++) {
            if (step % 10 == 9) {
                draftId = BenchHttp.json(BenchHttp.expect(201, http.send("POST", "/api/tenants/" + tenantId + "/versions",
                        Map.of("message", "draft at step " + step), token, null))).get("id").asString();
                events++;
                if (++drafts % 3 == 0) {
                    BenchHttp.expect(200, http.send("POST", "/api/tenants/" + tenantId + "/versions/" + draftId + "/publish",
                            null, token, null));
                    events += published ? 2 : 1; // the previous published version is archived first
                    published = true;
                }
            } else {
                replaceWidgets(dashboards.get(step % DASHBOARDS), step);
                events++;
            }
            if (events % 500 < 2) {
                moments.add(Instant.now());
            }
        }
    }

    /** An earlier run's tenant: its event count, and every 500th event's time as the moments to read. */
    private void reuse(String tenant) throws Exception {
        tenantId = tenant;
        String page = "/api/tenants/" + tenantId + "/history?limit=200";
        while (page != null) {
            HttpResponse<String> response = get(page);
            for (JsonNode entry : BenchHttp.json(response)) {
                long sequence = entry.get("sequence").asLong();
                events = Math.max(events, sequence + 1);
                if (sequence % 500 == 0) {
                    moments.add(Instant.parse(entry.get("occurred_at").asString()));
                }
            }
            page = response.headers().firstValue("Link").map(link -> link.substring(1, link.indexOf('>'))).orElse(null);
        }
    }

    private void replaceWidgets(String dashboardId, int step) throws Exception {
        List<Map<String, Object>> widgets = new ArrayList<>();
        for (int w = 0; w < WIDGETS; w++) {
            widgets.add(Map.of("name", dashboardId.substring(0, 8) + "-widget-" + w,
                    "config", Map.of("query", "SELECT region, sum(amount) AS total FROM sales WHERE step >= " + (step - w)
                                    + " GROUP BY region", "type", w % 2 == 0 ? "bar" : "line", "title", "Sales " + w,
                            "refreshInterval", 60000),
                    "position_x", (w % 2) * 6, "position_y", 4 * (w / 2)));
        }
        BenchHttp.expect(200, http.send("PUT", "/api/dashboards/" + dashboardId + "/widgets", Map.of("widgets", widgets), token, null));
    }

    private void awaitProjected() throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode newest = BenchHttp.json(BenchHttp.expect(200, http.send("GET", "/api/tenants/" + tenantId + "/history?limit=1",
                    null, token, null)));
            if (!newest.isEmpty() && newest.get(0).get("sequence").asLong() == events - 1) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the projector did not reach sequence " + (events - 1) + " within 10 minutes");
    }

    private void timeReads(int samples) throws Exception {
        String base = "/api/tenants/" + tenantId;
        for (int i = 0; i < 20; i++) { // warm-up: JIT, connection pools
            get(base + "/state");
        }
        row("GET /state (now, " + events + " events) p50 / p99 / max", percentiles(samples, () -> base + "/state"));
        row("GET /state?at=<random past moment> p50 / p99 / max", percentiles(samples, () -> base + "/state?at=" + randomMoment()));
        row("GET /diff?from=&to= (two random moments) p50 / p99 / max", percentiles(samples / 4, () -> {
            Instant a = randomMoment();
            Instant b = randomMoment();
            return base + "/diff?from=" + (a.isBefore(b) ? a : b) + "&to=" + (a.isBefore(b) ? b : a);
        }));
        row("GET /history (first page of 50) p50 / p99 / max", percentiles(samples, () -> base + "/history"));
        long bytes = get(base + "/state").body().length();
        row("size of the /state answer", (bytes / 1024) + " KiB");
    }

    private String percentiles(int samples, PathSupplier path) throws Exception {
        Latencies latencies = new Latencies();
        for (int i = 0; i < samples; i++) {
            String next = path.get();
            long start = System.nanoTime();
            get(next);
            latencies.record(System.nanoTime() - start);
        }
        return BenchHttp.millis(latencies.percentile(50)) + " / " + BenchHttp.millis(latencies.percentile(99)) + " / "
                + BenchHttp.millis(latencies.max());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return BenchHttp.expect(200, http.send("GET", path, null, token, null));
    }

    private Instant randomMoment() {
        return moments.get(random.nextInt(moments.size()));
    }

    /** The most heap in use when a collection started, over the GC log's lines after {@code offset}. */
    private static String peakHeap(Path gcLog, long offset) throws IOException {
        String log = Files.readString(gcLog);
        Matcher pause = GC_PAUSE.matcher(log.substring((int) Math.min(offset, log.length())));
        long peak = -1;
        long committed = -1;
        int collections = 0;
        while (pause.find()) {
            collections++;
            peak = Math.max(peak, Long.parseLong(pause.group(1)));
            committed = Math.max(committed, Long.parseLong(pause.group(3)));
        }
        return collections == 0 ? "no collection" : peak + " MiB (" + collections + " collections, heap committed up to "
                + committed + " MiB)";
    }

    private void row(String name, String value) {
        rows.put(name, value);
        System.out.println(name + ": " + value);
    }

    @FunctionalInterface
    private interface PathSupplier {
        String get() throws Exception;
    }
}

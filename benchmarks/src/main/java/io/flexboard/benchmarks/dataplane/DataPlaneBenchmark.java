package io.flexboard.benchmarks.dataplane;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.flexboard.benchmarks.BenchHttp;

/**
 * The agent's data plane under load (docs/PERFORMANCE.md, "Agent data plane"): sets up a customer database
 * on a local PostgreSQL, a tenant with 50 published widgets on a running local stack, and the real agent
 * process with 5 data sources, then measures single flight, cached reads, the agent's overhead on uncached
 * reads, the roadmap's arrival stages, and the agent's heap. Cleans up after itself (agent stopped, database
 * dropped); the tenant stays on the stack. A harness run by hand, never a test.
 *
 * <p>Arguments ({@code --name=value}): {@code admin-token} (required, or FLEXBOARD_ADMIN_TOKEN), {@code base-url}
 * (http://127.0.0.1:8080), {@code customer-db} (jdbc:postgresql://127.0.0.1:5432/postgres), {@code customer-db-user}
 * (postgres), {@code customer-db-password} (empty), {@code shop-database} (flexboard_bench_shop), {@code orders}
 * (100000), {@code data-sources} (5), {@code agent-jar} (agent/target/flexboard-agent.jar), {@code agent-jvm}
 * (none: space-separated JVM options of the agent), {@code single-flight-requests} (100), {@code clients} (16),
 * {@code seconds} (15), {@code overhead-samples} (2000), {@code arrival-rates} (10,50,100,100,500,1000: new
 * clients per second, one stage each), {@code stage-seconds} (10), {@code generator-threads} (2).
 */
public final class DataPlaneBenchmark {

    private static final String USAGE = "usage: DataPlaneBenchmark --admin-token=<token> [--base-url=http://127.0.0.1:8080]"
            + " [--customer-db=jdbc:postgresql://127.0.0.1:5432/postgres] [--customer-db-user=postgres] [--customer-db-password=]"
            + " [--shop-database=flexboard_bench_shop] [--orders=100000] [--data-sources=5] [--agent-jar=agent/target/flexboard-agent.jar]"
            + " [--agent-jvm=] [--single-flight-requests=100] [--clients=16] [--seconds=15] [--overhead-samples=2000]"
            + " [--arrival-rates=10,50,100,100,500,1000] [--stage-seconds=10] [--generator-threads=2]";

    private DataPlaneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchHttp.options(args);
        String token = options.getOrDefault("admin-token", System.getenv("FLEXBOARD_ADMIN_TOKEN"));
        Settings settings;
        try {
            settings = Settings.from(options, token);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.out.printf("Data-plane benchmark: control plane %s, customer database %s on %s:%d (%d cores, harness max heap %d MiB, Java %s)%n",
                settings.http.baseUrl(), settings.shop.database(), settings.shop.host(), settings.shop.port(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        int exitCode = run(settings, token);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Set-up, phases and clean-up; 1 when the run produced no figures. */
    private static int run(Settings settings, String token) throws Exception {
        BenchReport report = new BenchReport();
        report.row("load average at start (1 / 5 / 15 min)", loadAverage());
        DataPlaneAgent agent = null;
        boolean keepAgentLog = true;
        try {
            long t0 = System.nanoTime();
            settings.shop.create(settings.orders);
            System.out.printf("Created %s with %,d orders in %.1f s%n", settings.shop.database(), settings.orders, (System.nanoTime() - t0) / 1e9);
            DataPlaneTenant tenant = DataPlaneTenant.create(settings.http, token, settings.dataSources);
            System.out.printf("Published version %d of tenant %s: %d widgets on %d dashboards%n", tenant.version(), tenant.id(),
                    tenant.widgetKeys().size(), (tenant.widgetKeys().size() + 19) / 20);
            agent = DataPlaneAgent.start(settings.agentJar, settings.agentJvm, settings.http.baseUrl(), tenant, settings.shop, settings.dataSources);
            System.out.printf("Agent serves version %d on %s (log: %s)%n", tenant.version(), agent.baseUrl(), agent.log());
            try (LoadClient client = new LoadClient("data-plane-load", settings.generatorThreads)) {
                readEveryWidget(client, agent, tenant);
                SingleFlightPhase.run(client, agent.baseUrl(), "/api/data/" + DataPlaneTenant.SALES_BY_MONTH + "?region="
                        + BenchShop.REGIONS[BenchShop.REGIONS.length - 1], settings.singleFlightRequests, report);
                CachedReadsPhase.run(agent.baseUrl(), "/api/data/" + DataPlaneTenant.SALES_BY_MONTH, settings.clients,
                        Duration.ofSeconds(settings.seconds), report);
                UncachedOverheadPhase.run(client, agent.baseUrl(), "/api/data/" + DataPlaneTenant.RECENT_ORDERS, settings.overheadSamples, report);
                new RoadmapLoadPhase(client, agent.baseUrl(), settings.http.baseUrl(), tenant)
                        .run(settings.arrivalRates, Duration.ofSeconds(settings.stageSeconds), report);
            }

            report.row("agent heap after a full GC (" + tenant.widgetKeys().size() + " widgets, " + settings.dataSources + " data sources)",
                    agent.liveHeapMiB() + " MiB");
            report.row("agent resident memory (VmRSS)", agent.residentMiB() + " MiB");
            report.row("load average at end (1 / 5 / 15 min)", loadAverage());
            report.print();
            keepAgentLog = false;
            return 0;
        } catch (PhaseFailed | IllegalStateException | SQLException e) {
            System.err.println("BENCHMARK FAILED, no figures: " + e.getMessage());
            return 1;
        } finally {
            if (agent != null && keepAgentLog) {
                agent.stopKeepingLog();
                System.err.println("The agent's log is kept: " + agent.log());
            } else if (agent != null) {
                agent.close();
            }
            dropQuietly(settings.shop);
        }
    }

    /** A failed drop is reported, not thrown: it must not hide why the run failed. */
    private static void dropQuietly(BenchShop shop) {
        try {
            shop.drop();
        } catch (SQLException e) {
            System.err.println("Could not drop " + shop.database() + ": " + e.getMessage());
        }
    }

    /**
     * Every widget once, as a viewer opening the dashboards would: checks the set-up (each widget answers
     * rows), opens every data source's pool, and fills the caches before the heap is measured. Reads the
     * filters' defaults only, so the single-flight phase's filter value stays cold.
     */
    private static void readEveryWidget(LoadClient client, DataPlaneAgent agent, DataPlaneTenant tenant) throws Exception {
        for (String widget : tenant.widgetKeys()) {
            HttpResponse<String> answer = client.http().send(LoadClient.get(agent.baseUrl() + "/api/data/" + widget),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("set-up: GET /api/data/" + widget + " answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        System.out.printf("Read each of the %d widgets once%n", tenant.widgetKeys().size());
    }

    private static String loadAverage() throws java.io.IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return fields[0] + " / " + fields[1] + " / " + fields[2];
    }

    /** The parsed arguments; a malformed one is an {@link IllegalArgumentException} naming it. */
    private record Settings(BenchHttp http, BenchShop shop, int orders, int dataSources, Path agentJar, List<String> agentJvm,
                            int singleFlightRequests, int clients, int seconds, int overheadSamples, List<Integer> arrivalRates,
                            int stageSeconds, int generatorThreads) {

        static Settings from(Map<String, String> options, String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("--admin-token (or FLEXBOARD_ADMIN_TOKEN) is required");
            }
            String jvm = options.getOrDefault("agent-jvm", "").trim();
            Path agentJar = Path.of(options.getOrDefault("agent-jar", "agent/target/flexboard-agent.jar"));
            if (!Files.isRegularFile(agentJar)) {
                throw new IllegalArgumentException("--agent-jar: " + agentJar.toAbsolutePath()
                        + " is missing; build the agent first (./mvnw -B -q -pl agent package -DskipTests)");
            }
            return new Settings(
                    new BenchHttp(options.getOrDefault("base-url", "http://127.0.0.1:8080")),
                    new BenchShop(options.getOrDefault("customer-db", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                            options.getOrDefault("customer-db-user", "postgres"), options.getOrDefault("customer-db-password", ""),
                            options.getOrDefault("shop-database", "flexboard_bench_shop")),
                    positive(options, "orders", 100_000),
                    positive(options, "data-sources", 5),
                    agentJar,
                    jvm.isEmpty() ? List.of() : Arrays.asList(jvm.split("\\s+")),
                    positive(options, "single-flight-requests", 100),
                    positive(options, "clients", 16),
                    positive(options, "seconds", 15),
                    positive(options, "overhead-samples", 2000),
                    Arrays.stream(options.getOrDefault("arrival-rates", "10,50,100,100,500,1000").split(","))
                            .map(rate -> positive(Map.of("arrival-rates", rate.trim()), "arrival-rates", 0)).toList(),
                    positive(options, "stage-seconds", 10),
                    positive(options, "generator-threads", 2));
        }

        private static int positive(Map<String, String> options, String name, int fallback) {
            String value = options.getOrDefault(name, String.valueOf(fallback));
            try {
                int parsed = Integer.parseInt(value);
                if (parsed > 0) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // answered below, naming the argument
            }
            throw new IllegalArgumentException("--" + name + " must be a whole number above 0, got '" + value + "'");
        }
    }
}

package io.flexboard.benchmarks.dataplane;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.flexboard.benchmarks.StackProcess;

/**
 * The on-prem agent under benchmark: its own process ({@code flexboard-agent.jar run}) with a fresh data
 * directory, a free port on 127.0.0.1 and a {@code datasources.yml} naming the shop database under
 * {@code shop-1} … {@code shop-N} (one pool each), its password in the agent's environment only.
 */
final class DataPlaneAgent implements AutoCloseable {

    private static final String PASSWORD_VARIABLE = "BENCH_SHOP_PASSWORD";
    private static final Duration SERVE_TIMEOUT = Duration.ofSeconds(60);

    private final StackProcess process;
    private final Path dataDir;
    private final int port;

    private DataPlaneAgent(StackProcess process, Path dataDir, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts the agent and returns once it serves {@code tenant}'s published version. */
    static DataPlaneAgent start(Path jar, List<String> jvmOptions, String controlPlaneUrl, DataPlaneTenant tenant, BenchShop shop,
                                int dataSources) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("flexboard-data-plane-agent");
        Files.writeString(dataDir.resolve("datasources.yml"), dataSourcesYaml(shop, dataSources));
        int port = freePort();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CONTROL_PLANE_URL", controlPlaneUrl);
        environment.put("AGENT_API_KEY", tenant.apiKey());
        environment.put("TENANT_ID", tenant.id());
        environment.put("AGENT_DATA_DIR", dataDir.toString());
        environment.put("AGENT_HTTP_PORT", String.valueOf(port));
        environment.put("AGENT_ID", "data-plane-benchmark");
        environment.put(PASSWORD_VARIABLE, shop.password());
        StackProcess process = new StackProcess(jar, jvmOptions, List.of("run"), environment, dataDir.resolve("agent.log"), port, "/config");
        DataPlaneAgent agent = new DataPlaneAgent(process, dataDir, port);
        try {
            process.start();
            agent.awaitVersion(tenant.version());
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.stop();
            throw e;
        }
        return agent;
    }

    /** The agent's default pool size each: five pools of the same database, as five sources would have. */
    private static String dataSourcesYaml(BenchShop shop, int dataSources) {
        StringBuilder yaml = new StringBuilder("datasources:\n");
        for (int i = 1; i <= dataSources; i++) {
            yaml.append("""
                      - id: shop-%d
                        name: The shop database, pool %d
                        type: postgresql
                        connection: {host: "%s", port: %d, database: %s, username: "%s", password: "${%s}"}
                        options: {timeout: 10000}
                    """.formatted(i, i, shop.host(), shop.port(), shop.database(), shop.user(), PASSWORD_VARIABLE));
        }
        return yaml.append("default: shop-1\n").toString();
    }

    /** The ready check only says a configuration is applied; a fresh data directory can hold no other than the published one. */
    private void awaitVersion(long version) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + SERVE_TIMEOUT.toNanos();
        String served = "none";
        while (System.nanoTime() < deadline) {
            HttpResponse<Void> config = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/config")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            served = config.headers().firstValue("X-Config-Version").orElse("none");
            if (served.equals(String.valueOf(version))) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("The agent serves version " + served + ", not the published " + version + ", after "
                + SERVE_TIMEOUT.toSeconds() + " s; see " + log());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return dataDir.resolve("agent.log");
    }

    /** Heap in use after a full collection, in MiB. */
    long liveHeapMiB() throws IOException, InterruptedException {
        return process.liveHeapMiB();
    }

    long residentMiB() throws IOException {
        return process.residentMiB();
    }

    /** Stops the agent (closing its pools) and removes its data directory. */
    @Override
    public void close() throws InterruptedException, IOException {
        process.stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Stops the agent and keeps its data directory, log included, for a look at why a run failed. */
    void stopKeepingLog() throws InterruptedException {
        process.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

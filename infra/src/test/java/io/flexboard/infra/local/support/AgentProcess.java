package io.flexboard.infra.local.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The real on-prem agent ({@code agent/target/flexboard-agent.jar}) run as its own process, the way a
 * customer runs it: configured by environment, state in its data directory, output in a log file.
 */
public final class AgentProcess implements AutoCloseable {

    /** Where the agent module's build leaves the jar, seen from the infra module's directory. */
    private static final Path JAR = Path.of("..", "agent", "target", "flexboard-agent.jar");

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AgentProcess(Process process, Path dataDir, Path log, int httpPort) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.httpPort = httpPort;
    }

    /** Starts the agent against the control plane at {@code controlPlaneUrl}. */
    public static AgentProcess start(String controlPlaneUrl, String tenantId, String apiKey, Path dataDir,
                                     int httpPort, int waitSeconds) throws IOException {
        return start(controlPlaneUrl, tenantId, apiKey, dataDir, httpPort, waitSeconds, Map.of());
    }

    /** Starts the agent with further environment variables (a data source's secret, say). */
    public static AgentProcess start(String controlPlaneUrl, String tenantId, String apiKey, Path dataDir,
                                     int httpPort, int waitSeconds, Map<String, String> extraEnvironment) throws IOException {
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("agent.log");
        ProcessBuilder builder = new ProcessBuilder(command("run"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("CONTROL_PLANE_URL", controlPlaneUrl);
        environment.put("AGENT_API_KEY", apiKey);
        environment.put("TENANT_ID", tenantId);
        environment.put("AGENT_DATA_DIR", dataDir.toString());
        environment.put("AGENT_HTTP_PORT", String.valueOf(httpPort));
        environment.put("AGENT_WAIT_SECONDS", String.valueOf(waitSeconds));
        environment.put("AGENT_ID", "e2e-agent");
        environment.putAll(extraEnvironment);
        return new AgentProcess(builder.start(), dataDir, log, httpPort);
    }

    /** Runs {@code flexboard-agent.jar status} on a data directory and returns what it printed. */
    public static String status(Path dataDir) throws IOException, InterruptedException {
        List<String> command = command("status");
        command.add("--data-dir");
        command.add(dataDir.toString());
        Process status = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!status.waitFor(30, TimeUnit.SECONDS) || status.exitValue() != 0) {
            throw new IllegalStateException("status command failed: " + output);
        }
        return output;
    }

    private static List<String> command(String subcommand) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build the agent module first "
                    + "(./mvnw -pl agent package), or run the whole build");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.add(subcommand);
        return command;
    }

    /** The configuration the agent serves locally right now ({@code GET /config}). */
    public JsonNode servedConfig() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/config"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /config answered " + response.statusCode() + ": " + response.body());
        }
        return StackClient.JSON.readTree(response.body());
    }

    /** {@code GET} on the agent's local server, e.g. {@code /api/data/sales-by-month?region=North}. */
    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The version the agent serves, or -1 while it serves nothing (or is not listening yet). */
    public int servedVersion() {
        try {
            return servedConfig().path("version").asInt(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Everything the agent logged so far, for assertions and failure messages. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops it as SIGTERM would, then forcibly if it does not exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
        }
    }
}

package io.flexboard.infra.faults;

import io.flexboard.infra.local.bridge.StandaloneBridge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * agent-bridge alone in a JVM of its own on a fixed port, against a running local stack's PostgreSQL and Kafka: what
 * one bridge replica of a deployment is. Its agents talk to it directly, so a kill -9 leaves them what a dead replica
 * leaves them (connections reset, then refused), not the local router's 503 for a service that is not running.
 * Its output is appended to the given log file across restarts.
 */
public final class BridgeProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile(Pattern.quote(StandaloneBridge.READY) + "(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path log;
    private final String jdbcUrl;
    private final String kafkaBootstrapServers;
    private final int port;
    private Process jvm;

    public BridgeProcess(Path log, String jdbcUrl, String kafkaBootstrapServers, int port) {
        this.log = log;
        this.jdbcUrl = jdbcUrl;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.port = port;
    }

    /** Starts the bridge and returns once it serves on its port. */
    public void start() throws Exception {
        jvm = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                StandaloneBridge.class.getName(), jdbcUrl, kafkaBootstrapServers, String.valueOf(port))
                .redirectErrorStream(true)
                .start();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Process started = jvm;
        Thread pump = new Thread(() -> StackProcess.pump(started, log, READY, ready), "bridge-output");
        pump.setDaemon(true);
        pump.start();
        try {
            ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            kill();
            List<String> output = Files.readAllLines(log);
            throw new IllegalStateException("agent-bridge did not get ready; the end of its output:\n"
                    + String.join("\n", output.subList(Math.max(0, output.size() - 60), output.size())), e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** kill -9: parked syncs are cut off, nothing is answered on the way down. */
    void kill() throws InterruptedException {
        jvm.destroyForcibly();
        if (!jvm.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("agent-bridge did not die of SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (jvm != null && jvm.isAlive()) {
            kill();
        }
    }
}

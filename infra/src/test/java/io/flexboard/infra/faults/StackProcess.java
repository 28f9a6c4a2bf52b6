package io.flexboard.infra.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole local stack ({@code LocalStack}'s main, as {@code java -jar flexboard-local.jar} runs it) in a JVM of
 * its own on a kept data directory, so a fault case can kill it with SIGKILL and start it again. Its output is
 * appended to {@code <data dir>/stack.log} (kept by the test's temp directory until the case ends).
 */
public final class StackProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Flexboard is ready on http://localhost:(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Process jvm;
    private final Path dataDir;
    private final int port;

    private StackProcess(Process jvm, Path dataDir, int port) {
        this.jvm = jvm;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts the stack and returns once it printed its ready line (the router answers). */
    static StackProcess start(Path dataDir, String adminToken) throws Exception {
        Files.createDirectories(dataDir);
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Daxoniq.update-checker.disabled=true", "-Ddisable-axoniq-console-message=true",
                "-cp", System.getProperty("java.class.path"),
                "io.flexboard.infra.local.LocalStack")
                .redirectErrorStream(true);
        builder.environment().put("FLEXBOARD_DATA_DIR", dataDir.toString());
        builder.environment().put("FLEXBOARD_PORT", "0");
        builder.environment().put("FLEXBOARD_ADMIN_TOKEN", adminToken);
        Process jvm = builder.start();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(jvm, dataDir.resolve("stack.log"), READY, ready), "stack-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new StackProcess(jvm, dataDir, ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (Exception e) {
            jvm.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            List<String> output = Files.readAllLines(dataDir.resolve("stack.log"));
            throw new IllegalStateException("the stack did not get ready; the end of its output:\n"
                    + String.join("\n", output.subList(Math.max(0, output.size() - 60), output.size())), e);
        }
    }

    /** Copies a JVM's output to the log file and completes {@code ready} with the port its ready line names (group 1). */
    static void pump(Process jvm, Path logFile, Pattern readyLine, CompletableFuture<Integer> ready) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            String line;
            while ((line = output.readLine()) != null) {
                log.println(line);
                Matcher matcher = readyLine.matcher(line);
                if (matcher.find()) {
                    ready.complete(Integer.parseInt(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        } finally {
            ready.completeExceptionally(new IllegalStateException("the stack's JVM exited before it was ready"));
        }
    }

    int port() {
        return port;
    }

    /** A port free right now, for a process of the suite that must come back on the same one. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The embedded PostgreSQL's JDBC URL: its port is kept in the data directory. */
    String jdbcUrl() throws IOException {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort() + "/flexboard";
    }

    private int postgresPort() throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        return Integer.parseInt(lines.get(3).strip());
    }

    /** kill -9 of the JVM alone (the OOM killer): the embedded PostgreSQL, in a session of its own, lives on. */
    void killJvm() throws InterruptedException {
        jvm.destroyForcibly();
        if (!jvm.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the stack's JVM did not die of SIGKILL");
        }
    }

    /** kill -9 of everything at once (a power cut): the JVM, the postmaster and every PostgreSQL backend. */
    void killEverything() throws Exception {
        jvm.destroyForcibly();
        killPostgres();
        killJvm();
    }

    /** kill -9 of the embedded PostgreSQL (postmaster and backends) while the JVM lives. */
    void killPostgres() throws Exception {
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isEmpty()) {
            return;
        }
        List<ProcessHandle> backends = postmaster.get().descendants().toList();
        postmaster.get().destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        for (ProcessHandle backend : backends) {
            backend.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** The embedded PostgreSQL's postmaster, by its data directory's {@code postmaster.pid}. */
    Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
    }

    /**
     * A clean stop (SIGTERM: the shutdown hook closes the services, Kafka and PostgreSQL); after a case that
     * killed the JVM alone and failed before the restart, the orphaned PostgreSQL is killed too.
     */
    @Override
    public void close() throws Exception {
        if (jvm.isAlive()) {
            jvm.destroy();
            if (jvm.waitFor(90, TimeUnit.SECONDS)) {
                return;
            }
        }
        killEverything();
    }
}

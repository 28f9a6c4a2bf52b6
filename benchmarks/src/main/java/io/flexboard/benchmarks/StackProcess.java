package io.flexboard.benchmarks;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stack (or the on-prem agent) as a child process of a benchmark, so the harness can read its
 * CPU time, heap and resident memory, and stop and restart it (a bridge restart) while its simulated
 * agents keep running.
 */
public final class StackProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern RESIDENT = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    /** Linux reports CPU times in clock ticks; 100 per second on every kernel this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Path jar;
    private final List<String> jvmOptions;
    private final Arguments arguments;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private final String readyPath;
    private Process process;

    public StackProcess(Path jar, List<String> jvmOptions, Map<String, String> environment, Path log, int port) {
        this(jar, jvmOptions, List.of(), environment, log, port, "/health");
    }

    /**
     * @param arguments after the jar (the agent's {@code run})
     * @param readyPath a GET on it answers 200 once the process is ready ({@code /health} for the stack)
     */
    public StackProcess(Path jar, List<String> jvmOptions, List<String> arguments, Map<String, String> environment, Path log, int port,
                 String readyPath) {
        this(jar, jvmOptions, () -> arguments, environment, log, port, readyPath);
    }

    /** @param arguments after the jar, read at every start (e.g. ports another process chose) */
    public StackProcess(Path jar, List<String> jvmOptions, Arguments arguments, Map<String, String> environment, Path log, int port,
                        String readyPath) {
        this.jar = jar;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.arguments = arguments;
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.port = port;
        this.readyPath = readyPath;
    }

    /** Starts the process and returns once its ready path answers 200. */
    public void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments.get());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(jar.getFileName() + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + readyPath))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(jar.getFileName() + " did not answer " + readyPath + " within 180 s; see " + log);
    }

    /** The jar it runs. */
    public Path jar() {
        return jar;
    }

    /** The arguments after the jar, read when the process starts. */
    @FunctionalInterface
    public interface Arguments {
        List<String> get() throws IOException;
    }

    /** Stops it as an operator would (SIGTERM), waiting for a clean exit. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** User plus system CPU seconds the stack's JVM has used so far (from /proc). */
    public double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        // Fields after the command name (which may contain spaces) start at index 2 (state).
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** Heap in use after a full collection, in MiB: what the stack really holds, garbage excluded. */
    public long liveHeapMiB() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
    }

    /** Resident memory in MiB (VmRSS from /proc): heap, metaspace, threads, code and buffers, as the OS sees it. */
    public long residentMiB() throws IOException {
        Matcher resident = RESIDENT.matcher(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "status")));
        return resident.find() ? Long.parseLong(resident.group(1)) / 1024 : -1;
    }

    /** Starts a Java Flight Recording of the stack, sampling every millisecond (for profiling one phase). */
    public void startRecording() throws IOException, InterruptedException {
        jcmd("JFR.start", "name=phase", "settings=profile", "jdk.ExecutionSample#period=1ms");
    }

    /** Stops the recording started by {@link #startRecording()} and writes it to {@code file}. */
    public void stopRecording(Path file) throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=phase", "filename=" + file.toAbsolutePath());
    }

    private String jcmd(String... what) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid())));
        command.addAll(List.of(what));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}

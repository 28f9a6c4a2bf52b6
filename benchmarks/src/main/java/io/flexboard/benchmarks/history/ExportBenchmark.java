package io.flexboard.benchmarks.history;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flexboard.benchmarks.BenchHttp;
import io.flexboard.infra.local.config.LocalPorts;
import io.flexboard.infra.local.kafka.LocalKafka;
import io.flexboard.schemas.wire.Topics;

/**
 * Export throughput of {@code flexboard-history.jar} (docs/PERFORMANCE.md, "Event history export"): writes a
 * generated history ({@link EventHistoryGenerator}, 1,000,000 events by default) onto the events topic of an
 * in-process broker, once per data directory, then runs the export tool as a child process for each format,
 * over the whole topic and for the big tenant alone, and prints a Markdown table: events/s as the tool reports
 * them, wall time including the JVM's start, peak heap and CPU time (the tool's {@code --stats}), output size.
 *
 * <p>Arguments ({@code --name=value}): {@code data-dir} (/tmp/flexboard-export-bench: the broker's log, kept
 * for the next run), {@code jar} (history/target/flexboard-history.jar), {@code heap} (256m, the export's
 * -Xmx), {@code small-heap} (64m), {@code runs} (jsonl,csv,avro,avro-snappy,tenant,small-heap: each format over the
 * whole topic, JSON Lines of the big tenant alone, JSON Lines with the small heap to show the memory stays
 * bounded), {@code repeat} (3: each run is repeated and the fastest kept, other processes on the machine
 * slow single runs down), {@code jvm-options} (more options for the export's JVM, space
 * separated, e.g. a flight recording), {@code events}, {@code tenants}, {@code big-tenant-events}.
 */
public final class ExportBenchmark {

    /** The tool's summary line with --stats; its numbers have thousands separators. */
    private static final Pattern SUMMARY = Pattern.compile(
            "Exported ([\\d,]+) events .* \\(([\\d,]+) events/s\\): ([\\d,]+) records read.*"
                    + "heap at most ([\\d.]+) MiB live after GC, ([\\d.]+) MiB used \\(max (\\d+) MiB\\), GC (\\d+) ms in (\\d+) collections, CPU ([\\d.]+) s"
                    + " \\(reading thread ([\\d.]+) s, writing thread ([\\d.]+) s\\)");

    private final Path dataDir;
    private final Path jar;
    private final String bootstrapServers;
    private final List<String> jvmOptions;
    private final int repeat;
    private final List<String> rows = new ArrayList<>();

    private ExportBenchmark(Path dataDir, Path jar, String bootstrapServers, List<String> jvmOptions, int repeat) {
        this.dataDir = dataDir;
        this.jar = jar;
        this.bootstrapServers = bootstrapServers;
        this.jvmOptions = jvmOptions;
        this.repeat = repeat;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchHttp.options(args);
        Path dataDir = Path.of(options.getOrDefault("data-dir", "/tmp/flexboard-export-bench")).toAbsolutePath();
        Path jar = Path.of(options.getOrDefault("jar", "history/target/flexboard-history.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            System.err.println("No export tool at " + jar + ": build it with ./mvnw -B -q -pl history -am package -DskipTests, or pass --jar=");
            System.exit(2);
        }
        EventHistoryGenerator generator = new EventHistoryGenerator(EventHistoryGenerator.Settings.from(options));
        String heap = options.getOrDefault("heap", "256m");
        String smallHeap = options.getOrDefault("small-heap", "64m");
        Files.createDirectories(dataDir);
        System.out.printf("Export benchmark: %d cores, Java %s, data in %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), dataDir);

        try (LocalKafka kafka = LocalKafka.start(dataDir, LocalPorts.in(dataDir))) {
            List<String> jvmOptions = List.of(options.getOrDefault("jvm-options", "").split(" ")).stream().filter(o -> !o.isBlank()).toList();
            ExportBenchmark benchmark = new ExportBenchmark(dataDir, jar, kafka.bootstrapServers(), jvmOptions,
                    Integer.parseInt(options.getOrDefault("repeat", "3")));
            benchmark.ensureHistory(generator);
            for (String run : options.getOrDefault("runs", "jsonl,csv,avro,avro-snappy,tenant,small-heap").split(",")) {
                switch (run.strip()) {
                    case "tenant" -> benchmark.export("big tenant only", heap, "jsonl", "--tenant=" + generator.bigTenantId());
                    case "small-heap" -> benchmark.export("whole topic", smallHeap, "jsonl");
                    default -> benchmark.export("whole topic", heap, run.strip());
                }
            }
            benchmark.print();
        }
    }

    /** Writes the generated history onto an empty events topic; a topic already holding it is kept as it is. */
    private void ensureHistory(EventHistoryGenerator generator) throws Exception {
        HistoryTopic.Contents topic = HistoryTopic.ensure(bootstrapServers, generator);
        if (topic.written().isEmpty()) {
            System.out.printf("Reusing %,d events already on %s (remove %s to generate again)%n", topic.events(), Topics.EVENTS, dataDir);
            return;
        }
        EventHistoryGenerator.Written written = topic.written().get();
        double seconds = topic.seconds();
        System.out.printf("Generated %,d events (%,.0f MiB of values, %,.0f bytes per event on average) in %.0f s%n",
                written.events(), written.valueBytes() / 1048576.0, (double) written.valueBytes() / written.events(), seconds);
        rows.add(String.format(Locale.ROOT, "| history written (generator → broker, acks=all) | %,d events, %,.0f MiB of values (%,.0f B/event) | %.0f s, %,.0f events/s | | | | |",
                written.events(), written.valueBytes() / 1048576.0, (double) written.valueBytes() / written.events(), seconds, written.events() / seconds));
    }

    /** One export as its own process, {@code repeat} times; the fastest run goes into the table. */
    private void export(String scope, String heap, String format, String... extra) throws IOException, InterruptedException {
        Run best = null;
        for (int i = 0; i < repeat; i++) {
            Run run = exportOnce(heap, format, extra);
            System.out.printf(Locale.ROOT, "%s, %s, -Xmx%s (load average %.1f before): %s%n", format, scope, heap, run.loadBefore(), run.summary());
            if (best == null || run.eventsPerSecond() > best.eventsPerSecond()) {
                best = run;
            }
        }
        Matcher matched = best.matched();
        rows.add(String.format(Locale.ROOT, "| %s, %s, -Xmx%s | %,d written of %,d read | %,d events/s (wall %.1f s with JVM start) | %s / %s MiB | %s s: reading %s s, writing %s s, GC %s ms | %,.0f MiB | %.1f |",
                format, scope, heap, number(matched.group(1)), number(matched.group(3)), best.eventsPerSecond(), best.wallSeconds(),
                matched.group(4), matched.group(5), matched.group(9), matched.group(10), matched.group(11), matched.group(7),
                best.outputBytes() / 1048576.0, best.loadBefore()));
    }

    /** What one export process reported. */
    private record Run(String summary, Matcher matched, double wallSeconds, long outputBytes, double loadBefore) {

        long eventsPerSecond() {
            return number(matched.group(2));
        }
    }

    /** Runs the tool once; the output is removed afterwards. */
    private Run exportOnce(String heap, String format, String... extra) throws IOException, InterruptedException {
        boolean snappy = format.equals("avro-snappy");
        String toolFormat = snappy ? "avro" : format;
        Path output = dataDir.resolve("export." + toolFormat);
        Path log = dataDir.resolve("export-" + format + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "export", "--bootstrap-servers=" + bootstrapServers,
                "--format=" + toolFormat, "--output=" + output, "--stats"));
        if (snappy) {
            command.add("--avro-codec=snappy");
        }
        command.addAll(List.of(extra));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the export did not finish in 30 minutes; see " + log);
        }
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String summary = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        Matcher matched = SUMMARY.matcher(summary);
        if (process.exitValue() != 0 || !matched.find()) {
            throw new IllegalStateException("the export failed (exit " + process.exitValue() + "): " + summary + "; see " + log);
        }
        long size = Files.size(output);
        Files.delete(output);
        return new Run(summary, matched, wallSeconds, size, load);
    }

    private void print() {
        System.out.println();
        System.out.println("| run | events | throughput | heap: live after GC / used, at most | CPU of the export | output | load average before |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
    }

    private static long number(String withSeparators) {
        return Long.parseLong(withSeparators.replace(",", ""));
    }
}

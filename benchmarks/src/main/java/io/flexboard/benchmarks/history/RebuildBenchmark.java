package io.flexboard.benchmarks.history;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.OperatingSystemMXBean;
import io.flexboard.benchmarks.BenchHttp;
import io.flexboard.fold.InMemoryReadModel;
import io.flexboard.infra.local.LocalStack;
import io.flexboard.infra.local.config.RouterLimits;
import io.flexboard.infra.local.config.Settings;
import io.flexboard.infra.local.services.Service;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.EventEnvelopeDeserializer;
import io.flexboard.schemas.wire.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Projection rebuild benchmark (docs/PERFORMANCE.md, "Projection rebuild (issue 5)"): writes the
 * generated history onto the in-process Kafka of a data directory (once; later runs reuse it),
 * starts the projector alone with its live listener stopped, and times full rebuilds through
 * {@code POST /api/ops/rebuilds}: the first onto empty live read models (every row inserted at the
 * switch-over), the next onto the result (nothing to change). Reports events/s, the switch-over
 * and the heap. A harness run by hand, never a test.
 *
 * <p>The history is {@link EventHistoryGenerator}'s, the export benchmark's: {@code events} (1000000),
 * {@code tenants} (1000), {@code big-tenant-events} (10000). Other arguments ({@code --name=value}):
 * {@code data-dir} (/tmp/flexboard-rebuild-bench), {@code db-url} (a database whose name starts
 * with flexboard_bench, dropped and created: jdbc:postgresql://127.0.0.1:5432/flexboard_bench_rebuild),
 * {@code db-user} (postgres), {@code runs} (2), {@code analyse} (100000: events read and folded in memory
 * afterwards, to show what the rebuild costs without SQL; 0 = skip). Rebuild settings go in as system properties, e.g.
 * {@code -Dflexboard.projector.rebuild.max-poll-records=5000}.
 */
public final class RebuildBenchmark {

    private static final String ADMIN_TOKEN = "rebuild-benchmark";

    private RebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchHttp.options(args);
        EventHistoryGenerator generator = new EventHistoryGenerator(EventHistoryGenerator.Settings.from(options));
        Path dataDir = Path.of(options.getOrDefault("data-dir", "/tmp/flexboard-rebuild-bench"));
        String dbUrl = options.getOrDefault("db-url", "jdbc:postgresql://127.0.0.1:5432/flexboard_bench_rebuild");
        String dbUser = options.getOrDefault("db-user", "postgres");
        int runs = Integer.parseInt(options.getOrDefault("runs", "2"));
        int analysed = Integer.parseInt(options.getOrDefault("analyse", "100000"));
        recreate(dbUrl, dbUser);
        // The live projector must not compete with the rebuild for the two cores: its listeners stay stopped.
        System.setProperty("spring.kafka.listener.auto-startup", "false");

        Settings settings = new Settings(0, "127.0.0.1", dataDir, Optional.of(ADMIN_TOKEN), Optional.empty(), dbUser, "",
                RouterLimits.DEFAULTS).withDatabase(dbUrl, dbUser, "");
        try (LocalStack.Running stack = LocalStack.start(settings, List.of(Service.PROJECTOR))) {
            HistoryTopic.Contents topic = HistoryTopic.ensure(stack.kafkaBootstrapServers(), generator);
            topic.written().ifPresentOrElse(
                    written -> System.out.printf("Wrote %,d events in %.1f s%n", written.events(), topic.seconds()),
                    () -> System.out.printf("Reusing the %,d events already in %s%n", topic.events(), Topics.EVENTS));
            BenchHttp http = new BenchHttp("http://127.0.0.1:" + stack.port());
            System.out.printf("Rebuild benchmark: %,d events in %s (%d cores, max heap %d MiB, Java %s)%n",
                    topic.events(), Topics.EVENTS, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
            System.out.println("| run | live read models before | events | wall time | events/s | JVM CPU | PostgreSQL CPU | switch-over"
                    + " | rows inserted | peak heap used | heap after GC |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            for (int run = 1; run <= runs; run++) {
                rebuild(http, run, run == 1 ? "empty" : "equal", dbUrl, dbUser);
            }
            if (analysed > 0) {
                analyse(stack.kafkaBootstrapServers(), analysed);
            }
        }
    }

    private static void rebuild(BenchHttp http, int run, String before, String dbUrl, String dbUser) throws Exception {
        System.gc();
        long jvmCpuBefore = jvmCpuNanos();
        long postgresCpuBefore = postgresCpuNanos(dbUrl, dbUser);
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        JsonNode rebuild = BenchHttp.json(BenchHttp.expect(202, http.send("POST", "/api/ops/rebuilds", null, ADMIN_TOKEN, null)));
        String id = rebuild.path("id").stringValue();
        while (!List.of("done", "failed", "cancelled").contains(rebuild.path("phase").stringValue())) {
            Thread.sleep(500);
            HttpResponse<String> response = BenchHttp.expect(200, http.send("GET", "/api/ops/rebuilds/" + id, null, ADMIN_TOKEN, null));
            rebuild = BenchHttp.json(response);
        }
        long elapsed = System.nanoTime() - started;
        sampler.interrupt();
        long jvmCpu = jvmCpuNanos() - jvmCpuBefore;
        long postgresCpu = postgresCpuNanos(dbUrl, dbUser) - postgresCpuBefore;
        if (!"done".equals(rebuild.path("phase").stringValue())) {
            throw new IllegalStateException("Rebuild " + id + " ended " + rebuild);
        }
        long applied = rebuild.path("events_applied").asLong();
        long inserted = 0;
        for (JsonNode table : rebuild.path("rows_changed")) {
            inserted += table.path("inserted").asLong();
        }
        System.gc();
        long afterGc = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getUsage().getUsed()).sum();
        System.out.printf("| %d | %s | %,d | %.1f s | %,.0f | %.1f s | %.1f s | %,d ms | %,d | %d MiB | %d MiB |%n", run, before,
                applied, elapsed / 1e9, applied / (elapsed / 1e9), jvmCpu / 1e9, postgresCpu / 1e9,
                rebuild.path("switch_ms").asLong(), inserted, peak.get() >> 20, afterGc >> 20);
        System.out.println("rows_changed: " + rebuild.path("rows_changed"));
    }

    /**
     * Where a rebuild's time would go without SQL: the CPU time to read and decode the first
     * {@code events} events from Kafka, then to fold them with the same fold into the in-memory
     * read model (positions, every table, the audit trail with its envelope bytes).
     */
    private static void analyse(String bootstrapServers, int events) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<EventEnvelope> read = new ArrayList<>(events);
        long decodeStart = threads.getCurrentThreadCpuTime();
        try (KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new EventEnvelopeDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS).stream()
                    .map(partition -> new TopicPartition(Topics.EVENTS, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (read.size() < events) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (read.size() < events) {
                        read.add(record.value());
                    }
                });
            }
        }
        long decode = threads.getCurrentThreadCpuTime() - decodeStart;
        InMemoryReadModel model = new InMemoryReadModel();
        long foldStart = threads.getCurrentThreadCpuTime();
        long applied = read.stream().filter(model::apply).count();
        long fold = threads.getCurrentThreadCpuTime() - foldStart;
        System.out.printf("Without SQL, %,d events: read + decode %.1f µs/event, fold into the in-memory read model %.1f µs/event"
                + " (%,d applied)%n", read.size(), decode / 1e3 / read.size(), fold / 1e3 / read.size(), applied);
    }

    /** CPU time of this JVM (broker, projector, harness): on a shared machine, what the wall time cannot show. */
    private static long jvmCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time of the PostgreSQL backends serving the benchmark's database (Linux /proc, clock ticks
     * of 10 ms); the projector's pool keeps its connections, so before and after compare the same ones.
     */
    private static long postgresCpuNanos(String jdbcUrl, String user) throws Exception {
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        long nanos = 0;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
             Statement statement = connection.createStatement();
             ResultSet pids = statement.executeQuery("select pid from pg_stat_activity where datname = '" + database + "' and pid <> pg_backend_pid()")) {
            while (pids.next()) {
                Path stat = Path.of("/proc", String.valueOf(pids.getInt(1)), "stat");
                if (Files.isReadable(stat)) {
                    String[] fields = Files.readString(stat).replaceAll("^.*\\) ", "").split(" ");
                    nanos += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
                }
            }
        }
        return nanos;
    }

    /** Drops and creates the benchmark's database; only one whose name says it is a benchmark's. */
    private static void recreate(String jdbcUrl, String user) throws Exception {
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        if (!database.matches("flexboard_bench[a-z0-9_]*")) {
            throw new IllegalArgumentException("The benchmark drops its database: give it one named flexboard_bench…, not " + database);
        }
        try (Connection admin = DriverManager.getConnection(jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + "postgres", user, "");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        }
    }
}

package io.flexboard.history.export;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The export's progress on standard error: records read, events/s, percent and ETA against the offsets in
 * the range. On a terminal one line rewritten in place a few times a second; otherwise (a log, a pipe) one
 * line every {@link #LOG_INTERVAL}. Ends with the summary line.
 */
final class Progress {

    static final Duration TERMINAL_INTERVAL = Duration.ofMillis(500);
    static final Duration LOG_INTERVAL = Duration.ofSeconds(5);

    private final PrintStream err;
    private final boolean terminal;
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private long lastNanos = startNanos;
    private long total;
    private int lastLineLength;
    private final HeapSamples heap = new HeapSamples();

    Progress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
        this.intervalNanos = (terminal ? TERMINAL_INTERVAL : LOG_INTERVAL).toNanos();
    }

    synchronized void start(ExportOptions options, ExportSummary plan) {
        total = plan.total();
        err.printf(Locale.ROOT, "Exporting %s from %s, %s to %s: %,d records in %d partition(s) %s -> %s (%s)%n",
                options.topic(), options.bootstrapServers(), options.from().map(Object::toString).orElse("the beginning"),
                options.to(), total, plan.ranges().size(), ranges(plan), options.outputName(), options.format().optionValue());
    }

    /** Called after every poll; prints only when the interval has passed. */
    synchronized void update(long read, long written) {
        heap.sample();
        long now = System.nanoTime();
        if (now - lastNanos < intervalNanos) {
            return;
        }
        lastNanos = now;
        double seconds = (now - startNanos) / 1e9;
        double rate = read / Math.max(seconds, 1e-3);
        String eta = rate > 0 ? formatSeconds((total - read) / rate) : "?";
        String line = String.format(Locale.ROOT, "%,d of %,d records read (%.1f %%), %,d written, %,.0f events/s, ETA %s",
                read, total, total == 0 ? 100.0 : 100.0 * read / total, written, rate, eta);
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastLineLength - line.length())));
            lastLineLength = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** A record skipped with --skip-undecodable: one line each, they are rare and each one matters. */
    synchronized void skipped(String what) {
        clearLine();
        err.println("Skipped: " + what);
    }

    /**
     * CPU time of the export's two threads: the one that reads (polls, decodes, filters) and the one that writes.
     * The busier one bounds the speed on a machine with a core for each.
     */
    record ThreadTimes(long readingNanos, long writingNanos) {
    }

    /** Prints the summary line; with {@code stats}, heap, GC and CPU time are appended. */
    synchronized void finish(ExportSummary summary, ExportOptions options, Optional<ThreadTimes> stats) {
        clearLine();
        double seconds = summary.duration().toNanos() / 1e9;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%s %,d events to %s in %s (%,.0f events/s): %,d records read, %,d outside the filters, %,d undecodable skipped; partitions %s",
                summary.interrupted() ? "Interrupted: wrote" : "Exported", summary.written(), options.outputName(),
                formatSeconds(seconds), summary.read() / Math.max(seconds, 1e-3), summary.read(), summary.filtered(),
                summary.skipped(), ranges(summary)));
        stats.ifPresent(times -> line.append("; ").append(stats(times)));
        err.println(line);
        err.flush();
    }

    /** Heap (sampled after every poll), GC and CPU time of this JVM and of the export's threads. */
    private String stats(ThreadTimes times) {
        heap.sample();
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        double cpuSeconds = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : -1;
        return String.format(Locale.ROOT, "heap at most %.1f MiB live after GC, %.1f MiB used (max %.0f MiB), GC %d ms in %d collections,"
                        + " CPU %.1f s (reading thread %.1f s, writing thread %.1f s)",
                heap.maxLive / 1048576.0, heap.maxUsed / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0, gcMillis, gcCount, cpuSeconds,
                times.readingNanos() / 1e9, times.writingNanos() / 1e9);
    }

    /**
     * The largest heap seen: used (garbage included, so it mostly shows how large the collector let the heap grow)
     * and live (what the heap pools held right after their last collection, the memory the export really needs).
     */
    private static final class HeapSamples {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null).toList();
        long maxUsed;
        long maxLive;

        void sample() {
            maxUsed = Math.max(maxUsed, memory.getHeapMemoryUsage().getUsed());
            long live = 0;
            for (MemoryPoolMXBean pool : pools) {
                live += pool.getCollectionUsage().getUsed();
            }
            maxLive = Math.max(maxLive, live);
        }
    }

    private void clearLine() {
        if (terminal && lastLineLength > 0) {
            err.print("\r" + " ".repeat(lastLineLength) + "\r");
            lastLineLength = 0;
        }
    }

    private static String ranges(ExportSummary summary) {
        return summary.ranges().stream().map(PartitionRange::toString).collect(Collectors.joining(" "));
    }

    private static String formatSeconds(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        return whole < 3600 ? String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60)
                : String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
    }
}

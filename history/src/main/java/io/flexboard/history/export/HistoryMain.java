package io.flexboard.history.export;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code java -jar flexboard-history.jar export [options]}. Exit codes: 0 exported, 1 the export failed (broker,
 * topic, an undecodable record, the output file), 2 wrong usage; stopped by Ctrl-C or SIGTERM, the JVM's
 * 130 or 143 with the output complete up to the last whole record.
 */
public final class HistoryMain {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_USAGE = 2;
    /** What a shell reports for a run stopped by Ctrl-C; {@link #execute} answers it when stopped in-process. */
    static final int INTERRUPTED = 130;
    /** A shutdown hook may take this long to let the export close its output before the JVM halts. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    static final String USAGE = """
            Usage: java -jar flexboard-history.jar export --format=jsonl|csv|avro --output=FILE|- [options]
              --bootstrap-servers=HOST:PORT[,...]  Kafka (default localhost:9092)
              --topic=NAME                         the events topic (default flexboard.events)
              --from=INSTANT                       inclusive start, ISO-8601 (2026-11-01T00:00:00Z) or a date; default: the beginning
              --to=INSTANT                         exclusive end; default: now
              --tenant=UUID                        only this tenant's events (repeatable, or comma-separated)
              --type=TYPE                          only this event type, e.g. version_published (repeatable, or comma-separated)
              --avro-codec=deflate|snappy          block compression of an Avro file (default deflate)
              --skip-undecodable                   skip and count records that cannot be decoded instead of stopping
              --stats                              add peak heap, GC and CPU time to the summary line
              --timeout=DURATION                   how long to wait for Kafka's answers (default 30s)
            Progress and the summary go to standard error. See docs/history.md.""";

    private HistoryMain() {
    }

    public static void main(String[] args) {
        // The tool's own logging set-up (errors only, on stderr), unless the caller chose one.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/flexboard/history/export/logback-export.xml");
        }
        PrintStream err = System.err;
        int code = execute(args, new FileOutputStream(FileDescriptor.out), err, export -> {
            // Ctrl-C / SIGTERM: stop after the record being written, close the output, print the summary.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                export.stop();
                try {
                    export.awaitFinished(SHUTDOWN_GRACE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "flexboard-history-shutdown"));
        }, System.console() != null);
        // Stopped by a signal the JVM is already shutting down, and exit() would wait for the hooks forever.
        if (code != INTERRUPTED) {
            System.exit(code);
        }
    }

    /**
     * Runs one command.
     *
     * @param stdout    where {@code --output=-} writes
     * @param beforeRun given the export before it starts, e.g. to stop it from a shutdown hook
     * @param terminal  whether standard error is a terminal (progress rewritten in place)
     */
    static int execute(String[] args, OutputStream stdout, PrintStream err, Consumer<HistoryExport> beforeRun, boolean terminal) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.isEmpty() || List.of("help", "--help", "-h").contains(arguments.get(0))) {
            (arguments.isEmpty() ? err : new PrintStream(stdout, true)).println(USAGE);
            return arguments.isEmpty() ? BAD_USAGE : OK;
        }
        if (!arguments.get(0).equals("export")) {
            err.println("Unknown command '" + arguments.get(0) + "' (the command is export)");
            err.println(USAGE);
            return BAD_USAGE;
        }
        ExportOptions options;
        try {
            options = ExportOptions.parse(arguments.subList(1, arguments.size()), Instant.now());
        } catch (UsageException e) {
            err.println(e.getMessage() + " (java -jar flexboard-history.jar help)");
            return BAD_USAGE;
        }
        HistoryExport export = new HistoryExport(options, stdout, new Progress(err, terminal));
        beforeRun.accept(export);
        try {
            return export.run().interrupted() ? INTERRUPTED : OK;
        } catch (ExportFailedException e) {
            err.println("Export failed: " + e.getMessage());
            return FAILED;
        } catch (OutOfMemoryError e) {
            // Memory does not grow with the range, so a bigger -Xmx is the fix; the output is complete so far.
            err.println("Export failed: out of memory with -Xmx" + (Runtime.getRuntime().maxMemory() >> 20)
                    + "m; the export needs about 64 MiB of heap whatever the range (docs/history.md)");
            return FAILED;
        }
    }
}

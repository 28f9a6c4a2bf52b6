package io.flexboard.history.export;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Runs the export tool in this JVM, its standard output and error captured. */
final class Exports {

    private Exports() {
    }

    /**
     * What a run of the command line left behind.
     *
     * @param exitCode what {@code java -jar flexboard-history.jar} would exit with
     * @param stdout   the bytes written to standard output ({@code --output=-})
     * @param stderr   progress, summary and errors
     */
    record Result(int exitCode, byte[] stdout, String stderr) {

        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    /** The whole command line, as {@code main} runs it (without the shutdown hook). */
    static Result execute(String... args) {
        return execute(new ByteArrayOutputStream(), export -> { }, args);
    }

    /** With {@code stdout} as standard output and {@code beforeRun} given the export before it starts. */
    static Result execute(ByteArrayOutputStream stdout, Consumer<HistoryExport> beforeRun, String... args) {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = HistoryMain.execute(args, stdout, new PrintStream(stderr, true, StandardCharsets.UTF_8), beforeRun, false);
        return new Result(code, stdout.toByteArray(), stderr.toString(StandardCharsets.UTF_8));
    }

    /** The options after {@code export}; answers the summary, or throws what the run threw. */
    static ExportSummary run(String... options) {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        return new HistoryExport(ExportOptions.parse(List.of(options), Instant.now()), new ByteArrayOutputStream(),
                new Progress(new PrintStream(stderr, true, StandardCharsets.UTF_8), false)).run();
    }
}

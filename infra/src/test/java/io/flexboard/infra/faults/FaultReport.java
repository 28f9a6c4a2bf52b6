package io.flexboard.infra.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/**
 * The numbers of each fault case, printed and appended to {@code target/fault-report.md}: catch-up time is
 * recorded, never asserted as a timer (the machine may be loaded; docs/operations.md keeps the measured values).
 */
final class FaultReport {

    private static final Path FILE = Path.of("target", "fault-report.md");
    private static final String HEADER = "| case | acknowledged | lost | duplicated or missing in the read side | unanswered while down "
            + "| refused | restart (s) | catch-up after ready (s) |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n";

    private FaultReport() {
    }

    /** Keeps a case's stack output (both starts) next to the report, for reading a slow or failed case afterwards. */
    static void keepLog(String name, Path log) throws IOException {
        Path kept = FILE.resolveSibling("fault-logs").resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".log");
        Files.createDirectories(kept.getParent());
        Files.copy(log, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static void record(String name, int acknowledged, int lost, int differences, int unanswered, int refused,
                       Duration restart, Duration catchUp) throws IOException {
        String row = String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.1f | %.1f |%n", name, acknowledged, lost,
                differences, unanswered, refused, restart.toMillis() / 1000.0, catchUp.toMillis() / 1000.0);
        System.out.print("FAULT " + row);
        Files.createDirectories(FILE.getParent());
        if (!Files.exists(FILE)) {
            Files.writeString(FILE, HEADER, StandardCharsets.UTF_8);
        }
        Files.writeString(FILE, row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}

package io.flexboard.infra.local.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL left running by a local stack that died without stopping it (kill -9, the OOM killer):
 * pg_ctl starts the server in a session of its own, so it outlives the JVM, keeps its port and holds its data
 * directory. Found by the data directory's {@code postmaster.pid} and stopped before the next start, so a start
 * after any crash succeeds without a hand on it.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    /** A smart shutdown finishes at once: the dead JVM's connections are gone. */
    private static final Duration POLITE = Duration.ofSeconds(20);
    private static final Duration FORCED = Duration.ofSeconds(10);

    private OrphanedPostgres() {
    }

    /** Stops the server that {@code dataDirectory}'s postmaster.pid names, if it is one of ours and still runs. */
    static void stopIfRunning(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            log.warn("Cannot read {}: {}; PostgreSQL will judge it itself", pidFile, e.toString());
            return;
        }
        Optional<ProcessHandle> process = pid(lines).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // A stale file of a server that is gone: PostgreSQL itself removes it at start.
            return;
        }
        if (!isPostgresOf(process.get(), dataDirectory, lines)) {
            // The pid was reused by an unrelated process; PostgreSQL would refuse to start on that file.
            log.warn("{} names process {}, which is not this directory's PostgreSQL; removing the stale file",
                    pidFile, process.get().pid());
            deleteQuietly(pidFile);
            return;
        }
        log.warn("An embedded PostgreSQL from an earlier run (pid {}) still holds {}: the stack that started it died "
                + "without stopping it; stopping it now", process.get().pid(), dataDirectory);
        if (!stop(process.get())) {
            throw new IllegalStateException("The embedded PostgreSQL of an earlier run (pid " + process.get().pid()
                    + ") holding " + dataDirectory + " would not stop; stop it and start again");
        }
        log.info("Stopped the earlier run's PostgreSQL (pid {})", process.get().pid());
    }

    private static boolean stop(ProcessHandle postmaster) {
        postmaster.destroy();
        if (awaitExit(postmaster, POLITE)) {
            return true;
        }
        log.warn("PostgreSQL pid {} did not stop within {} s; killing it (the next start recovers from its WAL)",
                postmaster.pid(), POLITE.toSeconds());
        postmaster.destroyForcibly();
        return awaitExit(postmaster, FORCED);
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** postmaster.pid's first line is the pid, its second the data directory the server runs on. */
    private static Optional<Long> pid(List<String> lines) {
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgresOf(ProcessHandle process, Path dataDirectory, List<String> lines) {
        boolean postgres = process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
        boolean sameDirectory = lines.size() > 1 && sameFile(Path.of(lines.get(1).strip()), dataDirectory);
        return postgres && sameDirectory;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot remove {}: {}", file, e.toString());
        }
    }
}

package io.flexboard.agent.status;

import io.flexboard.agent.store.AppliedConfiguration;
import io.flexboard.agent.store.PublishedConfigurationStore;
import io.flexboard.agent.store.LoadedConfiguration;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code java -jar flexboard-agent.jar status}: what the installation runs and when it last synced, read
 * from the data dir alone, so it works while the agent or the control plane is down. Changes nothing.
 */
public final class StatusCommand {

    private StatusCommand() {
    }

    /** Prints the status of the agent whose data dir is {@code dataDir}; returns 0, or 1 when the dir holds no agent. */
    public static int print(Path dataDir, PrintStream out, Clock clock) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            out.println("No Flexboard agent data in " + dataDir + " (set AGENT_DATA_DIR or pass --data-dir)");
            return 1;
        }
        LoadedConfiguration loaded = new PublishedConfigurationStore(dataDir).inspect();
        Optional<AgentStatus> status = new StatusFile(dataDir).read();
        AppliedConfiguration running = loaded.configuration();
        Instant now = clock.instant();

        out.println("Flexboard agent, data dir " + dataDir);
        status.ifPresent(s -> {
            row(out, "agent id", s.agentId());
            row(out, "tenant", s.tenantId());
            row(out, "agent version", s.agentVersion());
            row(out, "control plane", s.controlPlaneUrl());
            row(out, "serving", s.localUrl() + "/config");
        });
        row(out, "running", running.isNone() ? "no configuration yet (version 0)"
                : "version " + running.version() + ", applied " + when(running.syncedAt(), now));
        loaded.problem().ifPresent(problem -> row(out, "warning", problem));
        if (status.isEmpty() || status.get().lastSyncAttemptAt() == null) {
            row(out, "last sync", "never");
        } else {
            AgentStatus s = status.get();
            row(out, "last sync", s.lastStatus() + ", " + when(s.lastSyncAttemptAt(), now));
            row(out, "last success", s.lastSyncSuccessAt() == null ? "never" : when(s.lastSyncSuccessAt(), now));
            row(out, "last error", s.lastError() == null ? "-" : s.lastError());
        }
        return 0;
    }

    private static void row(PrintStream out, String label, String value) {
        out.printf("  %-14s %s%n", label + ":", value);
    }

    /** An instant and how long ago it was, so nobody has to do time-zone arithmetic at the console. */
    static String when(Instant at, Instant now) {
        if (at == null) {
            return "unknown";
        }
        Duration ago = Duration.between(at, now);
        String relative;
        if (ago.isNegative()) {
            relative = "in the future: check the clock";
        } else if (ago.toSeconds() < 120) {
            relative = ago.toSeconds() + " s ago";
        } else if (ago.toMinutes() < 120) {
            relative = ago.toMinutes() + " min ago";
        } else if (ago.toHours() < 48) {
            relative = ago.toHours() + " h ago";
        } else {
            relative = ago.toDays() + " days ago";
        }
        return at + " (" + relative + ")";
    }
}

package io.flexboard.agent.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** The file {@code agent-id}: an id generated once per installation, so the control plane tells agents apart across restarts. */
public final class AgentIdFile {

    public static final String NAME = "agent-id";

    private AgentIdFile() {
    }

    /** The stored id, creating one the first time. */
    public static String loadOrCreate(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!stored.isEmpty()) {
                return stored;
            }
        }
        String generated = UUID.randomUUID().toString();
        new AtomicFiles().write(file, (generated + "\n").getBytes(StandardCharsets.UTF_8));
        return generated;
    }
}

package io.flexboard.agent.status;

import io.flexboard.agent.AgentJson;
import io.flexboard.agent.store.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import tools.jackson.core.JacksonException;

/** status.json in the data dir: rewritten (atomically) after every sync, so the status command and monitoring read it without the agent. */
public final class StatusFile {

    public static final String NAME = "status.json";

    private final Path file;
    private final AtomicFiles files = new AtomicFiles();

    public StatusFile(Path dataDir) {
        this.file = dataDir.resolve(NAME);
    }

    public void write(AgentStatus status) throws IOException {
        files.write(file, AgentJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(status));
    }

    /** The last status written, empty when there is none or it cannot be read. */
    public Optional<AgentStatus> read() throws IOException {
        try {
            return Optional.of(AgentJson.MAPPER.readValue(Files.readAllBytes(file), AgentStatus.class));
        } catch (NoSuchFileException | JacksonException e) {
            return Optional.empty();
        }
    }
}

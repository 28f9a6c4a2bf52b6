package io.flexboard.agent.data.source;

import io.flexboard.agent.data.connector.Connector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data sources the agent reads now, and their open connectors. {@link #reload()} rereads
 * {@code datasources.yml}: a good file replaces the set (connectors of unchanged entries are kept, those of
 * changed or removed ones closed), a bad one is logged with every problem and the last good set keeps serving.
 * A missing file is an empty set: an agent that only serves configuration needs none.
 */
public final class DataSources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataSources.class);

    /**
     * What a reload found, for logs, the status and tests.
     *
     * @param sources how many data sources are in use after it
     * @param error   why the file was refused, when it was (the last good set stays in use)
     */
    public record Reload(int sources, Optional<String> error) {
    }

    private record Current(DataSourceSet set, Map<String, Connector> connectors) {
    }

    private final Path file;
    private final DataSourcesFile reader;
    private final Function<DataSourceDefinition, Connector> opener;
    private volatile Current current = new Current(DataSourceSet.EMPTY, Map.of());
    private volatile Optional<String> lastError = Optional.empty();
    private String lastContent;

    /**
     * @param file   the data sources file ({@code AGENT_DATA_SOURCES_FILE})
     * @param reader parses it, resolving secrets from the environment
     * @param opener opens a connector for a definition (Connectors::open)
     */
    public DataSources(Path file, DataSourcesFile reader, Function<DataSourceDefinition, Connector> opener) {
        this.file = file;
        this.reader = reader;
        this.opener = opener;
    }

    /** Rereads the file if its content changed since the last reading. Safe to call from one thread at a time. */
    public synchronized Reload reload() {
        String content;
        try {
            content = Files.size(file) > DataSourcesFile.MAX_BYTES ? null : Files.readString(file, StandardCharsets.UTF_8);
            if (content == null) {
                return refused(file + " is refused: is larger than " + DataSourcesFile.MAX_BYTES + " bytes");
            }
        } catch (NoSuchFileException e) {
            content = "";
        } catch (IOException | java.io.UncheckedIOException e) {
            return refused(file + " cannot be read: " + e.getMessage());
        }
        if (content.equals(lastContent)) {
            return new Reload(current.set().definitions().size(), lastError);
        }
        lastContent = content;
        DataSourceSet next;
        try {
            next = reader.parse(file.toString(), content, file.toAbsolutePath().getParent());
        } catch (InvalidDataSourcesException e) {
            return refused(e.getMessage());
        }
        apply(next);
        lastError = Optional.empty();
        LOG.info("Data sources from {}: {} (default: {})", file,
                next.definitions().isEmpty() ? "none" : String.join(", ", next.definitions().keySet()),
                next.defaultId().orElse("none"));
        return new Reload(next.definitions().size(), Optional.empty());
    }

    private Reload refused(String message) {
        lastError = Optional.of(message);
        LOG.error("{}; the last good data sources ({}) keep serving", message,
                current.set().definitions().isEmpty() ? "none" : String.join(", ", current.set().definitions().keySet()));
        return new Reload(current.set().definitions().size(), lastError);
    }

    private void apply(DataSourceSet next) {
        Current previous = current;
        Map<String, Connector> connectors = new HashMap<>();
        for (DataSourceDefinition definition : next.definitions().values()) {
            DataSourceDefinition before = previous.set().definitions().get(definition.id());
            connectors.put(definition.id(), definition.equals(before)
                    ? previous.connectors().get(definition.id())
                    : opener.apply(definition));
        }
        current = new Current(next, Map.copyOf(connectors));
        previous.connectors().forEach((id, connector) -> {
            if (connectors.get(id) != connector) {
                closeQuietly(id, connector);
            }
        });
    }

    /**
     * What is in use, for the local {@code GET /api/data-sources}: ids, names and types, never a connection detail.
     *
     * @param file       the data sources file
     * @param sources    the data sources in use, in the file's order
     * @param defaultId  the default's id, null when there is none
     * @param fileError  why the file on disk is not the one in use, null when it is
     */
    public record Summary(String file, java.util.List<Entry> sources, String defaultId, String fileError) {

        /** One data source as an operator sees it. */
        public record Entry(String id, String name, String type) {
        }
    }

    public Summary summary() {
        Current now = current;
        return new Summary(file.toString(), now.set().definitions().values().stream()
                .map(definition -> new Summary.Entry(definition.id(), definition.name(), definition.type().yamlName()))
                .toList(), now.set().defaultId().orElse(null), lastError.orElse(null));
    }

    /** The connector of a data source id, if one is defined. */
    public Optional<Connector> connector(String id) {
        return Optional.ofNullable(current.connectors().get(id));
    }

    /** The definition of a data source id (for its timeout and type), if one is defined. */
    public Optional<DataSourceDefinition> definition(String id) {
        return Optional.ofNullable(current.set().definitions().get(id));
    }

    /** The id of the data source a Phase 2 widget's top-level query runs on. */
    public Optional<String> defaultId() {
        return current.set().defaultId();
    }

    /** Why the file on disk is not the one in use, if it is not. */
    public Optional<String> lastError() {
        return lastError;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        current.connectors().forEach(DataSources::closeQuietly);
        current = new Current(DataSourceSet.EMPTY, Map.of());
    }

    private static void closeQuietly(String id, Connector connector) {
        try {
            connector.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing data source {} failed: {}", id, e.toString());
        }
    }
}

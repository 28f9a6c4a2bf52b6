package io.flexboard.agent.support;

import io.flexboard.agent.AgentJson;
import io.flexboard.agent.data.connector.Connector;
import io.flexboard.agent.data.source.DataSources;
import io.flexboard.agent.data.source.DataSourcesFile;
import io.flexboard.agent.data.widget.WidgetData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Widget data over scripted connectors, and published metadata holding given widget configs. */
public final class DataPlanes {

    private DataPlanes() {
    }

    /**
     * @param yaml       the datasources.yml content
     * @param connectors the connector each data source id gets
     */
    public static WidgetData widgetData(Path directory, String yaml, Map<String, Connector> connectors, int threads) {
        try {
            Path file = directory.resolve("datasources.yml");
            Files.writeString(file, yaml);
            DataSources sources = new DataSources(file, new DataSourcesFile(name -> null),
                    definition -> connectors.get(definition.id()));
            sources.reload();
            return new WidgetData(sources, 1000, threads, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"version": n, "dashboards": [], "widgets": [], "config": {<configs>}}}. */
    public static JsonNode metadata(long version, String configs) {
        return AgentJson.MAPPER.readTree("{\"version\": " + version + ", \"dashboards\": [], \"widgets\": [], \"config\": " + configs + "}");
    }
}

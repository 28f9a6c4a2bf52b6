package io.flexboard.agent.data.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agent.data.connector.Connector;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.connector.QueryResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {

    /** Remembers which definition it was opened for and whether it was closed. */
    private static final class OpenedConnector implements Connector {
        final DataSourceDefinition definition;
        boolean closed;

        OpenedConnector(DataSourceDefinition definition) {
            this.definition = definition;
        }

        @Override
        public QueryResult read(DataRequest request) {
            return new QueryResult(List.of(), List.of(), false);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @TempDir
    Path directory;
    private final List<OpenedConnector> opened = new ArrayList<>();

    private DataSources sources(Path file) {
        return new DataSources(file, new DataSourcesFile(Map.of("PW", "pw-1")::get), definition -> {
            OpenedConnector connector = new OpenedConnector(definition);
            opened.add(connector);
            return connector;
        });
    }

    private void write(Path file, String yaml) throws IOException {
        Files.writeString(file, yaml);
    }

    @Test
    void without_a_file_there_are_no_data_sources_and_no_error() {
        DataSources sources = sources(directory.resolve("datasources.yml"));

        assertThat(sources.reload()).isEqualTo(new DataSources.Reload(0, java.util.Optional.empty()));
        assertThat(sources.defaultId()).isEmpty();
    }

    @Test
    void a_change_reopens_only_the_changed_entries_and_closes_the_removed_ones() throws IOException {
        Path file = directory.resolve("datasources.yml");
        write(file, """
                datasources:
                  - {id: sales, type: postgresql, connection: {host: db1}}
                  - {id: stock, type: mysql, connection: {host: db2}}
                  - {id: gone, type: mysql, connection: {host: db3}}
                default: sales
                """);
        DataSources sources = sources(file);
        sources.reload();
        Connector sales = sources.connector("sales").orElseThrow();
        Connector stock = sources.connector("stock").orElseThrow();
        Connector gone = sources.connector("gone").orElseThrow();

        write(file, """
                datasources:
                  - {id: sales, type: postgresql, connection: {host: db1}}
                  - {id: stock, type: mysql, connection: {host: db2-replica}}
                default: stock
                """);
        DataSources.Reload reload = sources.reload();

        assertThat(reload.sources()).isEqualTo(2);
        assertThat(sources.connector("sales")).containsSame(sales);
        assertThat(sources.connector("stock").orElseThrow()).isNotSameAs(stock);
        assertThat(((OpenedConnector) stock).closed).isTrue();
        assertThat(((OpenedConnector) gone).closed).isTrue();
        assertThat(((OpenedConnector) sales).closed).isFalse();
        assertThat(sources.connector("gone")).isEmpty();
        assertThat(sources.defaultId()).contains("stock");
    }

    @Test
    void a_bad_file_is_refused_and_the_last_good_set_keeps_serving() throws IOException {
        Path file = directory.resolve("datasources.yml");
        write(file, "datasources: [{id: sales, type: postgresql, connection: {host: db1, password: \"${PW}\"}}]");
        DataSources sources = sources(file);
        sources.reload();
        Connector sales = sources.connector("sales").orElseThrow();

        write(file, "datasources: [{id: sales, type: postgresql, connection: {host: db1, port: many}}]");
        DataSources.Reload reload = sources.reload();

        assertThat(reload.error()).get().asString().contains("datasources[0] (sales).connection.port");
        assertThat(sources.connector("sales")).containsSame(sales);
        assertThat(sources.lastError()).isPresent();

        write(file, "datasources: [{id: sales, type: postgresql, connection: {host: db1, password: \"${PW}\"}}]");
        assertThat(sources.reload().error()).isEmpty();
        assertThat(sources.lastError()).isEmpty();
    }

    @Test
    void an_unchanged_file_is_not_parsed_again() throws IOException {
        Path file = directory.resolve("datasources.yml");
        write(file, "datasources: [{id: sales, type: postgresql, connection: {host: db1}}]");
        DataSources sources = sources(file);
        sources.reload();
        sources.reload();
        sources.reload();

        assertThat(opened).hasSize(1);
    }

    @Test
    void closing_closes_every_connector() throws IOException {
        Path file = directory.resolve("datasources.yml");
        write(file, "datasources: [{id: a, type: postgresql, connection: {host: db1}}, {id: b, type: csv, connection: {url: files}}]");
        DataSources sources = sources(file);
        sources.reload();

        sources.close();

        assertThat(opened).allMatch(connector -> connector.closed);
        assertThat(opened.get(1).definition.baseDirectory()).isEqualTo(directory);
    }
}

package io.flexboard.agent.data.widget;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agent.data.connector.Connector;
import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.QueryResult;
import io.flexboard.agent.support.DataPlanes;
import io.flexboard.agent.support.ScriptedConnector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WidgetDataTest {

    private static final String SOURCES = """
            datasources:
              - {id: main, type: postgresql, connection: {host: db}}
              - {id: api, type: rest_api, connection: {url: "https://api.example.com/v1"}}
            default: main
            """;
    private static final String CONFIGS = """
            {"sales-by-month": {"type": "bar", "query": "SELECT month, revenue FROM sales WHERE region = {region}",
                                "interactions": {"filters": [{"type": "select", "field": "region", "default": "North"}],
                                                 "drilldown": {"enabled": true, "target": "modal",
                                                               "query": "SELECT * FROM orders WHERE month = '{month}' AND region = {region}"}}},
             "cached": {"type": "kpi", "dataSource": {"type": "sql", "connection": "main", "query": "SELECT 1 AS n"},
                        "caching": {"enabled": true, "ttl": 300}},
             "on-api": {"type": "table", "dataSource": {"type": "api", "connection": "main", "endpoint": "/orders"}},
             "elsewhere": {"type": "table", "dataSource": {"type": "sql", "connection": "warehouse", "query": "SELECT 1"}},
             "broken": {"type": "table", "dataSource": {"type": "sql", "connection": "main"}}}
            """;

    @TempDir
    Path directory;
    private final ScriptedConnector main = ScriptedConnector.salesByMonth();
    private WidgetData data;

    private WidgetData data(Connector mainConnector, int threads) {
        data = DataPlanes.widgetData(directory, SOURCES, Map.of("main", mainConnector, "api", ScriptedConnector.salesByMonth()), threads);
        data.apply(7, DataPlanes.metadata(7, CONFIGS));
        return data;
    }

    @AfterEach
    void close() {
        data.close();
    }

    private static WidgetData.Answer await(CompletableFuture<WidgetData.Answer> read) throws Exception {
        return read.get(10, TimeUnit.SECONDS);
    }

    private static WidgetDataException failure(CompletableFuture<WidgetData.Answer> read) throws Exception {
        try {
            read.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException ? e.getCause().getCause() : e.getCause();
            return (WidgetDataException) cause;
        }
        throw new AssertionError("the read succeeded");
    }

    @Test
    void a_phase_2_widget_runs_on_the_default_data_source_with_its_filter_default_bound() throws Exception {
        WidgetData.Answer answer = await(data(main, 2).read("sales-by-month", false, Map.of()));

        assertThat(answer.widget()).isEqualTo("sales-by-month");
        assertThat(answer.result().rows()).hasSize(2);
        assertThat(answer.cached()).isFalse();
        assertThat(main.requests()).singleElement().satisfies(request -> {
            assertThat(request.query()).isEqualTo("SELECT month, revenue FROM sales WHERE region = {region}");
            assertThat(request.parameters()).containsExactly(Map.entry("region", "North"));
            assertThat(request.maxRows()).isEqualTo(1000);
        });
    }

    @Test
    void a_hundred_simultaneous_cold_reads_of_one_widget_run_its_query_once() throws Exception {
        WidgetData data = data(main, 4);
        main.hold();
        List<CompletableFuture<WidgetData.Answer>> reads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            reads.add(data.read("sales-by-month", false, Map.of("region", List.of("South"))));
        }
        main.open();

        for (CompletableFuture<WidgetData.Answer> read : reads) {
            assertThat(await(read).result().rows()).hasSize(2);
        }
        assertThat(main.requests()).hasSize(1);
    }

    @Test
    void with_caching_enabled_rows_are_served_from_the_cache_until_a_new_configuration_is_applied() throws Exception {
        WidgetData data = data(main, 2);

        WidgetData.Answer first = await(data.read("cached", false, Map.of()));
        WidgetData.Answer second = await(data.read("cached", false, Map.of()));
        data.apply(8, DataPlanes.metadata(8, CONFIGS));
        WidgetData.Answer afterPublish = await(data.read("cached", false, Map.of()));

        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(second.fetchedAt()).isEqualTo(first.fetchedAt());
        assertThat(afterPublish.cached()).isFalse();
        assertThat(main.requests()).hasSize(2);
    }

    @Test
    void without_caching_every_read_runs_the_query_and_each_filter_value_has_its_own_entry() throws Exception {
        WidgetData data = data(main, 2);

        await(data.read("sales-by-month", false, Map.of("region", List.of("North"))));
        await(data.read("sales-by-month", false, Map.of("region", List.of("North"))));
        await(data.read("sales-by-month", false, Map.of("region", List.of("South"))));

        assertThat(main.requests()).extracting(request -> request.parameters().get("region")).containsExactly("North", "North", "South");
    }

    @Test
    void a_drilldown_runs_its_own_query_with_the_clicked_value_and_the_filters() throws Exception {
        await(data(main, 2).read("sales-by-month", true, Map.of("month", List.of("2026-03"))));

        assertThat(main.requests()).singleElement().satisfies(request -> {
            assertThat(request.query()).isEqualTo("SELECT * FROM orders WHERE month = '{month}' AND region = {region}");
            assertThat(request.parameters()).containsEntry("month", "2026-03").containsEntry("region", "North");
        });
    }

    @Test
    void each_failure_names_the_widget_and_its_data_source() throws Exception {
        WidgetData data = data(main, 2);

        assertThat(failure(data.read("nope", false, Map.of()))).satisfies(e -> {
            assertThat(e.reason()).isEqualTo(WidgetDataException.Reason.UNKNOWN_WIDGET);
            assertThat(e.getMessage()).isEqualTo("no widget 'nope' in the running configuration (version 7)");
        });
        assertThat(failure(data.read("elsewhere", false, Map.of()))).satisfies(e -> {
            assertThat(e.reason()).isEqualTo(WidgetDataException.Reason.UNKNOWN_DATA_SOURCE);
            assertThat(e.dataSourceId()).contains("warehouse");
            assertThat(e.getMessage()).contains("reads data source 'warehouse', which").contains("does not define");
        });
        assertThat(failure(data.read("on-api", false, Map.of()))).satisfies(e -> {
            assertThat(e.reason()).isEqualTo(WidgetDataException.Reason.UNKNOWN_DATA_SOURCE);
            assertThat(e.getMessage()).isEqualTo("widget 'on-api' reads an api source, but data source 'main' is of type postgresql");
        });
        assertThat(failure(data.read("broken", false, Map.of()))).satisfies(e -> {
            assertThat(e.reason()).isEqualTo(WidgetDataException.Reason.REFUSED);
            assertThat(e.getMessage()).contains("config.dataSource.query: is required for a sql data source");
        });
        assertThat(failure(data.read("cached", true, Map.of()))).satisfies(e -> {
            assertThat(e.reason()).isEqualTo(WidgetDataException.Reason.UNKNOWN_WIDGET);
            assertThat(e.getMessage()).contains("has no drilldown");
        });
    }

    @Test
    void a_connector_failure_keeps_its_class_and_is_not_cached() throws Exception {
        int[] calls = {0};
        ScriptedConnector flaky = new ScriptedConnector(request -> {
            calls[0]++;
            if (calls[0] == 1) {
                throw new ConnectorException(ConnectorException.Failure.UNREACHABLE, "cannot reach db:5432");
            }
            if (calls[0] == 2) {
                throw new ConnectorException(ConnectorException.Failure.TIMEOUT, "no answer within 30000 ms");
            }
            return new QueryResult(List.of(), List.of(), false);
        });
        WidgetData data = data(flaky, 1);

        WidgetDataException unreachable = failure(data.read("cached", false, Map.of()));
        WidgetDataException timeout = failure(data.read("cached", false, Map.of()));
        WidgetData.Answer recovered = await(data.read("cached", false, Map.of()));

        assertThat(unreachable.reason()).isEqualTo(WidgetDataException.Reason.UNREACHABLE);
        assertThat(unreachable.getMessage()).isEqualTo("widget 'cached', data source 'main': cannot reach db:5432");
        assertThat(timeout.reason()).isEqualTo(WidgetDataException.Reason.TIMEOUT);
        assertThat(recovered.result().rows()).isEmpty();
    }

    @Test
    void a_widget_whose_data_source_fails_does_not_affect_another() throws Exception {
        ScriptedConnector failing = new ScriptedConnector(request -> {
            throw new ConnectorException(ConnectorException.Failure.UNREACHABLE, "down");
        });
        data = DataPlanes.widgetData(directory, SOURCES, Map.of("main", failing, "api", ScriptedConnector.salesByMonth()), 2);
        data.apply(1, DataPlanes.metadata(1, """
                {"down": {"type": "kpi", "query": "SELECT 1"},
                 "up": {"type": "table", "dataSource": {"type": "api", "connection": "api", "endpoint": "/orders"}}}"""));

        assertThat(failure(data.read("down", false, Map.of())).reason()).isEqualTo(WidgetDataException.Reason.UNREACHABLE);
        assertThat(await(data.read("up", false, Map.of())).result().rows()).hasSize(2);
    }

    @Test
    void before_any_configuration_every_widget_answers_no_configuration() throws Exception {
        data = DataPlanes.widgetData(directory, SOURCES, Map.of("main", main, "api", ScriptedConnector.salesByMonth()), 1);

        assertThat(failure(data.read("sales-by-month", false, Map.of())).reason()).isEqualTo(WidgetDataException.Reason.NO_CONFIGURATION);
    }

    @Test
    void when_every_reader_is_busy_and_the_queue_is_full_a_read_is_refused_at_once() throws Exception {
        WidgetData data = data(main, 1);
        main.hold();
        List<CompletableFuture<WidgetData.Answer>> reads = new ArrayList<>();
        // One running and a queue of 50 per thread; distinct filter values so single flight does not merge them.
        for (int i = 0; i < 60; i++) {
            reads.add(data.read("sales-by-month", false, Map.of("region", List.of("r" + i))));
        }

        WidgetDataException busy = failure(reads.get(59));
        main.open();

        assertThat(busy.reason()).isEqualTo(WidgetDataException.Reason.BUSY);
        assertThat(await(reads.get(0)).result().rows()).hasSize(2);
    }
}

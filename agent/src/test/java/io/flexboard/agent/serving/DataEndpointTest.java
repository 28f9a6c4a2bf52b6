package io.flexboard.agent.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agent.AgentJson;
import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.widget.WidgetData;
import io.flexboard.agent.store.AppliedConfiguration;
import io.flexboard.agent.support.DataPlanes;
import io.flexboard.agent.support.ScriptedConnector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/data/:widgetKey} over HTTP: the answer's shape and what each failure gets. */
class DataEndpointTest {

    private static final String SOURCES = """
            datasources:
              - {id: main, type: postgresql, connection: {host: db, password: hunter2-secret}}
              - {id: down, type: mysql, connection: {host: db}}
              - {id: slow, type: mysql, connection: {host: db}}
              - {id: strict, type: mysql, connection: {host: db}}
            default: main
            """;
    private static final String CONFIGS = """
            {"sales-by-month": {"type": "bar", "query": "SELECT month, revenue FROM sales WHERE region = {region}",
                                "interactions": {"filters": [{"type": "select", "field": "region", "default": "North"}],
                                                 "drilldown": {"enabled": true, "target": "modal", "query": "SELECT * FROM orders WHERE month = '{month}'"}},
                                "calculatedFields": [{"name": "revenue_k", "formula": "revenue / 1000"}]},
             "down": {"type": "kpi", "dataSource": {"type": "sql", "connection": "down", "query": "SELECT 1"}},
             "slow": {"type": "kpi", "dataSource": {"type": "sql", "connection": "slow", "query": "SELECT 1"}},
             "strict": {"type": "kpi", "dataSource": {"type": "sql", "connection": "strict", "query": "DELETE FROM orders"}},
             "elsewhere": {"type": "kpi", "dataSource": {"type": "sql", "connection": "warehouse", "query": "SELECT 1"}}}
            """;

    @TempDir
    Path directory;
    private final HttpClient viewer = HttpClient.newHttpClient();
    private WidgetData data;
    private LocalConfigServer server;

    @BeforeEach
    void start() throws IOException {
        data = DataPlanes.widgetData(directory, SOURCES, Map.of(
                "main", ScriptedConnector.salesByMonth(),
                "down", new ScriptedConnector(request -> {
                    throw new ConnectorException(ConnectorException.Failure.UNREACHABLE, "cannot reach db:3306 (connection refused)");
                }),
                "slow", new ScriptedConnector(request -> {
                    throw new ConnectorException(ConnectorException.Failure.TIMEOUT, "no answer within 500 ms");
                }),
                "strict", new ScriptedConnector(request -> {
                    throw new ConnectorException(ConnectorException.Failure.REFUSED,
                            "only one read-only SELECT or WITH statement is run; found DELETE");
                })), 2);
        ServedState served = new ServedState(applied -> data.apply(applied.version(), applied.metadata()));
        served.replace(AppliedConfiguration.of(4, DataPlanes.metadata(4, CONFIGS), Instant.parse("2026-12-01T10:00:00Z")));
        server = LocalConfigServer.start(0, Set.of(), served, data);
    }

    @AfterEach
    void stop() {
        server.close();
        data.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return viewer.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return AgentJson.MAPPER.readTree(response.body());
    }

    @Test
    void a_widgets_rows_come_with_their_columns_counts_and_timing() throws Exception {
        HttpResponse<String> response = get("/api/data/sales-by-month?region=South");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode body = json(response);
        assertThat(body.path("widget").asString()).isEqualTo("sales-by-month");
        assertThat(body.path("columns").toString())
                .isEqualTo("[{\"name\":\"month\",\"type\":\"string\"},{\"name\":\"revenue\",\"type\":\"number\"},{\"name\":\"revenue_k\",\"type\":\"number\"}]");
        assertThat(body.path("rows").get(0).path("month").asString()).isEqualTo("2026-01");
        assertThat(body.path("rows").get(0).path("revenue_k").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(body.path("row_count").asInt()).isEqualTo(2);
        assertThat(body.path("truncated").asBoolean()).isFalse();
        assertThat(body.path("cached").asBoolean()).isFalse();
        assertThat(Instant.parse(body.path("fetched_at").asString())).isNotNull();
        assertThat(body.path("duration_ms").isIntegralNumber()).isTrue();
    }

    @Test
    void without_caching_every_sequential_read_runs_the_query_again() throws Exception {
        // Over HTTP the previous read's completion and the next request race; the latter must not get old rows.
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> response = get("/api/data/sales-by-month");
            assertThat(json(response).path("cached").asBoolean()).as("read %d", i).isFalse();
        }
    }

    @Test
    void a_drilldown_answers_the_same_shape() throws Exception {
        HttpResponse<String> response = get("/api/data/sales-by-month/drilldown?month=2026-03");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("row_count").asInt()).isEqualTo(2);
    }

    @Test
    void each_failure_is_a_problem_naming_the_widget_and_the_data_source_and_no_secret() throws Exception {
        assertProblem(get("/api/data/nope"), 404, "unknown-widget", "nope", null);
        assertProblem(get("/api/data/sales-by-month?regoin=North"), 400, "bad-filter", "sales-by-month", null);
        assertProblem(get("/api/data/sales-by-month?region=%C3%28"), 400, "bad-filter", "sales-by-month", null);
        assertProblem(get("/api/data/elsewhere"), 422, "unknown-data-source", "elsewhere", "warehouse");
        assertProblem(get("/api/data/strict"), 422, "refused-query", "strict", "strict");
        assertProblem(get("/api/data/down"), 502, "data-source-unreachable", "down", "down");
        assertProblem(get("/api/data/slow"), 504, "data-source-timeout", "slow", "slow");
        assertProblem(get("/api/data/down/drilldown"), 404, "unknown-widget", "down", "down");
    }

    @Test
    void a_malformed_escape_is_refused_not_guessed() throws Exception {
        // Java's HTTP client will not send a malformed escape; a hostile page or script will.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET /api/data/sales-by-month?region=%zz HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            // The JDK's server refuses the request line itself, before any handler: 400, nothing read.
            assertThat(answer).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void the_data_sources_in_use_are_listed_without_any_connection_detail() throws Exception {
        HttpResponse<String> response = get("/api/data-sources");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("sources").get(0).toString()).isEqualTo("{\"id\":\"main\",\"name\":\"main\",\"type\":\"postgresql\"}");
        assertThat(body.path("default_id").asString()).isEqualTo("main");
        assertThat(body.path("file_error").isNull()).isTrue();
        assertThat(response.body()).doesNotContain("hunter2-secret").doesNotContain("\"db\"");
    }

    @Test
    void a_huge_query_string_is_refused() throws Exception {
        assertProblem(get("/api/data/sales-by-month?region=" + "x".repeat(9000)), 400, "bad-filter", "sales-by-month", null);
    }

    @Test
    void a_path_that_is_not_a_widget_key_is_not_found_and_writing_is_not_allowed() throws Exception {
        assertThat(get("/api/data/..%2F..%2Fetc").statusCode()).isEqualTo(404);
        assertThat(get("/api/data/").statusCode()).isEqualTo(404);
        assertThat(get("/api/data/sales-by-month/other").statusCode()).isEqualTo(404);
        HttpResponse<String> post = viewer.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/data/sales-by-month"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type, String widget, String dataSource) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode body = json(response);
        assertThat(body.path("type").asString()).isEqualTo("https://flexboard.io/problems/" + type);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("success").asBoolean()).isFalse();
        if (!type.equals("unknown-widget") || !widget.equals("nope") || status != 404) {
            assertThat(body.path("widget").asString()).isEqualTo(widget);
        }
        if (dataSource != null) {
            assertThat(body.path("data_source").asString()).isEqualTo(dataSource);
        }
        assertThat(body.path("detail").asString()).isNotBlank().doesNotContain("hunter2-secret");
    }
}

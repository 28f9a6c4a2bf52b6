package io.flexboard.agent.data.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.connector.QueryResult;
import io.flexboard.agent.data.connector.QueryResult.Column;
import io.flexboard.agent.data.source.DataSourceDefinition;
import io.flexboard.agent.data.source.DataSourceDefinition.ConnectionSettings;
import io.flexboard.agent.data.source.DataSourceDefinition.Options;
import io.flexboard.agent.data.source.DataSourceType;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST connector against a real HTTP server started by the test (the JDK's own). */
class RestConnectorTest {

    private static final String API_KEY = "k3y-abcdef-123456";
    private static final String TENANT_HEADER_VALUE = "tenant-secret-77";

    private HttpServer server;
    private ExecutorService serverThreads;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch neverAnswered = new CountDownLatch(1);
    private RestConnector connector;

    private record Answer(int status, byte[] body, boolean hang) {
        static Answer json(String body) {
            return new Answer(200, body.getBytes(StandardCharsets.UTF_8), false);
        }
    }

    private record Received(String rawPath, String rawQuery, Headers headers) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        if (connector != null) {
            connector.close();
        }
        neverAnswered.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        received.add(new Received(exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders()));
        Answer answer = answers.getOrDefault(exchange.getRequestURI().getRawPath(),
                new Answer(404, "{\"error\":\"no such thing\"}".getBytes(StandardCharsets.UTF_8), false));
        if (answer.hang()) {
            try {
                neverAnswered.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(answer.body());
        }
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    private static DataSourceDefinition restSource(String url, String apiKey, Map<String, String> headers, boolean ssl,
                                                   Duration timeout) {
        return new DataSourceDefinition("sales-api", "Sales API", DataSourceType.REST_API,
                new ConnectionSettings(null, null, null, null, null, url, apiKey, headers),
                new Options(ssl, timeout, 5), Path.of("."));
    }

    private RestConnector connectorWithKey() {
        connector = RestConnector.open(restSource(baseUrl(), API_KEY, Map.of("X-Tenant", TENANT_HEADER_VALUE), false,
                Duration.ofSeconds(5)));
        return connector;
    }

    private static DataRequest endpoint(String endpoint, Map<String, Object> parameters, int maxRows) {
        return new DataRequest(null, endpoint, null, null, parameters, maxRows);
    }

    private static DataRequest endpointWithPath(String endpoint, String path) {
        return new DataRequest(null, endpoint, null, path, Map.of(), 100);
    }

    private static ConnectorException failureOf(RestConnector connector, DataRequest request) {
        ConnectorException failure = catchThrowableOfType(() -> connector.read(request), ConnectorException.class);
        assertThat(failure).as("the read fails").isNotNull();
        assertThat(failure.getMessage()).doesNotContain(API_KEY, TENANT_HEADER_VALUE);
        return failure;
    }

    @Test
    void an_array_of_objects_becomes_rows_with_columns_in_order_of_first_appearance_and_inferred_types()
            throws ConnectorException {
        answers.put("/api/sales", Answer.json("""
                [{"region": "North", "revenue": 12.5, "open": true, "tags": ["a", "b"], "note": null},
                 {"region": "South", "revenue": 7, "open": false, "note": null, "extra": {"k": 1}}]"""));

        QueryResult result = connectorWithKey().read(endpoint("/sales", Map.of(), 100));

        assertThat(result.columns()).containsExactly(new Column("region", "string"), new Column("revenue", "number"),
                new Column("open", "boolean"), new Column("tags", "json"), new Column("note", "string"),
                new Column("extra", "json"));
        assertThat(result.rows()).hasSize(2);
        assertThat(result.rows().get(0)).containsEntry("region", "North").containsEntry("open", true)
                .containsEntry("tags", List.of("a", "b")).containsEntry("extra", null);
        assertThat(((Number) result.rows().get(0).get("revenue")).doubleValue()).isEqualTo(12.5);
        assertThat(result.rows().get(1)).containsEntry("extra", Map.of("k", 1)).containsEntry("tags", null);
        assertThat(List.copyOf(result.rows().get(1).keySet()))
                .containsExactly("region", "revenue", "open", "tags", "note", "extra");
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void a_column_mixing_numbers_and_text_is_typed_string_and_its_values_become_text() throws ConnectorException {
        answers.put("/api/codes", Answer.json("[{\"code\": 7}, {\"code\": \"A7\"}]"));

        QueryResult result = connectorWithKey().read(endpoint("/codes", Map.of(), 100));

        assertThat(result.columns()).containsExactly(new Column("code", "string"));
        assertThat(result.rows()).extracting(row -> row.get("code")).containsExactly("7", "A7");
    }

    @Test
    void the_api_key_is_sent_as_a_bearer_token_with_the_configured_headers() throws ConnectorException {
        answers.put("/api/sales", Answer.json("[]"));

        QueryResult result = connectorWithKey().read(endpoint("/sales", Map.of(), 100));

        assertThat(result.rows()).isEmpty();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).headers().getFirst("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(received.get(0).headers().getFirst("X-Tenant")).isEqualTo(TENANT_HEADER_VALUE);
    }

    @Test
    void a_json_pointer_path_reads_the_rows_inside_the_answer() throws ConnectorException {
        answers.put("/api/report", Answer.json("{\"data\": {\"items\": [{\"month\": \"2026-01\", \"n\": 3}]}}"));

        QueryResult result = connectorWithKey().read(endpointWithPath("/report", "/data/items"));

        assertThat(result.rows()).containsExactly(Map.of("month", "2026-01", "n", 3));
    }

    @Test
    void a_path_with_nothing_behind_it_or_not_an_array_of_objects_is_refused_naming_the_path() {
        answers.put("/api/report", Answer.json("{\"data\": {\"items\": {\"month\": \"2026-01\"}, \"list\": [1, 2]}}"));
        RestConnector connector = connectorWithKey();

        assertThat(failureOf(connector, endpointWithPath("/report", "/data/rows")))
                .hasMessageContaining("/data/rows").extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
        assertThat(failureOf(connector, endpointWithPath("/report", "/data/items")))
                .hasMessageContaining("/data/items").hasMessageContaining("an object, not an array")
                .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
        assertThat(failureOf(connector, endpointWithPath("/report", "/data/list")))
                .hasMessageContaining("row 1").hasMessageContaining("a number, not an object")
                .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
        assertThat(failureOf(connector, endpointWithPath("/report", "data")))
                .hasMessageContaining("not a JSON Pointer").extracting(ConnectorException::failure)
                .isEqualTo(Failure.REFUSED);
    }

    @Test
    void placeholder_values_are_percent_encoded_so_they_cannot_add_parameters_or_segments() throws ConnectorException {
        answers.put("/api/orders", Answer.json("[]"));
        String hostile = "North & South/?x=1 ../#top";

        connectorWithKey().read(endpoint("/orders?region={region}&status={status}&since={since}&min={min}",
                Map.of("region", hostile, "status", List.of("open now", "a,b&c=d"), "since", LocalDate.of(2026, 2, 1),
                        "min", new BigDecimal("1E+3")), 100));

        String rawQuery = received.get(0).rawQuery();
        List<String> pairs = Arrays.asList(rawQuery.split("&"));
        assertThat(pairs).hasSize(4);
        assertThat(decoded(pairs.get(0))).isEqualTo("region=" + hostile);
        String statuses = pairs.get(1).substring("status=".length());
        assertThat(Arrays.stream(statuses.split(",")).map(RestConnectorTest::decoded))
                .containsExactly("open now", "a,b&c=d");
        assertThat(pairs.get(2)).isEqualTo("since=2026-02-01");
        assertThat(pairs.get(3)).isEqualTo("min=1000");
    }

    @Test
    void a_placeholder_in_the_path_is_one_encoded_segment() throws ConnectorException {
        answers.put("/api/regions/North%20East/sales", Answer.json("[{\"n\": 1}]"));

        QueryResult result = connectorWithKey().read(endpoint("/regions/{region}/sales", Map.of("region", "North East"), 10));

        assertThat(result.rows()).hasSize(1);
        assertThat(received.get(0).rawPath()).isEqualTo("/api/regions/North%20East/sales");
    }

    @Test
    void a_path_value_that_would_climb_or_split_the_path_is_refused_before_any_request() {
        RestConnector connector = connectorWithKey();

        for (String value : List.of("../admin", "..", ".", "a/b", "a\\b")) {
            assertThat(failureOf(connector, endpoint("/regions/{region}", Map.of("region", value), 10)))
                    .as(value).hasMessageContaining("{region}")
                    .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
        }
        assertThat(received).isEmpty();
    }

    @Test
    void an_endpoint_naming_another_host_or_climbing_above_the_url_is_refused_before_any_request() {
        RestConnector connector = connectorWithKey();

        for (String hostile : List.of("//evil.example/x", "http://other.example/x", "https:/other", "/../../admin",
                "/sales/../../admin", "..", "/%2e%2e/admin", "/%2E%2E/admin", "/a%2fb", "/a%5c..", "\\\\evil/x",
                "/sales#frag", "javascript:alert(1)")) {
            ConnectorException failure = failureOf(connector, endpoint(hostile, Map.of(), 10));
            assertThat(failure.failure()).as(hostile).isEqualTo(Failure.REFUSED);
            assertThat(failure.getMessage()).as(hostile).contains("endpoint");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void a_placeholder_without_a_value_is_refused_naming_it() {
        assertThat(failureOf(connectorWithKey(), endpoint("/orders?region={region}", Map.of(), 10)))
                .hasMessageContaining("{region}").extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
    }

    @Test
    void refused_credentials_answer_unreachable_naming_the_status_without_the_key() {
        answers.put("/api/sales", new Answer(401, ("{\"error\": \"bad key " + API_KEY + "\"}").getBytes(), false));
        answers.put("/api/private", new Answer(403, new byte[0], false));
        RestConnector connector = connectorWithKey();

        assertThat(failureOf(connector, endpoint("/sales", Map.of(), 10)))
                .hasMessageContaining("refused the credentials (401)")
                .extracting(ConnectorException::failure).isEqualTo(Failure.UNREACHABLE);
        assertThat(failureOf(connector, endpoint("/private", Map.of(), 10)))
                .hasMessageContaining("refused the credentials (403)")
                .extracting(ConnectorException::failure).isEqualTo(Failure.UNREACHABLE);
    }

    @Test
    void a_server_error_answers_unreachable_naming_the_status_and_the_endpoint() {
        answers.put("/api/sales", new Answer(500, "oops".getBytes(), false));

        assertThat(failureOf(connectorWithKey(), endpoint("/sales", Map.of(), 10)))
                .hasMessageContaining("500").hasMessageContaining("/sales")
                .extracting(ConnectorException::failure).isEqualTo(Failure.UNREACHABLE);
    }

    @Test
    void a_server_that_never_answers_times_out_within_the_timeout() {
        answers.put("/api/slow", new Answer(200, new byte[0], true));
        connector = RestConnector.open(restSource(baseUrl(), API_KEY, Map.of(), false, Duration.ofMillis(300)));

        long start = System.nanoTime();
        ConnectorException failure = failureOf(connector, endpoint("/slow", Map.of(), 10));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(failure.failure()).isEqualTo(Failure.TIMEOUT);
        assertThat(failure.getMessage()).contains("300 ms").contains("/slow");
        assertThat(elapsedMillis).isBetween(250L, 2_000L);
    }

    @Test
    void a_closed_port_answers_unreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        connector = RestConnector.open(restSource("http://127.0.0.1:" + closedPort + "/api", API_KEY, Map.of(), false,
                Duration.ofSeconds(2)));

        ConnectorException failure = failureOf(connector, endpoint("/sales", Map.of(), 10));

        assertThat(failure.failure()).isEqualTo(Failure.UNREACHABLE);
        assertThat(failure.getMessage()).contains("127.0.0.1:" + closedPort);
    }

    @Test
    void an_unknown_host_answers_unreachable_naming_the_host() {
        connector = RestConnector.open(restSource("http://no-such-host.invalid/api", API_KEY, Map.of(), false,
                Duration.ofSeconds(3)));

        ConnectorException failure = failureOf(connector, endpoint("/sales", Map.of(), 10));

        assertThat(failure.failure()).isEqualTo(Failure.UNREACHABLE);
        assertThat(failure.getMessage()).contains("no-such-host.invalid");
    }

    @Test
    void an_answer_larger_than_sixteen_mebibytes_is_refused_without_holding_it_all() {
        byte[] huge = new byte[(int) RestConnector.MAX_BODY_BYTES + 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '[';
        huge[huge.length - 1] = ']';
        answers.put("/api/huge", new Answer(200, huge, false));

        ConnectorException failure = failureOf(connectorWithKey(), endpoint("/huge", Map.of(), 10));

        assertThat(failure.failure()).isEqualTo(Failure.REFUSED);
        assertThat(failure.getMessage()).contains("larger than 16 MiB").contains("/huge");
    }

    @Test
    void an_answer_that_is_not_json_or_not_an_array_of_objects_is_refused() {
        answers.put("/api/html", new Answer(200, "<html>login</html>".getBytes(), false));
        answers.put("/api/empty", new Answer(200, new byte[0], false));
        answers.put("/api/object", Answer.json("{\"rows\": []}"));
        answers.put("/api/strings", Answer.json("[\"a\", \"b\"]"));
        answers.put("/api/broken", Answer.json("[{\"a\": 1},"));
        RestConnector connector = connectorWithKey();

        assertThat(failureOf(connector, endpoint("/html", Map.of(), 10))).hasMessageContaining("not JSON")
                .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
        assertThat(failureOf(connector, endpoint("/empty", Map.of(), 10))).hasMessageContaining("not JSON")
                .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
        assertThat(failureOf(connector, endpoint("/object", Map.of(), 10)))
                .hasMessageContaining("an object, not an array of rows")
                .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
        assertThat(failureOf(connector, endpoint("/strings", Map.of(), 10))).hasMessageContaining("row 1")
                .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
        assertThat(failureOf(connector, endpoint("/broken", Map.of(), 10))).hasMessageContaining("not JSON")
                .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
    }

    @Test
    void rows_beyond_the_cap_are_dropped_and_the_result_says_truncated() throws ConnectorException {
        answers.put("/api/five", Answer.json("[{\"n\":1},{\"n\":2},{\"n\":3},{\"n\":4},{\"n\":5}]"));
        RestConnector connector = connectorWithKey();

        QueryResult capped = connector.read(endpoint("/five", Map.of(), 3));
        QueryResult whole = connector.read(endpoint("/five", Map.of(), 5));

        assertThat(capped.rows()).extracting(row -> row.get("n")).containsExactly(1, 2, 3);
        assertThat(capped.truncated()).isTrue();
        assertThat(whole.rows()).hasSize(5);
        assertThat(whole.truncated()).isFalse();
    }

    @Test
    void with_ssl_required_a_plain_http_url_is_refused_naming_the_option_before_any_request() {
        connector = RestConnector.open(restSource(baseUrl(), API_KEY, Map.of(), true, Duration.ofSeconds(2)));

        assertThat(failureOf(connector, endpoint("/sales", Map.of(), 10))).hasMessageContaining("options.ssl")
                .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
        assertThat(received).isEmpty();
    }

    @Test
    void headers_may_not_replace_host_or_the_bearer_and_the_refusal_names_the_header_not_its_value() {
        connector = RestConnector.open(restSource(baseUrl(), API_KEY, Map.of("Host", "intranet.example"), false,
                Duration.ofSeconds(2)));
        assertThat(failureOf(connector, endpoint("/sales", Map.of(), 10))).hasMessageContaining("Host")
                .hasMessageNotContaining("intranet.example")
                .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
        connector.close();

        connector = RestConnector.open(restSource(baseUrl(), API_KEY, Map.of("authorization", "Basic " + TENANT_HEADER_VALUE),
                false, Duration.ofSeconds(2)));
        assertThat(failureOf(connector, endpoint("/sales", Map.of(), 10))).hasMessageContaining("Authorization")
                .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
        assertThat(received).isEmpty();
    }

    @Test
    void many_concurrent_reads_on_one_connector_each_get_their_own_rows() throws Exception {
        for (int i = 0; i < 20; i++) {
            answers.put("/api/r" + i, Answer.json("[{\"i\": " + i + "}]"));
        }
        RestConnector connector = connectorWithKey();
        ExecutorService readers = Executors.newFixedThreadPool(20);
        try {
            List<Future<QueryResult>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String path = "/r" + i;
                results.add(readers.submit(() -> connector.read(endpoint(path, Map.of(), 10))));
            }
            for (int i = 0; i < 20; i++) {
                assertThat(results.get(i).get().rows()).containsExactly(Map.of("i", i));
            }
        } finally {
            readers.shutdownNow();
        }
    }

    private static String decoded(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}

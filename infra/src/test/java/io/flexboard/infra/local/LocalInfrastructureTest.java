package io.flexboard.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.infra.local.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The stack without the services: PostgreSQL, Kafka and the router start, answer, stop, and keep their data. */
class LocalInfrastructureTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void the_infrastructure_starts_reports_healthy_and_keeps_its_data_across_restarts() throws Exception {
        Settings settings = Settings.forTest(dataDir, "test-admin-token");

        try (LocalStack.Running stack = LocalStack.start(settings, List.of())) {
            HttpResponse<String> health = get(stack, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(health.body());
            assertThat(body.get("status").asString()).isEqualTo("UP");
            assertThat(body.get("checks").findValuesAsString("name")).containsExactly("postgres", "kafka");

            // Other reads are the builder UI's: a file it does not have is a problem, not its page.
            HttpResponse<String> missing = get(stack, "/nowhere.js");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");

            HttpResponse<String> serviceMissing = get(stack, "/api/tenants");
            assertThat(serviceMissing.statusCode()).isEqualTo(503);

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
            }
            try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
            }
        }

        try (LocalStack.Running stack = LocalStack.start(settings, List.of())) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
                Set<String> topics = admin.listTopics().names().get();
                assertThat(topics).contains("kept");
            }
            try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "");
                 Statement statement = connection.createStatement();
                 ResultSet resultSet = statement.executeQuery("SELECT id FROM kept")) {
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getInt(1)).isEqualTo(42);
            }
            assertThat(get(stack, "/health").statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(LocalStack.Running stack, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package io.flexboard.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flexboard.infra.local.config.Settings;
import io.flexboard.infra.local.support.AgentProcess;
import io.flexboard.infra.local.support.CustomerDatabase;
import io.flexboard.infra.local.support.StackClient;
import io.flexboard.infra.local.support.StackClient.Published;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The product's purpose end to end: a builder publishes a widget whose query reads a customer's table; the
 * real agent process receives it and answers {@code GET /api/data/sales-by-month} with the rows of the
 * customer's own PostgreSQL (the machine's, 127.0.0.1:5432), filtered by a bound value; a publish of a
 * changed query empties its cache. The credentials live in the agent's environment only.
 */
class AgentDataEndToEndTest {

    private static final String ADMIN_TOKEN = "agent-data-e2e-admin-token";
    private static final String SHOP = CustomerDatabase.name("flexboard_e2e_shop");

    @TempDir
    Path stackDir;

    @TempDir
    Path agentDir;

    @BeforeAll
    static void theCustomersDatabase() throws Exception {
        CustomerDatabase.recreate(SHOP,
                "CREATE TABLE sales (month text, region text, total numeric(12,2))",
                "INSERT INTO sales VALUES ('2026-01', 'North', 1200.50), ('2026-02', 'North', 980.00),"
                        + " ('2026-01', 'South', 400.00)");
    }

    @Test
    void a_published_widget_shows_the_customers_own_rows_served_by_the_agent() throws Exception {
        Settings settings = Settings.forTest(stackDir, ADMIN_TOKEN).withPort(freePort());
        Files.writeString(agentDir.resolve("datasources.yml"), """
                datasources:
                  - id: shop
                    name: The customer's shop database
                    type: postgresql
                    connection: {host: 127.0.0.1, port: 5432, database: %s, username: postgres, password: "${SHOP_DB_PASSWORD}"}
                    options: {timeout: 5000, poolSize: 2}
                default: shop
                """.formatted(SHOP));

        try (LocalStack.Running stack = LocalStack.start(settings)) {
            StackClient builder = new StackClient(stack.port(), ADMIN_TOKEN);
            JsonNode tenant = StackClient.JSON.readTree(builder.command("POST", "/api/tenants",
                    Map.of("name", "Corner Shop", "slug", "corner-shop"), 201).body());
            String tenantId = tenant.at("/tenant/id").asString();
            String dashboardId = StackClient.JSON.readTree(builder.command("POST", "/api/tenants/" + tenantId + "/dashboards",
                    Map.of("name", "Sales", "slug", "sales"), 201).body()).get("id").asString();
            builder.saveWidget(dashboardId, "sales-by-month", Map.of(
                    "type", "bar",
                    "query", "SELECT month, total FROM sales WHERE region = {region} ORDER BY month",
                    "interactions", Map.of("filters", List.of(Map.of("type", "select", "field", "region", "label", "Region",
                            "options", List.of("North", "South"), "default", "North"))),
                    "caching", Map.of("enabled", true, "ttl", 300)));
            Published first = builder.draftAndPublish(tenantId, "first");
            builder.getJson("/api/tenants/" + tenantId, first.consistencyToken());

            try (AgentProcess agent = AgentProcess.start(builder.baseUrl(), tenantId, tenant.get("api_key").asString(), agentDir,
                    freePort(), 20, Map.of("SHOP_DB_PASSWORD", "not-needed-with-trust-auth"))) {
                try {
                    await().atMost(Duration.ofSeconds(30)).until(agent::servedVersion, version -> version == first.version());

                    HttpResponse<String> north = agent.get("/api/data/sales-by-month");
                    assertThat(north.statusCode()).as(north.body()).isEqualTo(200);
                    JsonNode rows = StackClient.JSON.readTree(north.body());
                    assertThat(rows.path("widget").asString()).isEqualTo("sales-by-month");
                    assertThat(rows.path("row_count").asInt()).isEqualTo(2);
                    assertThat(rows.at("/rows/0/month").asString()).isEqualTo("2026-01");
                    assertThat(rows.at("/rows/0/total").decimalValue()).isEqualByComparingTo("1200.50");
                    assertThat(rows.at("/columns/1/type").asString()).isEqualTo("number");

                    JsonNode south = StackClient.JSON.readTree(agent.get("/api/data/sales-by-month?region=South").body());
                    assertThat(south.path("row_count").asInt()).isEqualTo(1);
                    JsonNode again = StackClient.JSON.readTree(agent.get("/api/data/sales-by-month?region=South").body());
                    assertThat(again.path("cached").asBoolean()).isTrue();

                    HttpResponse<String> hostile = agent.get("/api/data/sales-by-month?region=" + java.net.URLEncoder.encode(
                            "North' OR '1'='1", java.nio.charset.StandardCharsets.UTF_8));
                    assertThat(hostile.statusCode()).isEqualTo(400);

                    // a publish of a changed query empties the cache: the next read runs the new query
                    builder.saveWidget(dashboardId, "sales-by-month", Map.of(
                            "type", "bar", "query", "SELECT month, total * 2 AS total FROM sales WHERE region = {region} ORDER BY month",
                            "interactions", Map.of("filters", List.of(Map.of("type", "select", "field", "region", "default", "North"))),
                            "caching", Map.of("enabled", true, "ttl", 300)));
                    Published second = builder.draftAndPublish(tenantId, "doubled");
                    await().atMost(Duration.ofSeconds(30)).until(agent::servedVersion, version -> version == second.version());
                    JsonNode doubled = StackClient.JSON.readTree(agent.get("/api/data/sales-by-month?region=South").body());
                    assertThat(doubled.path("cached").asBoolean()).isFalse();
                    assertThat(doubled.at("/rows/0/total").decimalValue()).isEqualByComparingTo("800.00");
                    assertThat(agent.log()).contains("Data sources from").doesNotContain("not-needed-with-trust-auth");
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("agent log:\n" + agent.log(), e);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package io.flexboard.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.infra.local.config.Settings;
import io.flexboard.infra.local.support.StackClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole story through the local stack's one port: a builder creates a tenant, a dashboard and a
 * widget, drafts and publishes a version; the tenant's agent syncs it; a pause refuses the agent until
 * the tenant is activated; the builder reads it all back; and all of it is still there after a restart
 * on the same data directory, where an older version is restored as a draft and published.
 */
class LocalStackEndToEndTest {

    private static final String ADMIN_TOKEN = "e2e-admin-token";
    private static final JsonMapper JSON = StackClient.JSON;

    @TempDir
    Path dataDir;

    @Test
    void a_published_version_reaches_the_agent_and_survives_a_restart() throws Exception {
        Settings settings = Settings.forTest(dataDir, ADMIN_TOKEN);
        Story story;

        try (LocalStack.Running stack = LocalStack.start(settings)) {
            StackClient client = new StackClient(stack.port(), ADMIN_TOKEN);
            assertThat(client.get("/health", null, null).statusCode()).isEqualTo(200);
            story = builderPublishesAVersion(client);
            // The agent syncs straight after the publish, with its token: no sleep, no read first.
            agentSyncsIt(client, story);
            aPauseRefusesTheAgentUntilTheTenantIsActivated(client, story);
            builderReadsItBack(client, story);
        }

        try (LocalStack.Running stack = LocalStack.start(settings)) {
            StackClient client = new StackClient(stack.port(), ADMIN_TOKEN);
            assertThat(client.get("/health", null, null).statusCode()).isEqualTo(200);
            builderReadsItBack(client, story);
            JsonNode sync = client.sync(story.tenantId(), story.apiKey(), 0, null);
            assertThat(sync.get("has_updates").asBoolean()).isTrue();
            assertThat(sync.get("latest_version").asInt()).isEqualTo(1);
            assertThat(sync.at("/metadata/config/sales-by-month/type").asString()).isEqualTo("bar");
            twoBuildersEditWhatTheySaw(client, story);
            theFirstVersionIsRestoredAsADraftAndPublished(client, story);
        }
    }

    private void aPauseRefusesTheAgentUntilTheTenantIsActivated(StackClient client, Story story) throws Exception {
        HttpResponse<String> pause = client.command("POST", "/api/tenants/" + story.tenantId() + "/pause",
                Map.of("reason", "invoice overdue"), 200);
        String paused = pause.headers().firstValue("X-Consistency-Token").orElseThrow();
        assertThat(client.getJson("/api/tenants/" + story.tenantId(), paused).get("status").asString()).isEqualTo("paused");

        HttpResponse<String> refused = client.send("POST", "/api/agent/sync",
                Map.of("tenant_id", story.tenantId(), "current_version", 1, "agent_version", "1.0.0"), story.apiKey(), paused);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("type").asString()).endsWith("/tenant-paused");
        assertThat(JSON.readTree(refused.body()).get("success").asBoolean()).isFalse();

        String activated = client.command("POST", "/api/tenants/" + story.tenantId() + "/activate", null, 200)
                .headers().firstValue("X-Consistency-Token").orElseThrow();
        assertThat(client.sync(story.tenantId(), story.apiKey(), 1, activated).get("has_updates").asBoolean()).isFalse();
    }

    /** After the edit of the two builders (a line chart), version 1 (the bar chart) comes back as version 2. */
    private void theFirstVersionIsRestoredAsADraftAndPublished(StackClient client, Story story) throws Exception {
        JsonNode draft = JSON.readTree(client.command("POST",
                "/api/tenants/" + story.tenantId() + "/versions/" + story.versionId() + "/restore",
                Map.of("message", "back to the bar chart"), 201).body());
        assertThat(draft.get("version").asInt()).isEqualTo(2);
        assertThat(draft.get("parent_version").asInt()).isEqualTo(1);
        assertThat(draft.at("/restored_from/id").asString()).isEqualTo(story.versionId());
        String published = client.command("POST", "/api/tenants/" + story.tenantId() + "/versions/"
                + draft.get("id").asString() + "/publish", null, 200).headers().firstValue("X-Consistency-Token").orElseThrow();

        JsonNode sync = client.sync(story.tenantId(), story.apiKey(), 1, published);
        assertThat(sync.get("latest_version").asInt()).isEqualTo(2);
        assertThat(sync.at("/metadata/config/sales-by-month/type").asString()).isEqualTo("bar");
        JsonNode dashboard = client.getJson("/api/dashboards/" + story.dashboardId(), published);
        assertThat(dashboard.at("/widgets/0/config/type").asString()).as("the working copy is restored too").isEqualTo("bar");
        JsonNode versions = client.getJson("/api/tenants/" + story.tenantId() + "/versions", published);
        assertThat(versions.get(0).at("/restored_from/version").asInt()).isEqualTo(1);
        assertThat(versions.get(0).get("status").asString()).isEqualTo("published");
    }

    /** Both read the dashboard, both save with the ETag they read: the second one is told, not lost. */
    private void twoBuildersEditWhatTheySaw(StackClient client, Story story) throws Exception {
        HttpResponse<String> read = client.get("/api/dashboards/" + story.dashboardId(), ADMIN_TOKEN, story.consistencyToken());
        String seen = read.headers().firstValue("ETag").orElseThrow();
        Map<String, Object> edit = Map.of("widgets", List.of(Map.of(
                "name", "sales-by-month", "config", Map.of("query", "SELECT 2", "type", "line"))));

        HttpResponse<String> first = client.send("PUT", "/api/dashboards/" + story.dashboardId() + "/widgets", edit,
                ADMIN_TOKEN, null, seen);
        HttpResponse<String> second = client.send("PUT", "/api/dashboards/" + story.dashboardId() + "/widgets", edit,
                ADMIN_TOKEN, null, seen);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(412);
        assertThat(JSON.readTree(second.body()).get("type").asString()).endsWith("/precondition-failed");
    }

    private record Story(String tenantId, String apiKey, String dashboardId, String versionId, String consistencyToken) {
    }

    private Story builderPublishesAVersion(StackClient client) throws Exception {
        HttpResponse<String> tenant = client.send("POST", "/api/tenants", Map.of("name", "Acme", "slug", "acme"), ADMIN_TOKEN, null);
        assertThat(tenant.statusCode()).as(tenant.body()).isEqualTo(201);
        assertThat(tenant.headers().firstValue("X-Consistency-Token")).isPresent();
        JsonNode tenantBody = JSON.readTree(tenant.body());
        String tenantId = tenantBody.at("/tenant/id").asString();
        String apiKey = tenantBody.get("api_key").asString();
        assertThat(tenantId).isNotBlank();
        assertThat(apiKey).isNotBlank();

        HttpResponse<String> dashboard = client.send("POST", "/api/tenants/" + tenantId + "/dashboards",
                Map.of("name", "Sales", "slug", "sales"), ADMIN_TOKEN, null);
        assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(201);
        String dashboardId = JSON.readTree(dashboard.body()).get("id").asString();

        HttpResponse<String> widgets = client.send("PUT", "/api/dashboards/" + dashboardId + "/widgets",
                Map.of("widgets", List.of(Map.of(
                        "name", "sales-by-month",
                        "config", Map.of("query", "SELECT 1", "type", "bar"),
                        "position_x", 0,
                        "position_y", 0))), ADMIN_TOKEN, null);
        assertThat(widgets.statusCode()).as(widgets.body()).isEqualTo(200);
        assertThat(widgets.headers().firstValue("X-Consistency-Token")).isPresent();

        HttpResponse<String> version = client.send("POST", "/api/tenants/" + tenantId + "/versions",
                Map.of("message", "first"), ADMIN_TOKEN, null);
        assertThat(version.statusCode()).as(version.body()).isEqualTo(201);
        JsonNode versionBody = JSON.readTree(version.body());
        assertThat(versionBody.get("version").asInt()).isEqualTo(1);
        assertThat(versionBody.get("status").asString()).isEqualTo("draft");
        String versionId = versionBody.get("id").asString();

        HttpResponse<String> publish = client.send("POST", "/api/tenants/" + tenantId + "/versions/" + versionId + "/publish",
                null, ADMIN_TOKEN, null);
        assertThat(publish.statusCode()).as(publish.body()).isEqualTo(200);
        JsonNode publishBody = JSON.readTree(publish.body());
        assertThat(publishBody.get("success").asBoolean()).isTrue();
        assertThat(publishBody.get("published_version").asInt()).isEqualTo(1);
        String consistencyToken = publish.headers().firstValue("X-Consistency-Token").orElseThrow();

        return new Story(tenantId, apiKey, dashboardId, versionId, consistencyToken);
    }

    private void agentSyncsIt(StackClient client, Story story) throws Exception {
        JsonNode first = client.sync(story.tenantId(), story.apiKey(), 0, story.consistencyToken());
        assertThat(first.get("has_updates").asBoolean()).isTrue();
        assertThat(first.get("latest_version").asInt()).isEqualTo(1);
        assertThat(first.at("/metadata/config/sales-by-month/type").asString()).isEqualTo("bar");

        JsonNode upToDate = client.sync(story.tenantId(), story.apiKey(), 1, story.consistencyToken());
        assertThat(upToDate.get("has_updates").asBoolean()).isFalse();
        assertThat(upToDate.has("metadata") && !upToDate.get("metadata").isNull()).isFalse();
    }

    private void builderReadsItBack(StackClient client, Story story) throws Exception {
        String token = story.consistencyToken();
        JsonNode tenants = client.getJson("/api/tenants", token);
        JsonNode tenant = find(tenants, story.tenantId());
        assertThat(tenant.get("dashboard_count").asInt()).isEqualTo(1);

        JsonNode dashboards = client.getJson("/api/tenants/" + story.tenantId() + "/dashboards", token);
        assertThat(find(dashboards, story.dashboardId()).get("widget_count").asInt()).isEqualTo(1);

        JsonNode dashboard = client.getJson("/api/dashboards/" + story.dashboardId(), token);
        assertThat(dashboard.get("widgets").findValuesAsString("name")).contains("sales-by-month");

        JsonNode versions = client.getJson("/api/tenants/" + story.tenantId() + "/versions", token);
        JsonNode version = find(versions, story.versionId());
        assertThat(version.get("version").asInt()).isEqualTo(1);
        assertThat(version.get("status").asString()).isEqualTo("published");

        JsonNode detail = client.getJson("/api/tenants/" + story.tenantId() + "/versions/" + story.versionId(), token);
        assertThat(detail.at("/metadata/widgets/0/name").asString()).isEqualTo("sales-by-month");
        assertThat(detail.at("/metadata/widgets/0/config/type").asString()).isEqualTo("bar");
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (id.equals(item.get("id").asString())) {
                return item;
            }
        }
        throw new AssertionError("No item with id " + id + " in " + list);
    }
}

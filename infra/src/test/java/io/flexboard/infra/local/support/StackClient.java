package io.flexboard.infra.local.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP through the local stack's one port, as the builder UI and an agent would call it. */
public final class StackClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String adminToken;

    public StackClient(int port, String adminToken) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.adminToken = adminToken;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpResponse<String> send(String method, String path, Object body, String bearer, String consistencyToken) throws Exception {
        return send(method, path, body, bearer, consistencyToken, null);
    }

    public HttpResponse<String> send(String method, String path, Object body, String bearer, String consistencyToken,
                                     String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (consistencyToken != null) {
            request.header("X-Consistency-Token", consistencyToken);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String bearer, String consistencyToken) throws Exception {
        return send("GET", path, null, bearer, consistencyToken);
    }

    /** An admin read that must answer 200. */
    public JsonNode getJson(String path, String consistencyToken) throws Exception {
        HttpResponse<String> response = get(path, adminToken, consistencyToken);
        assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** An admin command that must answer {@code expectedStatus}; its body. */
    public HttpResponse<String> command(String method, String path, Object body, int expectedStatus) throws Exception {
        HttpResponse<String> response = send(method, path, body, adminToken, null);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return response;
    }

    /**
     * The spec's agent sync with only the spec's fields; must answer 200 with success. With a consistency
     * token it first reads the tenant through query-api with it, as a client of a fresh key must: agent-bridge
     * refuses a key it does not know yet at once (401) instead of holding the request until it is projected.
     */
    public JsonNode sync(String tenantId, String apiKey, int currentVersion, String consistencyToken) throws Exception {
        if (consistencyToken != null) {
            getJson("/api/tenants/" + tenantId, consistencyToken);
        }
        HttpResponse<String> response = send("POST", "/api/agent/sync",
                Map.of("tenant_id", tenantId, "current_version", currentVersion, "agent_version", "1.0.0"),
                apiKey, consistencyToken);
        assertThat(response.statusCode()).as("sync: " + response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isTrue();
        return body;
    }

    /** Replaces a dashboard's widgets with one widget of the given type and query. */
    public HttpResponse<String> saveOneWidget(String dashboardId, String name, String type, String query) throws Exception {
        return command("PUT", "/api/dashboards/" + dashboardId + "/widgets", Map.of("widgets", List.of(Map.of(
                "name", name,
                "config", Map.of("query", query, "type", type),
                "position_x", 0,
                "position_y", 0))), 200);
    }

    /** Replaces a dashboard's widgets with one widget of the given name and whole configuration. */
    public HttpResponse<String> saveWidget(String dashboardId, String name, Map<String, Object> config) throws Exception {
        return command("PUT", "/api/dashboards/" + dashboardId + "/widgets", Map.of("widgets", List.of(Map.of(
                "name", name, "config", config, "position_x", 0, "position_y", 0))), 200);
    }

    /** Drafts a version of the tenant's current dashboards and publishes it; the published version. */
    public Published draftAndPublish(String tenantId, String message) throws Exception {
        JsonNode draft = JSON.readTree(command("POST", "/api/tenants/" + tenantId + "/versions",
                Map.of("message", message), 201).body());
        String versionId = draft.get("id").asString();
        HttpResponse<String> publish = command("POST", "/api/tenants/" + tenantId + "/versions/" + versionId + "/publish", null, 200);
        return new Published(versionId, draft.get("version").asInt(),
                publish.headers().firstValue("X-Consistency-Token").orElseThrow());
    }

    /** A version the builder published, with the token that reads it back. */
    public record Published(String versionId, int version, String consistencyToken) {
    }
}

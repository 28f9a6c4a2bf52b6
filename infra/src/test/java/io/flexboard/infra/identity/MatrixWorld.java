package io.flexboard.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.foundation.identity.Role;
import io.flexboard.infra.hostile.ApiOperations.Operation;
import io.flexboard.infra.local.support.StackClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The matrix's world, built with the admin token: two tenants ({@link #own}, the signed-in people's, and
 * {@link #other}), each with a dashboard, a published version, an API key and a viewer; and the paths and bodies
 * that aim an operation at one of them.
 */
final class MatrixWorld {

    private static final String PASSWORD = "a long pass phrase for the matrix";

    /** One tenant's ids the cells aim at; {@code userEmail} is a user of this tenant alone. */
    record Tenant(String id, String dashboardId, String versionId, String apiKeyId, String userId, String userEmail) {
    }

    final StackClient client;
    final Tenant own;
    final Tenant other;
    String editorsDashboard;

    private MatrixWorld(StackClient client, Tenant own, Tenant other) {
        this.client = client;
        this.own = own;
        this.other = other;
    }

    static MatrixWorld create(StackClient client) throws Exception {
        return new MatrixWorld(client, tenant(client, "own"), tenant(client, "other"));
    }

    private static Tenant tenant(StackClient client, String name) throws Exception {
        String slug = RoleMatrixTest.unique(name);
        JsonNode created = StackClient.JSON.readTree(client.command("POST", "/api/tenants", Map.of("name", slug, "slug", slug), 201).body());
        String tenantId = created.at("/tenant/id").asString();
        String dashboardId = StackClient.JSON.readTree(client.command("POST", "/api/tenants/" + tenantId + "/dashboards",
                Map.of("name", "Sales", "slug", "sales"), 201).body()).get("id").asString();
        client.saveOneWidget(dashboardId, "revenue", "bar", "SELECT 1");
        StackClient.Published published = client.draftAndPublish(tenantId, "first");
        String email = slug + "-colleague@matrix.example";
        HttpResponse<String> user = client.command("POST", "/api/users", Map.of("email", email, "name", "Colleague",
                "role", "viewer", "tenant_ids", List.of(tenantId)), 201);
        String userId = StackClient.JSON.readTree(user.body()).get("id").asString();
        // Reads wait for both: the tenant's last publish and the user.
        client.getJson("/api/tenants/" + tenantId, published.consistencyToken());
        client.getJson("/api/users/" + userId, user.headers().firstValue("X-Consistency-Token").orElseThrow());
        return new Tenant(tenantId, dashboardId, published.versionId(), created.get("api_key_id").asString(), userId, email);
    }

    /** Creates a user of the role in the tenants and signs them in; their access token. */
    String signIn(Role role, List<String> tenantIds) throws Exception {
        String email = RoleMatrixTest.unique(role.wireName()) + "@matrix.example";
        client.command("POST", "/api/users", Map.of("email", email, "name", role.wireName(), "password", PASSWORD,
                "role", role.wireName(), "tenant_ids", tenantIds), 201);
        HttpResponse<String> login = client.send("POST", "/api/auth/login", Map.of("email", email, "password", PASSWORD), null, null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = StackClient.JSON.readTree(login.body()).get("access_token").asString();
        if (role == Role.DASHBOARD_EDITOR) {
            HttpResponse<String> created = client.send("POST", "/api/tenants/" + own.id() + "/dashboards",
                    Map.of("name", "Mine", "slug", RoleMatrixTest.unique("mine")), token, null);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            editorsDashboard = StackClient.JSON.readTree(created.body()).get("id").asString();
        }
        return token;
    }

    /**
     * The operation's path aimed at the tenant. What a cell uses up (a key it revokes, a user it disables) is
     * made fresh for it, so a cell before cannot change what a cell after answers.
     */
    String fill(Operation operation, Tenant tenant) throws Exception {
        String path = operation.path()
                .replace("{tenantId}", tenant.id())
                .replace("{dashboardId}", tenant.dashboardId())
                .replace("{versionId}", tenant.versionId())
                .replace("{id}", UUID.randomUUID().toString());
        if (path.contains("{keyId}")) {
            path = path.replace("{keyId}", StackClient.JSON.readTree(client.command("POST", "/api/tenants/" + tenant.id() + "/api-keys",
                    Map.of("name", RoleMatrixTest.unique("revoked")), 201).body()).get("id").asString());
        }
        if (path.contains("{userId}")) {
            path = path.replace("{userId}", operation.method().equals("DELETE") ? freshUser(tenant) : tenant.userId());
        }
        return path;
    }

    private String freshUser(Tenant tenant) throws Exception {
        return StackClient.JSON.readTree(client.command("POST", "/api/users", Map.of("email", RoleMatrixTest.unique("leaving")
                + "@matrix.example", "name", "Leaving", "role", "viewer", "tenant_ids", List.of(tenant.id())), 201).body())
                .get("id").asString();
    }

    /**
     * A body that would be accepted where it is admitted, so an admitted cell does real work — except a rebuild,
     * which gets a read model that does not exist (400 once admitted): rebuilding mid-matrix would empty the lists.
     */
    Object body(Operation operation, Tenant tenant) {
        String path = operation.path();
        return switch (operation.method() + " " + path) {
            case "POST /api/tenants" -> {
                String slug = RoleMatrixTest.unique("made");
                yield Map.of("name", slug, "slug", slug);
            }
            case "POST /api/tenants/{tenantId}/dashboards" -> Map.of("name", "More", "slug", RoleMatrixTest.unique("more"));
            case "PUT /api/dashboards/{dashboardId}/widgets" -> Map.of("widgets", List.of(Map.of("name", "revenue",
                    "config", Map.of("query", "SELECT 2", "type", "bar"), "position_x", 0, "position_y", 0)));
            case "POST /api/tenants/{tenantId}/api-keys" -> Map.of("name", RoleMatrixTest.unique("key"));
            case "POST /api/tenants/{tenantId}/versions", "POST /api/tenants/{tenantId}/versions/{versionId}/restore" ->
                    Map.of("message", "from the matrix");
            case "POST /api/tenants/{tenantId}/pause" -> Map.of("reason", "the matrix");
            case "PUT /api/tenants/{tenantId}/branding" -> Map.of("logo", Map.of(), "font", "Inter",
                    "colors", Map.of("primary", "#112233", "secondary", "#112233", "accent", "#112233",
                            "background", "#ffffff", "text", "#000000"));
            case "POST /api/users" -> Map.of("email", RoleMatrixTest.unique("made") + "@matrix.example", "name", "Made",
                    "role", "viewer", "tenant_ids", List.of(tenant.id()));
            case "PATCH /api/users/{userId}" -> Map.of("name", "Renamed");
            case "POST /api/ops/rebuilds" -> Map.of("read_models", List.of("no-such-read-model"));
            case "POST /api/agent/sync" -> Map.of("tenant_id", tenant.id(), "current_version", 0);
            default -> null;
        };
    }

    /** The other tenant's ids and user this answer names; a caller below super-admin must see none. */
    List<String> foreignIdsIn(String body) {
        if (body == null) {
            return List.of();
        }
        return List.of(other.id(), other.dashboardId(), other.versionId(), other.apiKeyId(), other.userId(), other.userEmail())
                .stream().filter(body::contains).toList();
    }
}

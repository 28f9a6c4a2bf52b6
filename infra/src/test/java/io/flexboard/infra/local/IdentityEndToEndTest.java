package io.flexboard.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.infra.local.config.Settings;
import io.flexboard.infra.local.support.StackClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * People through the local stack's one port: the break-glass admin token creates a tenant-admin, who signs
 * in (command-api), reads who they are (query-api), works in their tenant, sees only it, and gets 404 for
 * another tenant on both sides; their events name them.
 */
class IdentityEndToEndTest {

    private static final String ADMIN_TOKEN = "e2e-admin-token";
    private static final JsonMapper JSON = StackClient.JSON;

    @TempDir
    Path dataDir;

    @Test
    void a_tenant_admin_signs_in_works_in_its_tenant_and_never_sees_another() throws Exception {
        try (LocalStack.Running stack = LocalStack.start(Settings.forTest(dataDir, ADMIN_TOKEN))) {
            assertThat(Files.exists(dataDir.resolve("jwt-signing-key.pem"))).isTrue();
            StackClient admin = new StackClient(stack.port(), ADMIN_TOKEN);
            String own = JSON.readTree(admin.command("POST", "/api/tenants", Map.of("name", "Acme", "slug", "acme"), 201).body())
                    .at("/tenant/id").asString();
            String other = JSON.readTree(admin.command("POST", "/api/tenants", Map.of("name", "Globex", "slug", "globex"), 201)
                    .body()).at("/tenant/id").asString();
            admin.command("POST", "/api/users", Map.of("email", "ann@acme.example", "name", "Ann", "password",
                    "a long pass phrase", "role", "tenant-admin", "tenant_ids", List.of(own)), 201);

            HttpResponse<String> login = admin.send("POST", "/api/auth/login",
                    Map.of("email", "ANN@acme.example", "password", "a long pass phrase"), null, null);
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            String ann = JSON.readTree(login.body()).get("access_token").asString();

            JsonNode me = JSON.readTree(admin.get("/api/me", ann, null).body());
            assertThat(me.get("email").asString()).isEqualTo("ann@acme.example");
            assertThat(me.get("tenant_ids").get(0).asString()).isEqualTo(own);

            HttpResponse<String> created = admin.send("POST", "/api/tenants/" + own + "/dashboards",
                    Map.of("name", "Sales", "slug", "sales"), ann, null);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String token = created.headers().firstValue("X-Consistency-Token").orElseThrow();
            HttpResponse<String> history = admin.get("/api/tenants/" + own + "/history?actor=ann@acme.example", ann, token);
            assertThat(JSON.readTree(history.body()).get(0).get("summary").asString())
                    .isEqualTo("ann@acme.example created dashboard sales");

            assertThat(admin.get("/api/tenants", ann, null).body()).contains(own).doesNotContain(other);
            assertThat(admin.get("/api/tenants/" + other, ann, null).statusCode()).isEqualTo(404);
            assertThat(admin.get("/api/tenants/" + other + "/dashboards", ann, null).statusCode()).isEqualTo(404);
            assertThat(admin.send("POST", "/api/tenants/" + other + "/dashboards", Map.of("name", "X", "slug", "x"), ann, null)
                    .statusCode()).isEqualTo(404);
            assertThat(admin.send("POST", "/api/users", Map.of("email", "eve@acme.example", "name", "Eve", "role", "super-admin",
                    "tenant_ids", List.of()), ann, null).statusCode()).isEqualTo(403);
        }
    }
}

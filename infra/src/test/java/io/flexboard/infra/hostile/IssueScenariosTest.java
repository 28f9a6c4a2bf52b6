package io.flexboard.infra.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.infra.local.config.RouterLimits;
import io.flexboard.infra.local.router.RouterServer;
import io.flexboard.infra.local.services.Service;
import io.flexboard.infra.local.support.StackClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each scenario of issue 11 as it was tried by a hostile client, through the real local stack: its router, and
 * (where the issue used them) a service's own port, which here is a server on that service's handler alone, as
 * its {@code *-exec.jar} would listen.
 */
class IssueScenariosTest {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
    private static HostileStack world;

    @BeforeAll
    static void startStack() {
        world = HostileStack.start();
    }

    @AfterAll
    static void stopStack() {
        world.close();
    }

    // --- 1. authentication skipped ---------------------------------------------------------------------------

    @Test
    void scenario_1_encoded_and_parameterised_api_paths_need_the_admin_token_on_the_services_own_ports() throws Exception {
        String tenant = "{\"name\":\"Intruder\",\"slug\":\"intruder\"}";
        try (RouterServer commandApi = ownPort(Service.COMMAND_API); RouterServer queryApi = ownPort(Service.QUERY_API)) {
            for (String path : List.of("/%61pi/tenants", "/api;x/tenants", "/%61pi;x/tenants", "/api/tenants;x")) {
                assertRefused(send(commandApi.port(), "POST", path, List.of(json()), tenant), "POST " + path + " on command-api");
                RawHttp.Response listed = send(queryApi.port(), "GET", path, List.of(), null);
                assertRefused(listed, "GET " + path + " on query-api");
                assertThat(listed.body()).doesNotContain(world.acme.id());
            }
        }
        assertThat(world.client.getJson("/api/tenants?q=intruder", null).size()).as("no tenant was created").isZero();
    }

    @Test
    void scenario_1_the_router_refuses_the_same_spellings_without_a_token() {
        for (String path : List.of("/%61pi/tenants", "/api;x/tenants")) {
            assertRefused(send(world.port(), "POST", path, List.of(json()), "{\"name\":\"Intruder\",\"slug\":\"intruder-2\"}"),
                    "POST " + path + " on the router");
        }
    }

    // --- 2. one request stops the read side --------------------------------------------------------------------

    @Test
    void scenario_2_a_widget_id_that_is_no_uuid_is_refused() {
        RawHttp.Response response = admin("PUT", "/api/dashboards/" + world.acme.dashboardId() + "/widgets",
                "{\"widgets\":[{\"id\":\"not-a-uuid\",\"name\":\"revenue\",\"config\":{\"query\":\"SELECT 1\",\"type\":\"bar\"}}]}");

        assertProblem(response, 400, "widgets[0].id");
    }

    @Test
    void scenario_2_a_nul_character_is_refused_in_every_string_that_reaches_the_read_side() {
        String nul = "a\\u0000b";
        assertProblem(admin("POST", "/api/tenants", "{\"name\":\"" + nul + "\",\"slug\":\"nul-tenant\"}"), 400, "name");
        assertProblem(admin("POST", "/api/tenants/" + world.acme.id() + "/dashboards",
                "{\"name\":\"Nul\",\"slug\":\"nul\",\"description\":\"" + nul + "\"}"), 400, "description");
        assertProblem(admin("POST", "/api/tenants/" + world.acme.id() + "/versions", "{\"message\":\"" + nul + "\"}"), 400, "message");
        assertProblem(admin("PUT", "/api/dashboards/" + world.acme.dashboardId() + "/widgets",
                "{\"widgets\":[{\"name\":\"revenue\",\"config\":{\"query\":\"SELECT 1\",\"type\":\"bar\",\"chartConfig\":{\"title\":\""
                        + nul + "\"}}}]}"), 400, "widgets[0].config");
    }

    @Test
    void scenario_2_after_the_bad_widget_and_the_nuls_a_canary_tenant_is_still_projected() throws Exception {
        admin("PUT", "/api/dashboards/" + world.acme.dashboardId() + "/widgets",
                "{\"widgets\":[{\"id\":\"not-a-uuid\",\"name\":\"revenue\",\"config\":{\"query\":\"SELECT 1\",\"type\":\"bar\"}}]}");
        admin("POST", "/api/tenants", "{\"name\":\"a\\u0000b\",\"slug\":\"nul-canary\"}");

        world.assertACanaryTenantIsStillProjectedAndSynced();
    }

    // --- 3. another tenant's widget taken over -----------------------------------------------------------------

    @Test
    void scenario_3_a_widget_id_of_another_tenant_is_refused_and_that_widget_stays_with_its_tenant() throws Exception {
        RawHttp.Response response = admin("PUT", "/api/dashboards/" + world.acme.dashboardId() + "/widgets",
                "{\"widgets\":[{\"id\":\"" + world.globex.widgetId() + "\",\"name\":\"stolen\",\"config\":{\"query\":\"SELECT 2\",\"type\":\"line\"}}]}");

        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(response.isProblem()).isTrue();
        // A canary's round trip first: whatever the command did has been projected by then.
        world.assertACanaryTenantIsStillProjectedAndSynced();
        JsonNode globexDashboard = world.client.getJson("/api/dashboards/" + world.globex.dashboardId(), null);
        assertThat(globexDashboard.at("/widgets/0/id").asString()).isEqualTo(world.globex.widgetId());
        assertThat(globexDashboard.at("/widgets/0/name").asString()).isEqualTo("revenue");
    }

    // --- 4. unauthenticated requests held open -----------------------------------------------------------------

    @Test
    void scenario_4_an_unknown_key_with_a_consistency_token_is_refused_not_held() {
        String token = world.acme.id() + ":999999";
        RawHttp.Response response = send(world.port(), "POST", "/api/agent/sync",
                List.of(json(), RawHttp.Header.of("Authorization", "Bearer fbk_unknown_0000000000000000"),
                        RawHttp.Header.of("X-Consistency-Token", token)),
                "{\"tenant_id\":\"" + world.acme.id() + "\",\"current_version\":0}");

        // Held, it would end as 503 consistency-timeout; refused at once, it is 401.
        assertProblem(response, 401, null);
    }

    @Test
    void scenario_4_health_metrics_and_ops_are_not_held_by_a_consistency_token() {
        String token = UUID.randomUUID() + ":999999";
        List<RawHttp.Header> headers = List.of(RawHttp.Header.of("X-Consistency-Token", token));
        for (Service service : List.of(Service.QUERY_API, Service.AGENT_BRIDGE)) {
            try (RouterServer own = ownPort(service)) {
                for (String path : List.of("/health", "/metrics")) {
                    RawHttp.Response response = send(own.port(), "GET", path, headers, null);
                    assertThat(response.status()).as(service.serviceName() + " " + path + ": " + response.body()).isEqualTo(200);
                }
            }
        }
        RawHttp.Response lagPage = send(world.port(), "GET", "/ops/lag.html", headers, null);
        assertThat(lagPage.status()).as("/ops/lag.html: " + lagPage.body()).isEqualTo(200);
    }

    // --- 5. 500 instead of 400 -----------------------------------------------------------------------------------

    @Test
    void scenario_5_out_of_range_instants_and_nul_parameters_are_malformed_requests() {
        String tenant = "/api/tenants/" + world.acme.id();
        String farFuture = "%2B300000-01-01T00:00:00Z";
        Map<String, String> parameters = Map.of(
                tenant + "/state?at=" + farFuture, "at",
                tenant + "/history?from=" + farFuture, "from",
                tenant + "/diff?from=2026-01-01T00:00:00Z&to=" + farFuture, "to",
                "/api/tenants?q=%00", "q",
                tenant + "/history?actor=%00", "actor");
        parameters.forEach((target, parameter) -> {
            RawHttp.Response response = send(world.port(), "GET", target, List.of(adminToken()), null);
            assertThat(response.status()).as(target + ": " + response.body()).isEqualTo(400);
            assertThat(response.isProblem()).as(target).isTrue();
            assertThat(response.body()).as(target + " names its parameter").contains(parameter);
        });
    }

    // --- 6. a fleet cannot long-poll ---------------------------------------------------------------------------

    @Test
    void scenario_6_a_fleet_of_agents_long_polling_on_one_key_gets_no_429() throws Exception {
        int agents = 150;
        int rounds = 2;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
            for (int agent = 0; agent < agents; agent++) {
                String body = "{\"tenant_id\":\"" + world.acme.id() + "\",\"current_version\":1,\"wait_seconds\":2,\"agent_id\":\"plant-"
                        + agent + "\"}";
                polls.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + world.port() + "/api/agent/sync"))
                                .timeout(ANSWER_WITHIN)
                                .header("Authorization", "Bearer " + world.acme.apiKey())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> poll : polls) {
                statuses.add(poll.get().statusCode());
            }
        }

        assertThat(statuses).hasSize(agents * rounds);
        assertThat(statuses).as("every agent's long-poll is answered, none with 429").containsOnly(200);
    }

    // --- support -------------------------------------------------------------------------------------------------

    /** A server on the service's handler alone: the service's own port, no router in front. */
    private static RouterServer ownPort(Service service) {
        return RouterServer.start("127.0.0.1", 0, RouterLimits.DEFAULTS, world.stack.services().httpHandler(service).orElseThrow());
    }

    private static RawHttp.Response admin(String method, String path, String body) {
        return send(world.port(), method, path, List.of(json(), adminToken()), body);
    }

    private static RawHttp.Response send(int port, String method, String target, List<RawHttp.Header> headers, String body) {
        return RawHttp.send(port, method, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8), ANSWER_WITHIN);
    }

    private static RawHttp.Header json() {
        return RawHttp.Header.of("Content-Type", "application/json");
    }

    private static RawHttp.Header adminToken() {
        return RawHttp.Header.of("Authorization", "Bearer " + HostileStack.ADMIN_TOKEN);
    }

    private static void assertRefused(RawHttp.Response response, String what) {
        assertThat(response.status()).as(what + ": " + response.body()).isIn(401, 404);
        assertThat(response.isProblem()).as(what + " answers a problem").isTrue();
        assertThat(response.body()).as(what).doesNotContain("api_key");
    }

    private static void assertProblem(RawHttp.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(String.valueOf(response.headers())).isTrue();
        if (field != null) {
            assertThat(StackClient.JSON.readTree(response.body()).path("errors").toString()).as(response.body()).contains(field);
        }
    }
}

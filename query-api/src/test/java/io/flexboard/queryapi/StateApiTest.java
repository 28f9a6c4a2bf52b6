package io.flexboard.queryapi;

import static io.flexboard.fold.TenantStory.widget;
import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.fold.TenantStory;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.queryapi.support.ProjectedEvents;
import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * GET /api/tenants/{tenantId}/state: the tenant rebuilt from its event_history by the fold the
 * projector writes the live read models with. The fixtures go through that same projector code
 * ({@link ProjectedEvents}), so "at now equals live" compares two real uses of one fold.
 */
class StateApiTest extends QueryApiIntegrationTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DatabaseClient database;

    ProjectedEvents projector;

    @BeforeEach
    void projector() {
        projector = new ProjectedEvents(database);
    }

    @Test
    void given_a_rich_tenant_story_when_its_state_now_is_read_then_it_equals_what_the_live_endpoints_answer() {
        TenantStory acme = richStory();
        projector.projected(acme.events());

        JsonNode state = get("/api/tenants/" + acme.tenantId + "/state");

        ObjectNode liveTenant = (ObjectNode) get("/api/tenants/" + acme.tenantId);
        liveTenant.remove("last_sync"); // telemetry, not an event: the state leaves it out
        assertThat(state.path("tenant")).isEqualTo(liveTenant);
        List<JsonNode> liveDashboards = new ArrayList<>();
        get("/api/tenants/" + acme.tenantId + "/dashboards").forEach(
                dashboard -> liveDashboards.add(get("/api/dashboards/" + dashboard.path("id").asString())));
        assertThat(liveDashboards).hasSize(3);
        assertThat(state.path("dashboards")).containsExactlyElementsOf(liveDashboards);
        assertThat(state.path("versions")).isEqualTo(get("/api/tenants/" + acme.tenantId + "/versions"));
        JsonNode syncStatus = get("/api/sync-status").get(0);
        assertThat(state.path("published_version")).isEqualTo(syncStatus.path("published_version"));
        assertThat(state.path("published_version").asInt()).isEqualTo(3);
    }

    @Test
    void given_a_moment_between_two_publishes_when_the_state_then_is_read_then_it_shows_the_widgets_and_versions_of_that_moment() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        String sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0), widget(sales, "revenue", "kpi", 6, 0));
        acme.versionPublished(acme.draftSaved("first"));
        acme.tenantPaused("invoice overdue");
        acme.widgetsReplaced(sales, widget(sales, "revenue", "kpi", 0, 0));
        acme.versionPublished(acme.draftSaved("second"));
        projector.projected(acme.events());

        // Inclusive: the event at exactly the moment (the pause, sequence 5) is part of it.
        JsonNode state = get("/api/tenants/" + acme.tenantId + "/state?at=" + acme.occurredAt(5));

        assertThat(state.path("at").asString()).isEqualTo("2026-03-02T09:05:00Z");
        assertThat(state.path("tenant").path("is_active").asBoolean()).isFalse();
        assertThat(state.path("tenant").path("paused_reason").asString()).isEqualTo("invoice overdue");
        assertThat(state.path("dashboards").get(0).path("widgets").findValuesAsString("name"))
                .containsExactly("sales-by-month", "revenue");
        assertThat(state.path("dashboards").get(0).path("widgets").get(0).path("config").path("type").asString()).isEqualTo("bar");
        assertThat(state.path("versions").findValuesAsString("status")).containsExactly("published");
        assertThat(state.path("published_version").asInt()).isEqualTo(1);

        JsonNode justBefore = get("/api/tenants/" + acme.tenantId + "/state?at=" + acme.occurredAt(5).minusMillis(1));
        assertThat(justBefore.path("tenant").path("is_active").asBoolean()).isTrue();
    }

    @Test
    void given_a_moment_before_the_tenant_existed_when_its_state_is_read_then_not_found_saying_so() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        projector.projected(acme.events());

        builder().get().uri("/api/tenants/{id}/state?at={at}", acme.tenantId, START.minusSeconds(1)).exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "not-found")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("did not exist yet at 2026-03-02T08:59:59Z"));
    }

    @Test
    void given_an_unknown_tenant_or_a_malformed_moment_when_state_is_read_then_not_found_or_malformed_request_naming_the_parameter() {
        builder().get().uri("/api/tenants/{id}/state", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("No tenant"));
        builder().get().uri("/api/tenants/{id}/state?at=last-tuesday", UUID.randomUUID()).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("'at'"));
    }

    @Test
    void given_a_tenant_projected_before_event_history_existed_when_its_state_is_read_then_history_incomplete_rather_than_a_wrong_state() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        acme.dashboardCreated("Sales", "sales");
        projector.projected(acme.events());
        projector.historyStartsAt(acme.tenantId, 1);

        builder().get().uri("/api/tenants/{id}/state", acme.tenantId).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "history-incomplete");
    }

    @Test
    void given_a_history_stored_with_envelope_schema_v1_when_history_and_state_are_read_then_they_answer_as_the_live_endpoints_do() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        acme.apiKeyIssued();
        String sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0));
        acme.versionPublished(acme.draftSaved("first"));
        acme.widgetsReplaced(sales, widget(sales, "revenue", "kpi", 0, 0));
        acme.versionPublished(acme.draftSaved("second"));
        projector.projected(acme.events());

        projector.storedWithSchemaV1(acme.events());

        JsonNode state = get("/api/tenants/" + acme.tenantId + "/state");
        assertThat(state.path("dashboards").get(0)).isEqualTo(get("/api/dashboards/" + sales));
        assertThat(state.path("published_version").asInt()).isEqualTo(2);
        // v1 drafts carry no lineage: read through the current schema, parent_version takes its default,
        // while the live version (projected from the current schema's event) has it.
        JsonNode live = get("/api/tenants/" + acme.tenantId + "/versions");
        assertThat(state.path("versions").findValues("parent_version")).allMatch(JsonNode::isNull);
        assertThat(live.get(0).path("parent_version").asInt()).isEqualTo(1);
        assertThat(withoutParentVersions(state.path("versions"))).isEqualTo(withoutParentVersions(live));
        assertThat(get("/api/tenants/" + acme.tenantId + "/history").findValuesAsString("type")).containsExactly(
                "version_published", "version_archived", "draft_saved", "widgets_replaced", "version_published",
                "draft_saved", "widgets_replaced", "dashboard_created", "api_key_issued", "tenant_created");
    }

    @Test
    void given_checkpoints_left_by_earlier_reads_when_earlier_later_and_now_states_are_read_then_each_is_that_moments_state() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        String sales = acme.dashboardCreated("Sales", "sales");
        for (int i = 0; i < 12; i++) {
            acme.widgetsReplaced(sales, widget(sales, "widget-" + i, "bar", 0, 0));
        }
        projector.projected(acme.events());
        String state = "/api/tenants/" + acme.tenantId + "/state";

        // A late moment first: its fold leaves checkpoints (every 4 events in the tests) up to sequence 11.
        assertThat(widgetNames(get(state + "?at=" + acme.occurredAt(11)))).containsExactly("widget-9");
        assertThat(widgetNames(get(state + "?at=" + acme.occurredAt(5)))).containsExactly("widget-3");
        assertThat(widgetNames(get(state + "?at=" + acme.occurredAt(8)))).containsExactly("widget-6");
        assertThat(widgetNames(get(state))).containsExactly("widget-11");
        assertThat(get(state + "?at=" + acme.occurredAt(13)).path("dashboards").get(0).path("updated_at").asString())
                .isEqualTo(acme.occurredAt(13).toString());
    }

    @Test
    void given_an_event_stamped_later_than_the_one_after_it_when_a_moment_between_them_is_read_then_the_state_ends_before_the_later_stamped_one() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        String sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, widget(sales, "first", "bar", 0, 0));
        acme.widgetsReplaced(sales, widget(sales, "second", "bar", 0, 0));
        acme.widgetsReplaced(sales, widget(sales, "third", "bar", 0, 0));
        List<EventEnvelope> events = new ArrayList<>(acme.events());
        // Sequence 3 was stamped by a replica whose clock ran ten minutes ahead of the one that stamped 4.
        events.get(3).setOccurredAt(acme.occurredAt(4).plusSeconds(600));
        projector.projected(events);

        JsonNode between = get("/api/tenants/" + acme.tenantId + "/state?at=" + acme.occurredAt(4));

        assertThat(widgetNames(between)).as("4 happened by then, but after 3, which had not").containsExactly("first");
        assertThat(widgetNames(get("/api/tenants/" + acme.tenantId + "/state"))).containsExactly("third");
    }

    private static List<String> widgetNames(JsonNode state) {
        return state.path("dashboards").get(0).path("widgets").findValuesAsString("name");
    }

    /** Three dashboards, widgets replaced several times, drafts, publishes that archive, a pause and a restored draft. */
    static TenantStory richStory() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        acme.apiKeyIssued();
        String sales = acme.dashboardCreated("Sales", "sales");
        String ops = acme.dashboardCreated("Ops", "ops");
        String finance = acme.dashboardCreated("Finance", "finance");
        acme.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0), widget(sales, "revenue", "kpi", 6, 0));
        acme.widgetsReplaced(ops, widget(ops, "open-tickets", "table", 0, 0));
        acme.versionPublished(acme.draftSaved("first"));
        acme.by("bob").widgetsReplaced(sales, widget(sales, "revenue", "kpi", 0, 0), widget(sales, "orders", "pie", 6, 0));
        acme.widgetsReplaced(finance, widget(finance, "cash", "line", 0, 0, "{\"query\":\"SELECT day, cash FROM ledger\","
                + "\"type\":\"line\",\"chartConfig\":{\"xAxisKey\":\"day\",\"yAxisKey\":\"cash\",\"colors\":[\"#0a0\"]}}"));
        acme.versionPublished(acme.draftSaved("second"));
        acme.by("alice").tenantPaused("invoice overdue");
        acme.tenantActivated();
        acme.widgetsReplaced(ops);
        acme.versionPublished(acme.draftRestored(1));
        acme.draftSaved("work in progress");
        return acme;
    }

    private static JsonNode withoutParentVersions(JsonNode versions) {
        JsonNode copy = versions.deepCopy();
        copy.forEach(version -> ((ObjectNode) version).remove("parent_version"));
        return copy;
    }

    private JsonNode get(String path) {
        String body = builder().get().uri(path).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }
}

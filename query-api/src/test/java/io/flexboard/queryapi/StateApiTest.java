package io.flexboard.queryapi;

import static io.flexboard.history.fold.TenantEvents.widget;
import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.history.fold.TenantEvents;
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
    void givenARichTenantStory_whenItsStateNowIsRead_thenItEqualsWhatTheLiveEndpointsAnswer() {
        TenantEvents acme = richStory();
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
    void givenAMomentBetweenTwoPublishes_whenTheStateThenIsRead_thenItShowsTheWidgetsAndVersionsOfThatMoment() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        UUID sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0), widget(sales, "revenue", "kpi", 6, 0));
        acme.versionPublished(acme.draftSaved("first"));
        acme.paused("invoice overdue");
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
    void givenAMomentBeforeTheTenantExisted_whenItsStateIsRead_thenNotFoundSayingSo() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        projector.projected(acme.events());

        builder().get().uri("/api/tenants/{id}/state?at={at}", acme.tenantId, START.minusSeconds(1)).exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "not-found")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("did not exist yet at 2026-03-02T08:59:59Z"));
    }

    @Test
    void givenAnUnknownTenantOrAMalformedMoment_whenStateIsRead_thenNotFoundOrMalformedRequestNamingTheParameter() {
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
    void givenATenantProjectedBeforeEventHistoryExisted_whenItsStateIsRead_thenHistoryIncompleteRatherThanAWrongState() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        acme.dashboardCreated("Sales", "sales");
        projector.projected(acme.events());
        projector.historyStartsAt(acme.tenantId, 1);

        builder().get().uri("/api/tenants/{id}/state", acme.tenantId).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "history-incomplete");
    }

    @Test
    void givenAHistoryStoredWithEnvelopeSchemaV1_whenHistoryAndStateAreRead_thenTheyAnswerAsForTheCurrentSchema() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        acme.apiKeyIssued();
        UUID sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0));
        acme.versionPublished(acme.draftSaved("first"));
        acme.widgetsReplaced(sales, widget(sales, "revenue", "kpi", 0, 0));
        acme.versionPublished(acme.draftSaved("second"));
        projector.projected(acme.events());
        JsonNode stateWithCurrentSchema = get("/api/tenants/" + acme.tenantId + "/state?at=2026-03-02T10:00:00Z");
        JsonNode historyWithCurrentSchema = get("/api/tenants/" + acme.tenantId + "/history");

        projector.storedWithSchemaV1(acme.events());

        JsonNode stateWithV1 = get("/api/tenants/" + acme.tenantId + "/state?at=2026-03-02T10:00:00Z");
        assertThat(get("/api/tenants/" + acme.tenantId + "/history")).isEqualTo(historyWithCurrentSchema);
        // v1 drafts carry no lineage: read through the current schema, parent_version takes its default.
        assertThat(stateWithV1.path("versions").findValues("parent_version")).allMatch(JsonNode::isNull);
        assertThat(stateWithCurrentSchema.path("versions").get(0).path("parent_version").asInt()).isEqualTo(1);
        assertThat(withoutParentVersions(stateWithV1)).isEqualTo(withoutParentVersions(stateWithCurrentSchema));
        assertThat(stateWithV1.path("versions").size()).isEqualTo(2);
    }

    /** Three dashboards, widgets replaced several times, drafts, publishes that archive, a pause and a restored draft. */
    static TenantEvents richStory() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        acme.apiKeyIssued();
        UUID sales = acme.dashboardCreated("Sales", "sales");
        UUID ops = acme.dashboardCreated("Ops", "ops");
        UUID finance = acme.dashboardCreated("Finance", "finance");
        acme.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0), widget(sales, "revenue", "kpi", 6, 0));
        acme.widgetsReplaced(ops, widget(ops, "open-tickets", "table", 0, 0));
        acme.versionPublished(acme.draftSaved("first"));
        acme.by("bob").widgetsReplaced(sales, widget(sales, "revenue", "kpi", 0, 0), widget(sales, "orders", "pie", 6, 0));
        acme.widgetsReplaced(finance, widget(finance, "cash", "line", 0, 0, "{\"query\":\"SELECT day, cash FROM ledger\","
                + "\"type\":\"line\",\"chartConfig\":{\"xAxisKey\":\"day\",\"yAxisKey\":\"cash\",\"colors\":[\"#0a0\"]}}"));
        acme.versionPublished(acme.draftSaved("second"));
        acme.by("alice").paused("invoice overdue");
        acme.activated();
        acme.widgetsReplaced(ops);
        acme.versionPublished(acme.draftRestored(1));
        acme.draftSaved("work in progress");
        return acme;
    }

    private static JsonNode withoutParentVersions(JsonNode state) {
        JsonNode copy = state.deepCopy();
        copy.path("versions").forEach(version -> ((ObjectNode) version).remove("parent_version"));
        return copy;
    }

    private JsonNode get(String path) {
        String body = builder().get().uri(path).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }
}

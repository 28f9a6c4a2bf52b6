package io.flexboard.queryapi;

import static io.flexboard.fold.TenantStory.widget;
import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.fold.TenantStory;
import io.flexboard.queryapi.support.ProjectedEvents;
import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/tenants/{tenantId}/diff: what changed between two moments or two versions, per dashboard and widget. */
class DiffApiTest extends QueryApiIntegrationTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DatabaseClient database;

    TenantStory acme;
    String sales;
    String ops;

    /**
     * Version 1: sales with sales-by-month (bar) and revenue. Then bob turns sales-by-month into a
     * line chart with another query, drops revenue, adds orders, creates ops, pauses the tenant and
     * publishes version 2.
     */
    @BeforeEach
    void acmeBeforeAndAfterBobsEdits() {
        acme = TenantStory.newTenant("Acme", "acme", START);
        sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0), widget(sales, "revenue", "kpi", 6, 0));
        acme.versionPublished(acme.draftSaved("first"));
        acme.by("bob").widgetsReplaced(sales,
                widget(sales, "sales-by-month", "line", 0, 0,
                        "{\"query\":\"SELECT week, total FROM sales\",\"type\":\"line\",\"refreshInterval\":60000}"),
                widget(sales, "orders", "pie", 6, 0));
        ops = acme.dashboardCreated("Ops", "ops");
        acme.tenantPaused("invoice overdue");
        acme.versionPublished(acme.draftSaved("second"));
        new ProjectedEvents(database).projected(acme.events());
    }

    @Test
    void given_two_moments_when_diffed_then_dashboards_widgets_and_config_fields_that_changed_are_named_with_before_and_after() {
        JsonNode diff = get("/api/tenants/" + acme.tenantId + "/diff?from=" + acme.occurredAt(4) + "&to=" + acme.occurredAt(10));

        assertThat(diff.path("from").path("at").asString()).isEqualTo("2026-03-02T09:04:00Z");
        assertThat(diff.path("dashboards").path("added").findValuesAsString("slug")).containsExactly("ops");
        assertThat(diff.path("dashboards").path("removed")).isEmpty();
        JsonNode salesChange = diff.path("dashboards").path("changed").get(0);
        assertThat(salesChange.path("id").asString()).isEqualTo(sales);
        assertThat(salesChange.path("fields")).isEmpty();
        assertThat(salesChange.path("widgets").path("added").findValuesAsString("name")).containsExactly("orders");
        assertThat(salesChange.path("widgets").path("removed").findValuesAsString("name")).containsExactly("revenue");
        JsonNode chart = salesChange.path("widgets").path("changed").get(0);
        assertThat(chart.path("name").asString()).isEqualTo("sales-by-month");
        assertThat(chart.path("fields")).containsExactly(
                change("widget_type", "\"bar\"", "\"line\""),
                change("config.query", "\"SELECT month, total FROM sales_by_month\"", "\"SELECT week, total FROM sales\""),
                change("config.type", "\"bar\"", "\"line\""));
        assertThat(diff.path("tenant")).containsExactly(
                change("is_active", "true", "false"), change("paused_reason", "null", "\"invoice overdue\""));
        assertThat(diff.path("versions").path("added").findValuesAsString("status")).containsExactly("published");
        assertThat(diff.path("versions").path("changed").get(0).path("fields")).containsExactly(
                change("status", "\"published\"", "\"archived\""));
        assertThat(diff.path("published_version")).isEqualTo(change("published_version", "1", "2"));
    }

    @Test
    void given_a_moment_before_the_tenant_existed_when_diffed_with_now_then_everything_is_added() {
        JsonNode diff = get("/api/tenants/" + acme.tenantId + "/diff?from=2026-03-01T00:00:00Z&to=2026-03-02T12:00:00Z");

        assertThat(diff.path("dashboards").path("added").findValuesAsString("slug")).containsExactly("sales", "ops");
        assertThat(diff.path("dashboards").path("added").get(0).path("widgets").findValuesAsString("name"))
                .containsExactly("sales-by-month", "orders");
        assertThat(diff.path("tenant").get(0)).isEqualTo(change("name", "null", "\"Acme\""));
    }

    @Test
    void given_two_versions_when_diffed_then_their_snapshots_are_compared_and_the_tenants_own_fields_left_out() {
        JsonNode diff = get("/api/tenants/" + acme.tenantId + "/diff?from_version=1&to_version=2");

        assertThat(diff.path("from").path("version").asInt()).isEqualTo(1);
        assertThat(diff.has("tenant")).isFalse();
        assertThat(diff.has("published_version")).isFalse();
        assertThat(diff.path("dashboards").path("added").findValuesAsString("slug")).containsExactly("ops");
        JsonNode widgets = diff.path("dashboards").path("changed").get(0).path("widgets");
        assertThat(widgets.path("added").findValuesAsString("name")).containsExactly("orders");
        assertThat(widgets.path("changed").get(0).path("fields").findValuesAsString("field"))
                .containsExactly("widget_type", "config.query", "config.type");

        JsonNode back = get("/api/tenants/" + acme.tenantId + "/diff?from_version=2&to_version=1");
        assertThat(back.path("dashboards").path("removed").findValuesAsString("slug")).containsExactly("ops");
    }

    @Test
    void given_not_exactly_one_pair_of_sides_when_diffed_then_malformed_request_naming_the_parameters() {
        for (String query : List.of("", "from=2026-03-02T09:00:00Z", "from_version=1",
                "from=2026-03-02T09:00:00Z&to=2026-03-02T10:00:00Z&from_version=1&to_version=2")) {
            builder().get().uri("/api/tenants/" + acme.tenantId + "/diff?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request")
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                            .contains("'from' and 'to'").contains("'from_version' and 'to_version'"));
        }
        builder().get().uri("/api/tenants/" + acme.tenantId + "/diff?from_version=one&to_version=2").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("'from_version'"));
    }

    @Test
    void given_a_version_the_tenant_does_not_have_when_diffed_then_not_found_naming_it() {
        builder().get().uri("/api/tenants/" + acme.tenantId + "/diff?from_version=1&to_version=9").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("No version 9").contains("'to_version'"));
    }

    private static JsonNode change(String field, String before, String after) {
        return JSON.readTree("{\"field\":\"" + field + "\",\"before\":" + before + ",\"after\":" + after + "}");
    }

    private JsonNode get(String path) {
        return JSON.readTree(builder().get().uri(path).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }
}

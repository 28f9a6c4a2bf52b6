package io.flexboard.queryapi;

import static io.flexboard.fold.TenantStory.widget;
import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.fold.TenantStory;
import io.flexboard.queryapi.support.ProjectedEvents;
import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;

/** GET /api/tenants/{tenantId}/history: the audit trail, newest first, filtered, paginated. */
class HistoryApiTest extends QueryApiIntegrationTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    DatabaseClient database;
    @LocalServerPort
    int port;

    ProjectedEvents projector;
    TenantStory acme;
    String sales;
    String ops;

    /** Alice builds two dashboards and publishes; bob edits sales and publishes again. */
    @BeforeEach
    void acmeWithTwoPublishes() {
        projector = new ProjectedEvents(database);
        acme = TenantStory.newTenant("Acme", "acme", START);
        acme.apiKeyIssued();
        sales = acme.dashboardCreated("Sales", "sales");
        ops = acme.dashboardCreated("Ops", "ops");
        acme.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0), widget(sales, "revenue", "kpi", 6, 0));
        acme.widgetsReplaced(ops, widget(ops, "open-tickets", "table", 0, 0));
        acme.versionPublished(acme.draftSaved("first"));
        acme.by("bob").widgetsReplaced(sales, widget(sales, "revenue", "kpi", 0, 0));
        acme.versionPublished(acme.draftSaved("second"));
        projector.projected(acme.events());
    }

    @Test
    void given_a_tenants_story_when_its_history_is_listed_then_every_event_newest_first_with_who_what_when_and_a_summary() {
        var entry = acme.events().get(10);

        builder().get().uri("/api/tenants/{id}/history", acme.tenantId).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.LINK)
                .expectBody()
                .jsonPath("$.length()").isEqualTo(12)
                .jsonPath("$[0].sequence").isEqualTo(11)
                .jsonPath("$[0].type").isEqualTo("version_published")
                .jsonPath("$[0].summary").isEqualTo("bob published version 2")
                .jsonPath("$[0].version").isEqualTo(2)
                .jsonPath("$[1].sequence").isEqualTo(10)
                .jsonPath("$[1].event_id").isEqualTo(entry.getEventId())
                .jsonPath("$[1].type").isEqualTo("version_archived")
                .jsonPath("$[1].occurred_at").isEqualTo("2026-03-02T09:10:00Z")
                .jsonPath("$[1].actor").isEqualTo("bob")
                .jsonPath("$[1].summary").isEqualTo("bob archived version 1")
                .jsonPath("$[1].dashboard_id").isEmpty()
                .jsonPath("$[1].version").isEqualTo(1)
                .jsonPath("$[1].correlation_id").isEqualTo(entry.getCorrelationId())
                .jsonPath("$[3].summary").isEqualTo("bob replaced the widgets of dashboard sales (1 widget)")
                .jsonPath("$[3].dashboard_id").isEqualTo(sales)
                .jsonPath("$[11].type").isEqualTo("tenant_created");
    }

    @Test
    void given_filters_on_type_actor_and_dashboard_when_listed_then_only_matching_events_are_answered() {
        builder().get().uri("/api/tenants/{id}/history?type=version_published,version_archived", acme.tenantId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].sequence").isEqualTo(List.of(11, 10, 7));
        builder().get().uri("/api/tenants/{id}/history?actor=bob", acme.tenantId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].sequence").isEqualTo(List.of(11, 10, 9, 8));
        builder().get().uri("/api/tenants/{id}/history?dashboard_id={d}", acme.tenantId, sales).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].type").isEqualTo(List.of("widgets_replaced", "widgets_replaced", "dashboard_created"));
    }

    @Test
    void given_a_time_range_when_listed_then_only_events_within_it_both_ends_included() {
        builder().get().uri("/api/tenants/{id}/history?from={from}&to={to}", acme.tenantId, acme.occurredAt(2), acme.occurredAt(4))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].sequence").isEqualTo(List.of(4, 3, 2));
    }

    @Test
    void given_twelve_events_when_paged_by_five_then_the_cursor_walks_on_down_the_sequence_keeping_the_filters() {
        var first = builder().get().uri("/api/tenants/{id}/history?limit=5&to={to}", acme.tenantId, acme.occurredAt(10))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].sequence").isEqualTo(List.of(10, 9, 8, 7, 6))
                .returnResult();
        String link = first.getResponseHeaders().getFirst(HttpHeaders.LINK);
        assertThat(link).startsWith("</api/tenants/" + acme.tenantId + "/history?").contains("to=").endsWith(">; rel=\"next\"");

        // As the link says, already encoded: a URI template would encode its %3A again.
        builder().get().uri(URI.create("http://localhost:" + port + link.substring(1, link.indexOf('>')))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].sequence").isEqualTo(List.of(5, 4, 3, 2, 1));
    }

    @Test
    void given_an_unknown_tenant_when_its_history_is_listed_then_not_found() {
        builder().get().uri("/api/tenants/{id}/history", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
    }

    @Test
    void given_malformed_filters_when_listed_then_malformed_request_naming_the_parameter() {
        malformed("from=yesterday", "Invalid value for 'from'");
        malformed("to=2026-13-01T00:00:00Z", "Invalid value for 'to'");
        malformed("type=version_released", "Invalid value for 'type'");
        malformed("dashboard_id=sales", "Invalid value for 'dashboard_id'");
        malformed("from=2026-03-02T10:00:00Z&to=2026-03-02T09:00:00Z", "'from': must not be after 'to'");
        malformed("cursor=bm90LWEtc2VxdWVuY2U", "cursor");
    }

    private void malformed(String query, String detail) {
        builder().get().uri("/api/tenants/" + acme.tenantId + "/history?" + query).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request")
                .jsonPath("$.detail").value(text -> assertThat((String) text).contains(detail));
    }
}

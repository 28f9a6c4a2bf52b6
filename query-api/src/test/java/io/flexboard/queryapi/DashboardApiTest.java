package io.flexboard.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class DashboardApiTest extends QueryApiIntegrationTest {

    @Test
    void givenAProjectedTenant_whenADashboardIsRead_thenItsETagIsTheTenantsVersion() {
        UUID tenant = given.tenantWithDashboards(1);
        given.projectedUpTo(tenant, 7);
        UUID dashboard = given.dashboard(tenant, "sales");

        builder().get().uri("/api/dashboards/{id}", dashboard).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"7\"");
        builder().get().uri("/api/tenants/{id}", tenant).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"7\"");
    }

    @Test
    void givenATenantWithDashboards_whenListed_thenAnswersSpecFieldsOfOnlyItsDashboards() {
        UUID tenant = given.tenantWithDashboards(2);
        given.tenantWithDashboards(1); // another tenant's dashboard must not leak in

        builder().get().uri("/api/tenants/{id}/dashboards", tenant).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].id").isNotEmpty()
                .jsonPath("$[0].name").isEqualTo("Dashboard dashboard-1")
                .jsonPath("$[0].slug").isEqualTo("dashboard-1")
                .jsonPath("$[0].description").isEqualTo("About dashboard-1")
                .jsonPath("$[0].widget_count").isEqualTo(0)
                .jsonPath("$[0].created_at").isNotEmpty()
                .jsonPath("$[0].updated_at").isNotEmpty()
                .jsonPath("$[1].slug").isEqualTo("dashboard-2");
    }

    @Test
    void givenThreeDashboards_whenPagedByTwo_thenSecondPageHoldsTheThird() {
        UUID tenant = given.tenantWithDashboards(3);

        var first = builder().get().uri("/api/tenants/{id}/dashboards?limit=2", tenant).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .returnResult();
        String link = first.getResponseHeaders().getFirst(HttpHeaders.LINK);
        assertThat(link).startsWith("</api/tenants/" + tenant + "/dashboards?").endsWith(">; rel=\"next\"");

        builder().get().uri(link.substring(1, link.indexOf('>'))).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.LINK)
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].slug").isEqualTo("dashboard-3");
    }

    @Test
    void givenAnUnknownTenant_whenItsDashboardsAreListed_thenNotFoundProblem() {
        builder().get().uri("/api/tenants/{id}/dashboards", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
    }

    @Test
    void givenADashboardWithWidgets_whenFetched_thenAnswersWidgetsInSortOrderWithConfigAsObject() {
        UUID tenant = given.tenant("acme");
        UUID dashboard = given.dashboard(tenant, "sales");
        UUID second = given.widget(dashboard, "revenue-kpi", "kpi", 2);
        UUID first = given.widget(dashboard, "sales-by-month", "bar", 1);

        builder().get().uri("/api/dashboards/{id}", dashboard).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(dashboard.toString())
                .jsonPath("$.tenant_id").isEqualTo(tenant.toString())
                .jsonPath("$.name").isEqualTo("Dashboard sales")
                .jsonPath("$.slug").isEqualTo("sales")
                .jsonPath("$.description").isEqualTo("About sales")
                .jsonPath("$.widget_count").isEqualTo(2)
                .jsonPath("$.created_at").isNotEmpty()
                .jsonPath("$.updated_at").isNotEmpty()
                .jsonPath("$.widgets.length()").isEqualTo(2)
                .jsonPath("$.widgets[0].id").isEqualTo(first.toString())
                .jsonPath("$.widgets[0].name").isEqualTo("sales-by-month")
                .jsonPath("$.widgets[0].widget_type").isEqualTo("bar")
                .jsonPath("$.widgets[0].config.type").isEqualTo("bar")
                .jsonPath("$.widgets[0].config.query").isEqualTo("SELECT month, total FROM sales")
                .jsonPath("$.widgets[0].position_x").isEqualTo(6)
                .jsonPath("$.widgets[0].position_y").isEqualTo(0)
                .jsonPath("$.widgets[0].width").isEqualTo(6)
                .jsonPath("$.widgets[0].height").isEqualTo(4)
                .jsonPath("$.widgets[1].id").isEqualTo(second.toString());
    }

    @Test
    void givenNoSuchDashboard_whenFetched_thenNotFoundProblem() {
        builder().get().uri("/api/dashboards/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "not-found")
                .jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void givenAMalformedDashboardId_whenFetched_thenMalformedRequestProblem() {
        builder().get().uri("/api/dashboards/123").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
    }
}

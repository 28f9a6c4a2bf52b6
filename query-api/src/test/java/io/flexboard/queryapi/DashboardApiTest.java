package io.flexboard.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class DashboardApiTest extends QueryApiIntegrationTest {

    @Test
    void given_a_projected_tenant_when_a_dashboard_is_read_then_its_etag_is_the_tenants_version() {
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
    void given_a_tenant_with_dashboards_when_listed_then_answers_spec_fields_of_only_its_dashboards() {
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
    void given_three_dashboards_when_paged_by_two_then_second_page_holds_the_third() {
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
    void given_an_unknown_tenant_when_its_dashboards_are_listed_then_not_found_problem() {
        builder().get().uri("/api/tenants/{id}/dashboards", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
    }

    @Test
    void given_a_dashboard_with_widgets_when_fetched_then_answers_widgets_in_sort_order_with_config_as_object() {
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
    void given_no_such_dashboard_when_fetched_then_not_found_problem() {
        builder().get().uri("/api/dashboards/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "not-found")
                .jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void given_a_malformed_dashboard_id_when_fetched_then_malformed_request_problem() {
        builder().get().uri("/api/dashboards/123").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
    }
}

package io.flexboard.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class TenantApiTest extends QueryApiIntegrationTest {

    @Test
    void given_tenants_when_listed_then_answers_every_spec_field_in_creation_order() {
        UUID first = given.tenant("acme");
        given.dashboard(first, "sales");
        UUID second = given.tenant("globex");

        builder().get().uri("/api/tenants").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().doesNotExist(HttpHeaders.LINK)
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].id").isEqualTo(first.toString())
                .jsonPath("$[0].name").isEqualTo("Tenant acme")
                .jsonPath("$[0].slug").isEqualTo("acme")
                .jsonPath("$[0].license_type").isEqualTo("basic")
                .jsonPath("$[0].is_active").isEqualTo(true)
                .jsonPath("$[0].status").isEqualTo("active")
                .jsonPath("$[0].paused_reason").isEmpty()
                .jsonPath("$[0].created_at").isEqualTo("2026-01-01T08:00:00.123456Z")
                .jsonPath("$[0].updated_at").isEqualTo("2026-01-01T08:00:00.123456Z")
                .jsonPath("$[0].max_dashboards").isEqualTo(5)
                .jsonPath("$[0].max_widgets_per_dashboard").isEqualTo(20)
                .jsonPath("$[0].dashboard_count").isEqualTo(1)
                .jsonPath("$[0].last_sync").isEmpty()
                .jsonPath("$[1].id").isEqualTo(second.toString());
    }

    @Test
    void given_five_tenants_when_paged_by_two_then_link_next_walks_all_pages_without_overlap() {
        List<UUID> tenants = given.tenants(5);

        List<String> seen = new java.util.ArrayList<>();
        String next = "/api/tenants?limit=2";
        int pages = 0;
        while (next != null) {
            var result = builder().get().uri(next).exchange()
                    .expectStatus().isOk()
                    .expectBodyList(java.util.Map.class).returnResult();
            result.getResponseBody().forEach(tenant -> seen.add((String) tenant.get("id")));
            String link = result.getResponseHeaders().getFirst(HttpHeaders.LINK);
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            if (link != null) {
                assertThat(link).endsWith("; rel=\"next\"").contains("limit=2").contains("cursor=");
            }
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(tenants.stream().map(UUID::toString).toList());
    }

    @Test
    void given_an_agent_has_synced_when_tenants_are_listed_then_last_sync_shows_the_tenants_newest_sync() {
        UUID synced = given.tenant("acme");
        given.lastSync(synced, java.time.Instant.parse("2026-03-01T09:30:00.654321Z"));
        given.tenant("globex");

        builder().get().uri("/api/tenants").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].last_sync").isEqualTo("2026-03-01T09:30:00.654321Z")
                .jsonPath("$[1].last_sync").isEmpty();
        builder().get().uri("/api/tenants/{id}", synced).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.last_sync").isEqualTo("2026-03-01T09:30:00.654321Z");
    }

    @Test
    void given_a_paused_tenant_when_listed_or_fetched_then_it_is_paused_with_the_admins_reason() {
        UUID paused = given.tenant("acme");
        given.paused(paused, "invoice overdue");

        builder().get().uri("/api/tenants").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].is_active").isEqualTo(false)
                .jsonPath("$[0].status").isEqualTo("paused")
                .jsonPath("$[0].paused_reason").isEqualTo("invoice overdue");
        builder().get().uri("/api/tenants/{id}", paused).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("paused")
                .jsonPath("$.paused_reason").isEqualTo("invoice overdue");
    }

    @Test
    void given_tenants_when_searched_then_the_name_or_slug_contains_the_text_in_any_case() {
        UUID acme = given.tenant("Acme Corp", "acme");
        UUID globex = given.tenant("Globex", "globex-eu");
        UUID initech = given.tenant("Initech", "initech");

        assertThat(idsOf("ACME", null)).containsExactly(acme.toString());
        assertThat(idsOf("corp", null)).as("by name").containsExactly(acme.toString());
        assertThat(idsOf("-eu", null)).as("by slug").containsExactly(globex.toString());
        assertThat(idsOf("e", null)).containsExactly(acme.toString(), globex.toString(), initech.toString());
        assertThat(idsOf("umbrella", null)).isEmpty();
        assertThat(idsOf("  ", null)).as("a blank search is no search").hasSize(3);
    }

    @Test
    void given_a_name_with_wildcard_characters_when_searched_for_them_then_they_match_literally() {
        UUID dairy = given.tenant("100% Dairy", "dairy");
        given.tenant("Acme", "acme");

        assertThat(idsOf("%", null)).containsExactly(dairy.toString());
        assertThat(idsOf("_", null)).isEmpty();
    }

    @Test
    void given_a_status_filter_when_listed_then_only_tenants_in_that_status_also_combined_with_a_search() {
        UUID acme = given.tenant("Acme", "acme");
        UUID acmeEu = given.tenant("Acme EU", "acme-eu");
        given.paused(acmeEu, null);
        UUID globex = given.tenant("Globex", "globex");
        given.paused(globex, "invoice overdue");

        assertThat(idsOf(null, "active")).containsExactly(acme.toString());
        assertThat(idsOf(null, "paused")).containsExactly(acmeEu.toString(), globex.toString());
        assertThat(idsOf("acme", "paused")).containsExactly(acmeEu.toString());
    }

    @Test
    void given_filters_when_paged_by_two_then_the_next_link_keeps_them_and_walks_only_the_matching_tenants() {
        List<UUID> matching = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            UUID plant = given.tenant("Plant " + i, "plant-" + i);
            given.paused(plant, null);
            matching.add(plant);
            given.tenant("Plant active " + i, "plant-active-" + i);
            given.paused(given.tenant("Other " + i, "other-" + i), null);
        }

        List<String> seen = new java.util.ArrayList<>();
        String next = "/api/tenants?q=PLANT&status=paused&limit=2";
        int pages = 0;
        while (next != null) {
            var result = builder().get().uri(next).exchange()
                    .expectStatus().isOk()
                    .expectBodyList(java.util.Map.class).returnResult();
            result.getResponseBody().forEach(tenant -> seen.add((String) tenant.get("id")));
            String link = result.getResponseHeaders().getFirst(HttpHeaders.LINK);
            if (link != null) {
                assertThat(link).contains("q=PLANT").contains("status=paused").contains("cursor=");
            }
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(matching.stream().map(UUID::toString).toList());
    }

    @Test
    void given_an_unknown_status_or_an_overlong_search_when_listed_then_validation_failed_naming_the_parameter() {
        builder().get().uri("/api/tenants?status=archived").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("status")
                .jsonPath("$.errors[0].message").isEqualTo("must be one of active, paused");
        builder().get().uri("/api/tenants?q=" + "x".repeat(201)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("q");
    }

    @Test
    void given_a_tenant_when_fetched_by_id_then_answers_it() {
        UUID tenant = given.tenant("acme");

        builder().get().uri("/api/tenants/{id}", tenant).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(tenant.toString())
                .jsonPath("$.slug").isEqualTo("acme")
                .jsonPath("$.dashboard_count").isEqualTo(0)
                .jsonPath("$.last_sync").isEmpty();
    }

    @Test
    void given_a_branded_tenant_when_its_branding_is_fetched_then_answers_it_as_stored_with_the_tenants_version_as_etag() {
        UUID tenant = given.tenant("acme");
        given.branding(tenant, """
                {"logo": {"media_type": "image/png", "data_base64": "iVBORw0KGgo="},
                 "colors": {"primary": "#1a365d", "secondary": "#2d3748", "accent": "#38b2ac", "background": "#f7fafc",
                            "text": "#1a202c"}, "font": "Noto Sans Thai", "custom_css": ".fb-title { font-weight: 700 }"}""");
        given.projectedUpTo(tenant, 4);

        builder().get().uri("/api/tenants/{id}/branding", tenant).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"4\"")
                .expectBody()
                .jsonPath("$.tenant_id").isEqualTo(tenant.toString())
                .jsonPath("$.branding.colors.primary").isEqualTo("#1a365d")
                .jsonPath("$.branding.logo.media_type").isEqualTo("image/png")
                .jsonPath("$.branding.font").isEqualTo("Noto Sans Thai")
                .jsonPath("$.branding.custom_css").isEqualTo(".fb-title { font-weight: 700 }");
    }

    @Test
    void given_a_tenant_without_branding_when_its_branding_is_fetched_then_it_is_null_and_an_unknown_tenant_is_not_found() {
        UUID tenant = given.tenant("plain");

        builder().get().uri("/api/tenants/{id}/branding", tenant).exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"tenant_id": "%s", "branding": null}""".formatted(tenant), true);
        builder().get().uri("/api/tenants/{id}/branding", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
    }

    @Test
    void given_no_such_tenant_when_fetched_then_not_found_problem() {
        builder().get().uri("/api/tenants/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "not-found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.instance").value(instance -> assertThat((String) instance).startsWith("/api/tenants/"));
    }

    @Test
    void given_a_malformed_tenant_id_when_fetched_then_malformed_request_problem() {
        builder().get().uri("/api/tenants/not-a-uuid").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request")
                .jsonPath("$.status").isEqualTo(400);
    }

    @Test
    void given_an_out_of_range_limit_or_foreign_cursor_when_listed_then_malformed_request_problem() {
        builder().get().uri("/api/tenants?limit=201").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
        builder().get().uri("/api/tenants?limit=abc").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
        builder().get().uri("/api/tenants?cursor=bm90LWEtY3Vyc29y").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
    }

    /** The ids GET /api/tenants lists with these filters (null: not sent); the client encodes them. */
    private List<String> idsOf(String q, String status) {
        return builder().get().uri(uri -> {
                    uri.path("/api/tenants");
                    if (q != null) {
                        uri.queryParam("q", q);
                    }
                    if (status != null) {
                        uri.queryParam("status", status);
                    }
                    return uri.build();
                }).exchange()
                .expectStatus().isOk()
                .expectBodyList(java.util.Map.class).returnResult().getResponseBody().stream()
                .map(tenant -> (String) tenant.get("id"))
                .toList();
    }

    @Test
    void given_no_token_when_listed_then_unauthorized_problem_with_bearer_challenge() {
        anonymous().get().uri("/api/tenants").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized")
                .jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void given_a_wrong_token_when_listed_then_unauthorized_problem() {
        anonymous().get().uri("/api/tenants")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-the-admin-token")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized");
    }
}

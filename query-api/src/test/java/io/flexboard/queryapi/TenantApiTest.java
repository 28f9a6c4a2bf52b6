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
    void givenTenants_whenListed_thenAnswersEverySpecFieldInCreationOrder() {
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
                .jsonPath("$[0].created_at").isEqualTo("2026-01-01T08:00:00.123456Z")
                .jsonPath("$[0].updated_at").isEqualTo("2026-01-01T08:00:00.123456Z")
                .jsonPath("$[0].max_dashboards").isEqualTo(5)
                .jsonPath("$[0].max_widgets_per_dashboard").isEqualTo(20)
                .jsonPath("$[0].dashboard_count").isEqualTo(1)
                .jsonPath("$[0].last_sync").isEmpty()
                .jsonPath("$[1].id").isEqualTo(second.toString());
    }

    @Test
    void givenFiveTenants_whenPagedByTwo_thenLinkNextWalksAllPagesWithoutOverlap() {
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
    void givenAnAgentHasSynced_whenTenantsAreListed_thenLastSyncShowsTheTenantsNewestSync() {
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
    void givenATenant_whenFetchedById_thenAnswersIt() {
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
    void givenNoSuchTenant_whenFetched_thenNotFoundProblem() {
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
    void givenAMalformedTenantId_whenFetched_thenMalformedRequestProblem() {
        builder().get().uri("/api/tenants/not-a-uuid").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request")
                .jsonPath("$.status").isEqualTo(400);
    }

    @Test
    void givenAnOutOfRangeLimitOrForeignCursor_whenListed_thenMalformedRequestProblem() {
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

    @Test
    void givenNoToken_whenListed_thenUnauthorizedProblemWithBearerChallenge() {
        anonymous().get().uri("/api/tenants").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized")
                .jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void givenAWrongToken_whenListed_thenUnauthorizedProblem() {
        anonymous().get().uri("/api/tenants")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-the-admin-token")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized");
    }
}

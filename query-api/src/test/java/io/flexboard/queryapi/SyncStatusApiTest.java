package io.flexboard.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class SyncStatusApiTest extends QueryApiIntegrationTest {

    private static final Duration RECENTLY = Duration.ofMinutes(1);
    private static final Duration LONG_AGO = Duration.ofMinutes(30); // beyond the default stale-after of 10m

    @Test
    void given_tenants_in_every_status_when_listed_then_status_reason_and_counts_follow_the_rule() {
        UUID synced = given.tenant("synced");
        given.publishedVersion(synced, 4, 2);
        given.agentSeen(synced, "a", 4, RECENTLY);
        given.agentSeen(synced, "b", 4, RECENTLY);
        given.failingAgent(synced, "retired", 1, LONG_AGO); // a stale agent no longer counts
        given.lastSync(synced, Instant.parse("2026-03-01T09:30:00.654321Z"));
        UUID behind = given.tenant("behind");
        given.publishedVersion(behind, 2, 1);
        given.agentSeen(behind, "a", 2, RECENTLY);
        given.agentSeen(behind, "b", 1, RECENTLY);
        UUID failing = given.tenant("failing");
        given.publishedVersion(failing, 2, 1);
        given.agentSeen(failing, "a", 1, RECENTLY);
        given.failingAgent(failing, "b", 2, RECENTLY);
        UUID silent = given.tenant("silent");
        given.agentSeen(silent, "a", 0, LONG_AGO);
        UUID neverSeen = given.tenant("never-seen");

        builder().get().uri("/api/sync-status").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.length()").isEqualTo(5)
                .jsonPath("$[0].tenant_id").isEqualTo(synced.toString())
                .jsonPath("$[0].name").isEqualTo("Tenant synced")
                .jsonPath("$[0].slug").isEqualTo("synced")
                .jsonPath("$[0].status").isEqualTo("synced")
                .jsonPath("$[0].reason").isEmpty()
                .jsonPath("$[0].published_version").isEqualTo(4)
                .jsonPath("$[0].agents_seen").isEqualTo(2)
                .jsonPath("$[0].agents_on_published").isEqualTo(2)
                .jsonPath("$[0].agents_failing").isEqualTo(0)
                .jsonPath("$[0].last_sync").isEqualTo("2026-03-01T09:30:00.654321Z")
                .jsonPath("$[0].tenant_created_at").doesNotExist()
                .jsonPath("$[1].tenant_id").isEqualTo(behind.toString())
                .jsonPath("$[1].status").isEqualTo("pending")
                .jsonPath("$[1].reason").isEqualTo("agents_behind")
                .jsonPath("$[1].agents_seen").isEqualTo(2)
                .jsonPath("$[1].agents_on_published").isEqualTo(1)
                .jsonPath("$[2].tenant_id").isEqualTo(failing.toString())
                .jsonPath("$[2].status").isEqualTo("error")
                .jsonPath("$[2].reason").isEqualTo("agent_error")
                .jsonPath("$[2].agents_failing").isEqualTo(1)
                .jsonPath("$[2].agents_on_published").isEqualTo(1)
                .jsonPath("$[3].tenant_id").isEqualTo(silent.toString())
                .jsonPath("$[3].status").isEqualTo("error")
                .jsonPath("$[3].reason").isEqualTo("no_agent_seen")
                .jsonPath("$[3].agents_seen").isEqualTo(0)
                .jsonPath("$[3].published_version").isEqualTo(0)
                .jsonPath("$[4].tenant_id").isEqualTo(neverSeen.toString())
                .jsonPath("$[4].status").isEqualTo("error")
                .jsonPath("$[4].reason").isEqualTo("no_agent_seen")
                .jsonPath("$[4].last_sync").isEmpty();
    }

    @Test
    void given_a_paused_tenant_when_listed_then_it_is_paused_whatever_its_agents_say() {
        UUID paused = given.tenant("paused");
        given.publishedVersion(paused, 2, 1);
        given.failingAgent(paused, "a", 1, RECENTLY);
        given.paused(paused, "invoice overdue");
        UUID silentAndPaused = given.tenant("silent-and-paused");
        given.paused(silentAndPaused, null);
        UUID failing = given.tenant("failing");
        given.failingAgent(failing, "a", 0, RECENTLY);

        builder().get().uri("/api/sync-status").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].status").isEqualTo("paused")
                .jsonPath("$[0].reason").isEqualTo("tenant_paused")
                .jsonPath("$[0].agents_seen").isEqualTo(1)
                .jsonPath("$[0].agents_failing").isEqualTo(1)
                .jsonPath("$[1].status").isEqualTo("paused")
                .jsonPath("$[2].status").isEqualTo("error");
        builder().get().uri("/api/sync-status?status=paused").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].tenant_id").isEqualTo(paused.toString())
                .jsonPath("$[1].tenant_id").isEqualTo(silentAndPaused.toString());
        builder().get().uri("/api/sync-status?status=error").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].tenant_id").isEqualTo(failing.toString());
    }

    @Test
    void given_a_status_filter_when_listed_then_only_tenants_in_that_status() {
        UUID synced = given.tenant("synced");
        given.agentSeen(synced, "a", 0, RECENTLY);
        UUID failing = given.tenant("failing");
        given.failingAgent(failing, "a", 0, RECENTLY);
        UUID neverSeen = given.tenant("never-seen");

        builder().get().uri("/api/sync-status?status=error").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].tenant_id").isEqualTo(failing.toString())
                .jsonPath("$[1].tenant_id").isEqualTo(neverSeen.toString());
        builder().get().uri("/api/sync-status?status=synced").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].tenant_id").isEqualTo(synced.toString());
        builder().get().uri("/api/sync-status?status=pending").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void given_five_tenants_when_paged_by_two_then_link_next_walks_all_pages_in_tenant_order() {
        List<UUID> tenants = given.tenants(5);

        List<String> seen = new ArrayList<>();
        String next = "/api/sync-status?limit=2";
        int pages = 0;
        while (next != null) {
            var result = builder().get().uri(next).exchange()
                    .expectStatus().isOk()
                    .expectBodyList(Map.class).returnResult();
            result.getResponseBody().forEach(tenant -> seen.add((String) tenant.get("tenant_id")));
            String link = result.getResponseHeaders().getFirst(HttpHeaders.LINK);
            if (link != null) {
                assertThat(link).startsWith("</api/sync-status?").endsWith(">; rel=\"next\"").contains("cursor=");
            }
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(tenants.stream().map(UUID::toString).toList());
    }

    @Test
    void given_a_status_filter_when_paged_then_the_next_link_keeps_the_filter_and_skips_other_statuses() {
        UUID first = given.tenant("first-silent");
        UUID synced = given.tenant("synced");
        given.agentSeen(synced, "a", 0, RECENTLY);
        UUID second = given.tenant("second-silent");

        var page = builder().get().uri("/api/sync-status?status=error&limit=1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].tenant_id").isEqualTo(first.toString())
                .returnResult();
        String link = page.getResponseHeaders().getFirst(HttpHeaders.LINK);
        assertThat(link).contains("status=error");

        builder().get().uri(link.substring(1, link.indexOf('>'))).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.LINK)
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].tenant_id").isEqualTo(second.toString());
    }

    @Test
    void given_an_unknown_status_when_listed_then_malformed_request_naming_status() {
        builder().get().uri("/api/sync-status?status=stale").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request")
                .jsonPath("$.detail").isEqualTo("Invalid value for 'status': must be one of synced, pending, error, paused");
    }

    @Test
    void given_an_out_of_range_limit_when_listed_then_malformed_request_problem() {
        builder().get().uri("/api/sync-status?limit=0").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
    }

    @Test
    void given_no_token_when_sync_status_is_read_then_unauthorized_problem() {
        anonymous().get().uri("/api/sync-status").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized");
    }
}

package io.flexboard.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class AgentApiTest extends QueryApiIntegrationTest {

    private static final Duration RECENTLY = Duration.ofMinutes(1);
    private static final Duration LONG_AGO = Duration.ofMinutes(30); // beyond the default stale-after of 10m

    @Test
    void given_agents_in_every_state_when_listed_then_each_has_its_state_newest_seen_first() {
        UUID tenant = given.tenant("acme");
        given.publishedVersion(tenant, 3, 1);
        given.agentSeen(tenant, "on-published", 3, Duration.ofMinutes(1));
        given.agentSeen(tenant, "behind", 2, Duration.ofMinutes(2));
        given.failingAgent(tenant, "failing", 3, Duration.ofMinutes(3));
        given.failingAgent(tenant, "silent", 3, LONG_AGO); // stale wins over its old error

        builder().get().uri("/api/tenants/{id}/agents", tenant).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().doesNotExist(HttpHeaders.LINK)
                .expectBody()
                .jsonPath("$.length()").isEqualTo(4)
                .jsonPath("$[0].agent_id").isEqualTo("on-published")
                .jsonPath("$[0].agent_version").isEqualTo("1.4.2")
                .jsonPath("$[0].running_version").isEqualTo(3)
                .jsonPath("$[0].latest_version").isEqualTo(3)
                .jsonPath("$[0].published_version").isEqualTo(3)
                .jsonPath("$[0].sync_status").isEqualTo("success")
                .jsonPath("$[0].last_error").isEmpty()
                .jsonPath("$[0].first_seen").isNotEmpty()
                .jsonPath("$[0].last_seen").isNotEmpty()
                .jsonPath("$[0].state").isEqualTo("synced")
                .jsonPath("$[1].agent_id").isEqualTo("behind")
                .jsonPath("$[1].state").isEqualTo("pending")
                .jsonPath("$[2].agent_id").isEqualTo("failing")
                .jsonPath("$[2].state").isEqualTo("error")
                .jsonPath("$[2].sync_status").isEqualTo("error")
                .jsonPath("$[2].last_error").isEqualTo("cannot write config.json: disk full")
                .jsonPath("$[3].agent_id").isEqualTo("silent")
                .jsonPath("$[3].state").isEqualTo("stale");
    }

    @Test
    void given_nothing_published_yet_when_listed_then_published_version_is_zero_and_an_agent_on_zero_is_synced() {
        UUID tenant = given.tenant("acme");
        given.agentSeen(tenant, "fresh-install", 0, RECENTLY);

        builder().get().uri("/api/tenants/{id}/agents", tenant).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].published_version").isEqualTo(0)
                .jsonPath("$[0].state").isEqualTo("synced");
    }

    @Test
    void given_a_partial_sync_on_the_published_version_when_listed_then_synced_with_its_status_and_error() {
        UUID tenant = given.tenant("acme");
        given.publishedVersion(tenant, 2, 1);
        given.partlySyncedAgent(tenant, "partial", 2, RECENTLY);

        builder().get().uri("/api/tenants/{id}/agents", tenant).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].state").isEqualTo("synced")
                .jsonPath("$[0].sync_status").isEqualTo("partial")
                .jsonPath("$[0].last_error").isEqualTo("widget revenue-kpi: query timed out");
    }

    @Test
    void given_another_tenants_agents_when_listed_then_only_the_tenants_own() {
        UUID tenant = given.tenant("acme");
        UUID other = given.tenant("globex");
        given.agentSeen(tenant, "mine", 0, RECENTLY);
        given.agentSeen(other, "theirs", 0, RECENTLY);

        builder().get().uri("/api/tenants/{id}/agents", tenant).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].agent_id").isEqualTo("mine");
    }

    @Test
    void given_a_state_filter_when_listed_then_only_agents_in_that_state() {
        UUID tenant = given.tenant("acme");
        given.publishedVersion(tenant, 3, 1);
        given.agentSeen(tenant, "on-published", 3, RECENTLY);
        given.agentSeen(tenant, "behind-1", 1, Duration.ofMinutes(2));
        given.agentSeen(tenant, "behind-2", 2, Duration.ofMinutes(3));
        given.agentSeen(tenant, "silent", 2, LONG_AGO);

        builder().get().uri("/api/tenants/{id}/agents?state=pending", tenant).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].agent_id").isEqualTo("behind-1")
                .jsonPath("$[1].agent_id").isEqualTo("behind-2");
        builder().get().uri("/api/tenants/{id}/agents?state=stale", tenant).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].agent_id").isEqualTo("silent");
    }

    @Test
    void given_five_agents_when_paged_by_two_then_link_next_walks_all_pages_newest_first_without_overlap() {
        UUID tenant = given.tenant("acme");
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            // The separator of the cursor inside an agent id must not break the next page.
            given.agentSeen(tenant, "host|" + i, 0, Duration.ofSeconds(10L * i));
            expected.add("host|" + i);
        }

        List<String> seen = new ArrayList<>();
        String next = "/api/tenants/" + tenant + "/agents?limit=2";
        int pages = 0;
        while (next != null) {
            var result = builder().get().uri(next).exchange()
                    .expectStatus().isOk()
                    .expectBodyList(Map.class).returnResult();
            result.getResponseBody().forEach(agent -> seen.add((String) agent.get("agent_id")));
            String link = result.getResponseHeaders().getFirst(HttpHeaders.LINK);
            if (link != null) {
                assertThat(link).startsWith("</api/tenants/" + tenant + "/agents?")
                        .endsWith(">; rel=\"next\"").contains("limit=2").contains("cursor=");
            }
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void given_a_state_filter_when_paged_then_the_next_link_keeps_the_filter() {
        UUID tenant = given.tenant("acme");
        given.publishedVersion(tenant, 3, 1);
        given.agentSeen(tenant, "behind-1", 1, Duration.ofSeconds(10));
        given.agentSeen(tenant, "on-published", 3, Duration.ofSeconds(20));
        given.agentSeen(tenant, "behind-2", 2, Duration.ofSeconds(30));

        var first = builder().get().uri("/api/tenants/{id}/agents?state=pending&limit=1", tenant).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].agent_id").isEqualTo("behind-1")
                .returnResult();
        String link = first.getResponseHeaders().getFirst(HttpHeaders.LINK);
        assertThat(link).contains("state=pending");

        builder().get().uri(link.substring(1, link.indexOf('>'))).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.LINK)
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].agent_id").isEqualTo("behind-2");
    }

    @Test
    void given_a_tenant_without_agents_when_listed_then_empty_list() {
        UUID tenant = given.tenant("acme");

        builder().get().uri("/api/tenants/{id}/agents", tenant).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void given_an_unknown_tenant_when_its_agents_are_listed_then_not_found_problem() {
        builder().get().uri("/api/tenants/{id}/agents", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "not-found")
                .jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void given_a_malformed_tenant_id_when_its_agents_are_listed_then_malformed_request_naming_tenant_id() {
        builder().get().uri("/api/tenants/not-a-uuid/agents").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request")
                .jsonPath("$.detail").isEqualTo("Invalid value for 'tenantId'");
    }

    @Test
    void given_an_unknown_state_when_listed_then_malformed_request_naming_state() {
        UUID tenant = given.tenant("acme");

        builder().get().uri("/api/tenants/{id}/agents?state=lost", tenant).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request")
                .jsonPath("$.detail").isEqualTo("Invalid value for 'state': must be one of synced, pending, error, stale");
    }

    @Test
    void given_a_foreign_cursor_when_listed_then_malformed_request_problem() {
        UUID tenant = given.tenant("acme");

        builder().get().uri("/api/tenants/{id}/agents?cursor=bm90LWEtY3Vyc29y", tenant).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
    }

    @Test
    void given_no_token_when_agents_are_listed_then_unauthorized_problem() {
        anonymous().get().uri("/api/tenants/{id}/agents", UUID.randomUUID()).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized");
    }
}

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

class DataSourceApiTest extends QueryApiIntegrationTest {

    @Test
    void given_two_agents_reporting_overlapping_sources_when_listed_then_the_union_by_id_with_how_many_agents_and_their_newest_sync() {
        UUID tenant = given.tenant("acme");
        given.agentSeen(tenant, "plant-1", 0, Duration.ofMinutes(1));
        given.agentSeen(tenant, "plant-2", 0, Duration.ofMinutes(20));
        given.agentReportedDataSources(tenant, "plant-1", Duration.ofDays(2), "erp:sqlserver", "sales:csv");
        given.agentReportedDataSources(tenant, "plant-2", Duration.ofDays(1), "erp:sqlserver", "crm:rest_api");

        List<Map<String, Object>> sources = listed(tenant);

        assertThat(sources).extracting(source -> source.get("id") + ":" + source.get("type") + " x" + source.get("agents"))
                .containsExactly("crm:rest_api x1", "erp:sqlserver x2", "sales:csv x1");
        Instant erp = Instant.parse((String) sources.get(1).get("last_reported_at"));
        Instant crm = Instant.parse((String) sources.get(0).get("last_reported_at"));
        assertThat(erp).as("the newest sync of an agent holding it, not when the set was sent").isAfter(Instant.now().minus(Duration.ofMinutes(5)));
        assertThat(crm).isBefore(Instant.now().minus(Duration.ofMinutes(15)));
        assertThat(sources.get(0).keySet()).containsExactlyInAnyOrder("id", "type", "agents", "last_reported_at");
    }

    @Test
    void given_another_tenants_agents_report_sources_when_listed_then_only_the_tenants_own() {
        UUID tenant = given.tenant("acme");
        UUID other = given.tenant("globex");
        given.agentReportedDataSources(tenant, "plant-1", Duration.ofMinutes(1), "erp:sqlserver");
        given.agentReportedDataSources(other, "plant-1", Duration.ofMinutes(1), "globex-secret-db:postgresql");

        assertThat(listed(tenant)).extracting(source -> source.get("id")).containsExactly("erp");
    }

    @Test
    void given_an_agent_that_stopped_reporting_a_source_when_listed_then_it_is_gone_but_another_agents_copy_stays() {
        UUID tenant = given.tenant("acme");
        given.agentReportedDataSources(tenant, "plant-1", Duration.ofMinutes(5), "erp:sqlserver", "old:csv");
        given.agentReportedDataSources(tenant, "plant-2", Duration.ofMinutes(5), "erp:sqlserver");
        given.agentReportedDataSources(tenant, "plant-1", Duration.ofMinutes(1), "erp:sqlserver");

        assertThat(listed(tenant)).extracting(source -> source.get("id") + " x" + source.get("agents")).containsExactly("erp x2");
    }

    @Test
    void given_one_id_reported_with_two_types_when_listed_then_both_are_listed() {
        UUID tenant = given.tenant("acme");
        given.agentReportedDataSources(tenant, "plant-1", Duration.ofMinutes(1), "erp:sqlserver");
        given.agentReportedDataSources(tenant, "plant-2", Duration.ofMinutes(1), "erp:postgresql");

        assertThat(listed(tenant)).extracting(source -> source.get("type")).containsExactly("postgresql", "sqlserver");
    }

    @Test
    void given_a_tenant_whose_agents_report_nothing_when_listed_then_an_empty_list() {
        UUID tenant = given.tenant("acme");
        given.agentSeen(tenant, "old-agent", 0, Duration.ofMinutes(1));

        builder().get().uri("/api/tenants/{id}/data-sources", tenant).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().json("[]");
    }

    @Test
    void given_an_unknown_tenant_when_listed_then_404() {
        builder().get().uri("/api/tenants/{id}/data-sources", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void given_a_non_uuid_tenant_or_a_bad_limit_or_a_foreign_cursor_when_listed_then_400() {
        UUID tenant = given.tenant("acme");

        builder().get().uri("/api/tenants/not-a-uuid/data-sources").exchange().expectStatus().isBadRequest();
        builder().get().uri("/api/tenants/{id}/data-sources?limit=201", tenant).exchange().expectStatus().isBadRequest();
        builder().get().uri("/api/tenants/{id}/data-sources?cursor=%00%FF", tenant).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void given_a_thousand_sources_when_paged_by_two_hundred_then_link_next_walks_them_all_in_id_order_without_overlap() {
        UUID tenant = given.tenant("acme");
        String[] sources = new String[1000];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = String.format("source-%04d:postgresql", i);
        }
        given.agentReportedDataSources(tenant, "big-site", Duration.ofMinutes(1), sources);

        List<Object> ids = new ArrayList<>();
        String next = "/api/tenants/" + tenant + "/data-sources?limit=200";
        int pages = 0;
        while (next != null) {
            var result = builder().get().uri(next).exchange().expectStatus().isOk()
                    .expectBody(List.class).returnResult();
            result.getResponseBody().forEach(row -> ids.add(((Map<?, ?>) row).get("id")));
            String link = result.getResponseHeaders().getFirst(HttpHeaders.LINK);
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            pages++;
        }

        assertThat(pages).isEqualTo(5);
        assertThat(ids).hasSize(1000).doesNotHaveDuplicates();
        assertThat(ids.get(0)).isEqualTo("source-0000");
        assertThat(ids.get(999)).isEqualTo("source-0999");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> listed(UUID tenant) {
        return builder().get().uri("/api/tenants/{id}/data-sources", tenant).exchange()
                .expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
    }
}

package io.flexboard.queryapi;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class OverviewApiTest extends QueryApiIntegrationTest {

    private static final Duration RECENTLY = Duration.ofMinutes(1);
    private static final Duration LONG_AGO = Duration.ofMinutes(30);

    @Test
    void given_tenants_with_agents_when_the_overview_is_read_then_every_counter_matches_the_fixtures() {
        UUID acme = given.tenant("acme");
        given.publishedVersion(acme, 2, 2);
        UUID sales = given.dashboard(acme, "sales");
        given.widget(sales, "sales-by-month", "bar", 1);
        given.widget(sales, "revenue-kpi", "kpi", 2);
        given.agentSeen(acme, "on-published", 2, RECENTLY);
        given.agentSeen(acme, "retired", 1, LONG_AGO);
        given.syncReportCounts(acme, 0, 6, 1, 1);
        given.syncReportCounts(acme, 24, 0, 100, 0); // outside the last 24 hourly buckets
        UUID globex = given.tenant("globex");
        given.publishedVersion(globex, 1, 3);
        given.widget(given.dashboard(globex, "ops"), "uptime", "line", 1);
        given.agentSeen(globex, "behind", 0, RECENTLY);
        given.syncReportCounts(globex, 23, 2, 0, 0); // the oldest bucket still inside
        UUID initech = given.tenant("initech");
        given.paused(initech, "invoice overdue");

        builder().get().uri("/api/overview").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.active_tenants").isEqualTo(2)
                .jsonPath("$.total_tenants").isEqualTo(3)
                .jsonPath("$.published_dashboards").isEqualTo(5)
                .jsonPath("$.total_widgets").isEqualTo(3)
                .jsonPath("$.sync_success_rate").isEqualTo(0.8)
                .jsonPath("$.syncs_last_24h.success").isEqualTo(8)
                .jsonPath("$.syncs_last_24h.error").isEqualTo(1)
                .jsonPath("$.syncs_last_24h.partial").isEqualTo(1)
                .jsonPath("$.agents_seen_recently").isEqualTo(2)
                .jsonPath("$.sync_status.synced").isEqualTo(1)
                .jsonPath("$.sync_status.pending").isEqualTo(1)
                .jsonPath("$.sync_status.error").isEqualTo(0)
                .jsonPath("$.sync_status.paused").isEqualTo(1);
    }

    @Test
    void given_twelve_versions_when_the_overview_is_read_then_recent_activity_is_the_ten_newest_by_publish_or_save_time() {
        UUID acme = given.tenant("acme");
        given.publishedVersion(acme, 2, 1);
        for (int number = 3; number <= 12; number++) {
            given.version(acme, number, "draft");
        }
        UUID globex = given.tenant("globex");
        given.publishedVersion(globex, 1, 1); // published last of all

        builder().get().uri("/api/overview").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.recent_activity.length()").isEqualTo(10)
                .jsonPath("$.recent_activity[0].tenant_id").isEqualTo(globex.toString())
                .jsonPath("$.recent_activity[0].tenant_name").isEqualTo("Tenant globex")
                .jsonPath("$.recent_activity[0].version").isEqualTo(1)
                .jsonPath("$.recent_activity[0].status").isEqualTo("published")
                .jsonPath("$.recent_activity[0].message").isEqualTo("Version 1")
                .jsonPath("$.recent_activity[0].at").isNotEmpty()
                .jsonPath("$.recent_activity[1].tenant_id").isEqualTo(acme.toString())
                .jsonPath("$.recent_activity[1].version").isEqualTo(2)
                .jsonPath("$.recent_activity[2].version").isEqualTo(12)
                .jsonPath("$.recent_activity[2].status").isEqualTo("draft")
                .jsonPath("$.recent_activity[2].at").isEqualTo("2026-01-01T08:00:11.123456Z") // created on the 12th tick
                .jsonPath("$.recent_activity[9].version").isEqualTo(5);
    }

    @Test
    void given_no_syncs_in_the_last_day_when_the_overview_is_read_then_the_success_rate_is_null_not_zero() {
        UUID acme = given.tenant("acme");
        given.syncReportCounts(acme, 30, 5, 0, 0);

        builder().get().uri("/api/overview").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sync_success_rate").isEmpty()
                .jsonPath("$.syncs_last_24h.success").isEqualTo(0)
                .jsonPath("$.syncs_last_24h.error").isEqualTo(0)
                .jsonPath("$.syncs_last_24h.partial").isEqualTo(0)
                .jsonPath("$.published_dashboards").isEqualTo(0)
                .jsonPath("$.agents_seen_recently").isEqualTo(0)
                .jsonPath("$.sync_status.error").isEqualTo(1);
    }

    @Test
    void given_no_tenants_at_all_when_the_overview_is_read_then_zeros_and_no_activity() {
        builder().get().uri("/api/overview").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total_tenants").isEqualTo(0)
                .jsonPath("$.active_tenants").isEqualTo(0)
                .jsonPath("$.total_widgets").isEqualTo(0)
                .jsonPath("$.sync_success_rate").isEmpty()
                .jsonPath("$.sync_status.synced").isEqualTo(0)
                .jsonPath("$.sync_status.pending").isEqualTo(0)
                .jsonPath("$.sync_status.error").isEqualTo(0)
                .jsonPath("$.sync_status.paused").isEqualTo(0)
                .jsonPath("$.recent_activity.length()").isEqualTo(0);
    }

    @Test
    void given_no_token_when_the_overview_is_read_then_unauthorized_problem() {
        anonymous().get().uri("/api/overview").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized");
    }
}

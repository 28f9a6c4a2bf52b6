package io.flexboard.projector;

import java.util.List;

import io.flexboard.schemas.agent.AgentSyncReport;
import io.flexboard.schemas.agent.ReportedDataSource;
import org.junit.jupiter.api.Test;

import static io.flexboard.projector.AgentSyncs.minutesAfter;
import static io.flexboard.projector.AgentSyncs.syncOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The data sources each agent reports, kept per agent from the sync reports on the real broker. */
class AgentDataSourcesTest extends SyncReportsOfOneTenantTest {

    @Test
    void given_an_agent_reporting_its_sources_when_projected_then_they_are_kept_as_its_set() {
        syncReports.send(reporting("agent-a", 5, source("erp", "sqlserver"), source("sales", "csv")));
        awaitSyncReports(1);

        assertThat(sourcesOf("agent-a")).containsExactly("erp:sqlserver", "sales:csv");
    }

    @Test
    void given_a_stored_set_when_a_sync_carries_none_then_the_set_is_unchanged() {
        syncReports.send(reporting("agent-a", 5, source("erp", "sqlserver")));
        syncReports.send(syncOf(tenant.tenantId, "agent-a", minutesAfter(hour, 6)).build());
        awaitSyncReports(2);

        assertThat(sourcesOf("agent-a")).containsExactly("erp:sqlserver");
    }

    @Test
    void given_a_stored_set_when_the_agent_reports_it_without_one_source_and_another_retyped_then_the_removed_one_disappears() {
        syncReports.send(reporting("agent-a", 5, source("erp", "sqlserver"), source("old-csv", "csv"), source("api", "rest_api")));
        awaitSyncReports(1);
        syncReports.send(reporting("agent-a", 6, source("erp", "postgresql"), source("api", "rest_api")));
        awaitSyncReports(2);

        assertThat(sourcesOf("agent-a")).containsExactly("api:rest_api", "erp:postgresql");
    }

    @Test
    void given_a_stored_set_when_the_agent_reports_none_then_it_has_none_left() {
        syncReports.send(reporting("agent-a", 5, source("erp", "sqlserver")));
        awaitSyncReports(1);
        syncReports.send(reporting("agent-a", 6));
        awaitSyncReports(2);

        assertThat(sourcesOf("agent-a")).isEmpty();
        assertThat(readModels.rows("select agent_id from agent_data_source_sets where tenant_id = ?", tenant.tenantId))
                .as("the agent's set is known, and empty").hasSize(1);
    }

    @Test
    void given_a_newer_set_was_stored_when_an_older_report_arrives_later_then_the_newer_set_stays() {
        syncReports.send(reporting("agent-a", 30, source("new-source", "mysql")));
        awaitSyncReports(1);
        syncReports.send(reporting("agent-a", 10, source("old-source", "mysql")));
        awaitSyncReports(2);

        assertThat(sourcesOf("agent-a")).containsExactly("new-source:mysql");
    }

    @Test
    void given_two_agents_and_several_sets_of_one_in_one_batch_when_projected_then_each_agent_keeps_its_newest_set() {
        syncReports.send(reporting("agent-a", 5, source("first", "csv")),
                reporting("agent-b", 5, source("erp", "sqlserver")),
                reporting("agent-a", 9, source("second", "excel")),
                reporting("agent-a", 7, source("third", "csv")));
        awaitSyncReports(4);

        assertThat(sourcesOf("agent-a")).containsExactly("second:excel");
        assertThat(sourcesOf("agent-b")).containsExactly("erp:sqlserver");
    }

    @Test
    void given_a_report_whose_set_breaks_the_bridges_rules_when_consumed_then_it_is_skipped_and_the_next_applied() {
        syncReports.send(reporting("agent-a", 1, source("bad\u0000id", "csv")));
        syncReports.send(reporting("agent-a", 2, source("erp", "oracle")));
        syncReports.send(reporting("agent-a", 3, source("erp", "sqlserver")));
        awaitSyncReports(1);

        assertThat(sourcesOf("agent-a")).containsExactly("erp:sqlserver");
    }

    private AgentSyncReport reporting(String agentId, long minutes, ReportedDataSource... sources) {
        return syncOf(tenant.tenantId, agentId, minutesAfter(hour, minutes)).setDataSources(List.of(sources)).build();
    }

    private static ReportedDataSource source(String id, String type) {
        return new ReportedDataSource(id, type);
    }

    private List<String> sourcesOf(String agentId) {
        return readModels.rows("select agent_id, data_source_id || ':' || type as source from agent_data_sources"
                        + " where tenant_id = ? order by data_source_id", tenant.tenantId).stream()
                .filter(row -> row.get("agent_id").equals(agentId))
                .map(row -> (String) row.get("source")).toList();
    }

    private void awaitSyncReports(int count) {
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> assertThat(readModels.rows(
                "select id from sync_reports where tenant_id = ?", tenant.tenantId)).hasSize(count));
    }
}

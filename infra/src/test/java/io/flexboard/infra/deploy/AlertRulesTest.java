package io.flexboard.infra.deploy;

import static io.flexboard.infra.deploy.ComposeFileTest.list;
import static io.flexboard.infra.deploy.ComposeFileTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Prometheus rule file has the shape Prometheus loads, and alerts on what issue 6 asks for. */
class AlertRulesTest {

    private static final Pattern DURATION = Pattern.compile("(\\d+(ms|s|m|h|d|w|y))+");
    private static final Set<String> RULE_KEYS = Set.of("alert", "expr", "for", "keep_firing_for", "labels", "annotations");

    @Test
    void every_rule_is_an_alert_with_an_expression_a_duration_a_severity_and_a_text() {
        List<Map<String, Object>> rules = rules();

        assertThat(rules).isNotEmpty();
        for (Map<String, Object> rule : rules) {
            String alert = String.valueOf(rule.get("alert"));
            assertThat(RULE_KEYS).as(alert + " keys").containsAll(rule.keySet());
            assertThat(alert).matches("Flexboard[A-Za-z0-9]+");
            assertThat(String.valueOf(rule.get("expr"))).as(alert).isNotBlank();
            assertThat(String.valueOf(rule.get("for"))).as(alert + " for").matches(DURATION);
            assertThat(map(rule.get("labels")).get("severity")).as(alert + " severity").isIn("warning", "critical");
            assertThat(map(rule.get("annotations"))).as(alert).containsKeys("summary", "description");
        }
        assertThat(rules).extracting(rule -> rule.get("alert")).doesNotHaveDuplicates();
    }

    @Test
    void the_issue_s_alerts_are_there() {
        Map<String, Set<String>> used = MonitoringQueries.scrapedMetricNames();

        assertThat(used).containsKeys("kafka_consumergroup_group_max_lag_seconds", "flexboard_lag_status", "flexboard_relay_lag_seconds",
                "flexboard_relay_status", "sync_operations_total", "http_server_requests_seconds_count");
        assertThat(used.get("sync_operations_total")).contains("alert FlexboardAgentSyncErrorRateHigh", "alert FlexboardAgentSilent");
        assertThat(rules()).anyMatch(rule -> String.valueOf(rule.get("expr")).matches("(?s)up\\{.*\\} == 0"));
        assertThat(rules()).anyMatch(rule -> String.valueOf(rule.get("expr")).contains("status=~\"5..\""));
    }

    @Test
    void a_quarantined_tenant_and_a_parked_relay_event_each_raise_an_alert() {
        Map<String, Set<String>> used = MonitoringQueries.scrapedMetricNames();

        assertThat(used.get("flexboard_projector_quarantined_tenants")).contains("alert FlexboardProjectorTenantQuarantined");
        assertThat(used.get("flexboard_relay_parked_events")).contains("alert FlexboardRelayEventsParked");
    }

    @Test
    void the_metric_names_are_read_from_the_expressions_not_the_labels_functions_or_keywords() {
        assertThat(PromQl.metricNames("sum by (job) (rate(http_server_requests_seconds_count{status=~\"5..\", uri!=\"/x{y}\"}[5m]))"
                + " / on (job) group_left (instance) sum without (status) (rate(x_total[$__rate_interval] offset 1h)) > 0.02"))
                .containsExactly("http_server_requests_seconds_count", "x_total");
        assertThat(PromQl.metricNames("absent(flexboard_relay_status) or max(flexboard_lag_status) == bool -1"))
                .containsExactly("flexboard_lag_status", "flexboard_relay_status");
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (le) (rate(a_bucket[5m]))) and up == 0"))
                .containsExactly("a_bucket", "up");
    }

    @Test
    void the_dashboard_queries_the_provisioned_datasource_and_shows_what_issue_6_asks_for() {
        var dashboard = DeployFiles.json(DeployFiles.path("grafana/flexboard.json"));
        Map<String, Object> datasources = DeployFiles.yaml(DeployFiles.path("grafana/provisioning/datasources/prometheus.yml"));
        String uid = String.valueOf(map(list(datasources.get("datasources")).get(0)).get("uid"));

        assertThat(dashboard.get("uid").asString()).isEqualTo("flexboard");
        for (var panel : MonitoringQueries.panels(dashboard)) {
            if (!"row".equals(panel.get("type").asString())) {
                assertThat(panel.at("/datasource/uid").asString()).as(panel.get("title").asString()).isEqualTo(uid);
                assertThat(panel.get("targets").size()).as(panel.get("title").asString()).isPositive();
            }
        }
        assertThat(MonitoringQueries.scrapedMetricNames()).containsKeys("kafka_consumergroup_group_max_lag", "kafka_consumergroup_group_max_lag_seconds",
                "flexboard_relay_lag_seconds", "sync_operations_total", "http_server_requests_seconds_count", "flexboard_agentbridge_waiters",
                "jvm_memory_used_bytes");
    }

    private static List<Map<String, Object>> rules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        Map<String, Object> file = DeployFiles.yaml(DeployFiles.path("prometheus/alerts.yml"));
        assertThat(file.keySet()).containsExactly("groups");
        for (Object group : list(file.get("groups"))) {
            assertThat(map(group)).containsKeys("name", "rules");
            list(map(group).get("rules")).forEach(rule -> rules.add(map(rule)));
        }
        return rules;
    }
}

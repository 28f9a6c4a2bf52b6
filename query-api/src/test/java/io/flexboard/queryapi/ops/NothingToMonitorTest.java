package io.flexboard.queryapi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.queryapi.support.LagReportView;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * query-api deployed without a reachable broker and against a read-model-only database: it starts,
 * and the lag report says what it cannot know instead of failing.
 */
@TestPropertySource(properties = {"flexboard.ops.lag.interval=200ms", "flexboard.ops.lag.relay.schema=no_eventstore",
        "flexboard.ops.lag.groups=flexboard-projector,flexboard-projector-fleet"})
class NothingToMonitorTest extends OpsIntegrationTest {

    @Test
    void given_no_broker_and_no_event_store_when_the_lag_is_read_then_200_with_every_part_unknown_and_why() {
        LagReportView report = awaitReport(r -> "UNKNOWN".equals(r.groupStatus("flexboard-projector"))
                && !r.json().path("sampled_at").isNull());

        assertThat(report.json().path("window").asInt()).isEqualTo(10);
        assertThat(report.group("flexboard-projector").path("error").asString()).startsWith("Kafka unreachable");
        assertThat(report.group("flexboard-projector").path("partitions").size()).isZero();
        assertThat(report.groupStatus("flexboard-projector-fleet")).isEqualTo("UNKNOWN");
        assertThat(report.relay().path("status").asString()).isEqualTo("UNKNOWN");
        assertThat(report.relay().path("error").asString()).startsWith("no event store in schema 'no_eventstore'");
        assertThat(report.relay().path("lag").isNull()).isTrue();
        assertThat(report.relay().path("lag_seconds").isNull()).isTrue();
    }

    @Test
    void given_no_broker_when_prometheus_scrapes_then_the_groups_status_gauge_says_unknown() {
        awaitReport(r -> "UNKNOWN".equals(r.groupStatus("flexboard-projector")));

        assertThat(scrape()).contains("flexboard_lag_status{application=\"query-api\",group=\"flexboard-projector\"} -1.0")
                .contains("flexboard_relay_status{application=\"query-api\"} -1.0")
                .contains("flexboard_relay_lag{application=\"query-api\"} NaN");
    }
}

package io.flexboard.queryapi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.queryapi.support.LagReportView;
import io.flexboard.queryapi.support.StuckEventFixtures;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An event that stops one tenant shows in the lag report by name and turns its verdict to STOP:
 * the projector's quarantines and the relay's parked events (rows as those services write them).
 */
@TestPropertySource(properties = {"flexboard.ops.lag.interval=200ms", "flexboard.ops.lag.window=3"})
class StuckEventsTest extends OpsIntegrationTest {

    private final StuckEventFixtures stuck = new StuckEventFixtures();

    @BeforeEach
    void nothingStuck() {
        stuck.clear();
    }

    @Test
    void given_a_quarantined_tenant_when_sampled_then_the_report_names_the_tenant_and_event_and_says_stop() {
        UUID tenant = UUID.randomUUID();
        Instant since = Instant.parse("2026-12-06T10:15:30Z");
        stuck.quarantined(tenant, "ev-42", 7, "PostgresqlBadGrammarException: unsupported Unicode escape sequence (SQLState 22P05)",
                since, 3);

        LagReportView report = awaitReport(r -> r.json().path("quarantines").path("tenants").size() == 1);

        JsonNode quarantines = report.json().path("quarantines");
        assertThat(quarantines.path("status").asString()).isEqualTo("STOP");
        assertThat(report.json().path("status").asString()).isEqualTo("STOP");
        JsonNode quarantined = quarantines.path("tenants").get(0);
        assertThat(quarantined.path("tenant_id").asString()).isEqualTo(tenant.toString());
        assertThat(quarantined.path("event_id").asString()).isEqualTo("ev-42");
        assertThat(quarantined.path("event_type").asString()).isEqualTo("widgets_replaced");
        assertThat(quarantined.path("aggregate_sequence").asLong()).isEqualTo(7);
        assertThat(quarantined.path("error").asString()).contains("SQLState 22P05");
        assertThat(Instant.parse(quarantined.path("since").asString())).isEqualTo(since);
        assertThat(quarantined.path("held_events").asLong()).isEqualTo(3);
    }

    @Test
    void given_nothing_stuck_when_sampled_then_the_quarantines_are_ok_and_empty() {
        // Samples taken before the tables were emptied may still show the previous test's rows.
        LagReportView report = awaitReport(r -> "OK".equals(r.json().path("quarantines").path("status").asString())
                && r.relay().path("parked").isArray() && r.relay().path("parked").isEmpty());

        assertThat(report.json().path("quarantines").path("tenants").size()).isZero();
    }

    @Test
    void given_an_event_the_broker_refused_when_sampled_then_the_relay_names_it_and_the_events_behind_it_and_says_stop() {
        UUID tenant = UUID.randomUUID();
        stuck.parked(tenant, "ev-refused", 5, "refused", "RecordTooLargeException: The message is 1048600 bytes");
        stuck.parked(tenant, "ev-held", 6, "held", null);

        LagReportView report = awaitReport(r -> r.relay().path("parked").size() == 2);

        assertThat(report.relay().path("status").asString()).isEqualTo("STOP");
        assertThat(report.json().path("status").asString()).isEqualTo("STOP");
        JsonNode refused = report.relay().path("parked").get(0);
        assertThat(refused.path("tenant_id").asString()).isEqualTo(tenant.toString());
        assertThat(refused.path("event_id").asString()).isEqualTo("ev-refused");
        assertThat(refused.path("aggregate_sequence").asLong()).isEqualTo(5);
        assertThat(refused.path("status").asString()).isEqualTo("refused");
        assertThat(refused.path("error").asString()).startsWith("RecordTooLargeException");
        assertThat(report.relay().path("parked").get(1).path("event_id").asString()).isEqualTo("ev-held");
    }
}

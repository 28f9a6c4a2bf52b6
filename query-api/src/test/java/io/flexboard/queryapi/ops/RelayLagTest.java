package io.flexboard.queryapi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.queryapi.support.EventStoreFixtures;
import io.flexboard.queryapi.support.LagReportView;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The relay's lag, read from Axon's tables in the test database's eventstore schema (command-api's real migration). */
@TestPropertySource(properties = {"flexboard.ops.lag.interval=200ms", "flexboard.ops.lag.window=3"})
class RelayLagTest extends OpsIntegrationTest {

    private static final Duration A_MINUTE_AGO = Duration.ofMinutes(1);
    private static final Duration HALF_A_MINUTE_AGO = Duration.ofSeconds(30);
    private static final Duration JUST_NOW = Duration.ZERO;

    private final EventStoreFixtures eventStore = new EventStoreFixtures();

    @BeforeEach
    void emptyEventStore() {
        eventStore.clear();
    }

    @Test
    void given_events_beyond_the_relays_token_when_sampled_then_lag_counts_them_and_lag_seconds_is_the_oldest_ones_age() {
        List<Long> events = eventStore.eventsStored(Duration.ofMinutes(2), A_MINUTE_AGO, HALF_A_MINUTE_AGO);
        eventStore.relayAt(events.get(0));

        LagReportView report = awaitReport(r -> r.relay().path("lag").asLong() == 2);

        assertThat(report.relay().path("lag_seconds").asDouble()).isBetween(60.0, 60.0 + PATIENCE.toSeconds());
    }

    @Test
    void given_a_token_with_a_gap_when_sampled_then_the_event_in_the_gap_is_not_relayed_yet_and_is_the_oldest() {
        List<Long> events = eventStore.eventsStored(Duration.ofMinutes(3), Duration.ofMinutes(2), A_MINUTE_AGO, JUST_NOW);
        eventStore.relayAt(events.get(2), events.get(1));

        LagReportView report = awaitReport(r -> r.relay().path("lag").asLong() == 2);

        assertThat(report.relay().path("lag_seconds").asDouble()).isBetween(120.0, 120.0 + PATIENCE.toSeconds());
    }

    @Test
    void given_a_relay_that_has_relayed_everything_when_sampled_then_ok_with_no_lag() {
        List<Long> events = eventStore.eventsStored(A_MINUTE_AGO, HALF_A_MINUTE_AGO);
        eventStore.relayAt(events.get(1));

        awaitReport(r -> "OK".equals(r.relay().path("status").asString()) && r.relay().path("lag").asLong() == 0
                && r.relay().path("lag_seconds").asDouble() == 0);
    }

    @Test
    void given_a_relay_that_holds_its_token_but_does_not_move_when_a_window_passes_then_stall() {
        List<Long> events = eventStore.eventsStored(A_MINUTE_AGO, HALF_A_MINUTE_AGO);
        eventStore.relayAt(events.get(0));

        awaitReport(r -> "STALL".equals(r.relay().path("status").asString()) && r.relay().path("lag").asLong() == 1);
    }

    @Test
    void given_a_relay_that_released_its_token_with_events_left_when_sampled_then_stop() {
        List<Long> events = eventStore.eventsStored(A_MINUTE_AGO, HALF_A_MINUTE_AGO);
        eventStore.relayReleasedItsTokenAt(events.get(0));

        awaitReport(r -> "STOP".equals(r.relay().path("status").asString()) && r.relay().path("lag").asLong() == 1);
    }

    @Test
    void given_events_and_no_relay_token_at_all_when_sampled_then_every_event_is_lag_and_the_relay_is_stopped() {
        eventStore.eventsStored(A_MINUTE_AGO, HALF_A_MINUTE_AGO, JUST_NOW);

        awaitReport(r -> "STOP".equals(r.relay().path("status").asString()) && r.relay().path("lag").asLong() == 3);
    }

    @Test
    void given_a_relay_token_that_moves_back_when_sampled_then_rewind() {
        List<Long> events = eventStore.eventsStored(A_MINUTE_AGO, HALF_A_MINUTE_AGO, JUST_NOW);
        eventStore.relayAt(events.get(2));
        awaitReport(r -> "OK".equals(r.relay().path("status").asString()) && r.relay().path("lag").asLong() == 0);

        eventStore.relayAt(events.get(0));

        awaitReport(r -> "REWIND".equals(r.relay().path("status").asString()) && r.relay().path("lag").asLong() == 2);
    }
}

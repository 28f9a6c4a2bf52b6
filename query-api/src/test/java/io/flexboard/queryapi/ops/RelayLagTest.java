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
    void givenEventsBeyondTheRelaysToken_whenSampled_thenLagCountsThemAndLagSecondsIsTheOldestOnesAge() {
        List<Long> events = eventStore.eventsStored(Duration.ofMinutes(2), A_MINUTE_AGO, HALF_A_MINUTE_AGO);
        eventStore.relayAt(events.get(0));

        LagReportView report = awaitReport(r -> r.relay().path("lag").asLong() == 2);

        assertThat(report.relay().path("lag_seconds").asDouble()).isBetween(60.0, 60.0 + PATIENCE.toSeconds());
    }

    @Test
    void givenATokenWithAGap_whenSampled_thenTheEventInTheGapIsNotRelayedYetAndIsTheOldest() {
        List<Long> events = eventStore.eventsStored(Duration.ofMinutes(3), Duration.ofMinutes(2), A_MINUTE_AGO, JUST_NOW);
        eventStore.relayAt(events.get(2), events.get(1));

        LagReportView report = awaitReport(r -> r.relay().path("lag").asLong() == 2);

        assertThat(report.relay().path("lag_seconds").asDouble()).isBetween(120.0, 120.0 + PATIENCE.toSeconds());
    }

    @Test
    void givenARelayThatHasRelayedEverything_whenSampled_thenOkWithNoLag() {
        List<Long> events = eventStore.eventsStored(A_MINUTE_AGO, HALF_A_MINUTE_AGO);
        eventStore.relayAt(events.get(1));

        awaitReport(r -> "OK".equals(r.relay().path("status").asString()) && r.relay().path("lag").asLong() == 0
                && r.relay().path("lag_seconds").asDouble() == 0);
    }

    @Test
    void givenARelayThatHoldsItsTokenButDoesNotMove_whenAWindowPasses_thenStall() {
        List<Long> events = eventStore.eventsStored(A_MINUTE_AGO, HALF_A_MINUTE_AGO);
        eventStore.relayAt(events.get(0));

        awaitReport(r -> "STALL".equals(r.relay().path("status").asString()) && r.relay().path("lag").asLong() == 1);
    }

    @Test
    void givenARelayThatReleasedItsTokenWithEventsLeft_whenSampled_thenStop() {
        List<Long> events = eventStore.eventsStored(A_MINUTE_AGO, HALF_A_MINUTE_AGO);
        eventStore.relayReleasedItsTokenAt(events.get(0));

        awaitReport(r -> "STOP".equals(r.relay().path("status").asString()) && r.relay().path("lag").asLong() == 1);
    }

    @Test
    void givenEventsAndNoRelayTokenAtAll_whenSampled_thenEveryEventIsLagAndTheRelayIsStopped() {
        eventStore.eventsStored(A_MINUTE_AGO, HALF_A_MINUTE_AGO, JUST_NOW);

        awaitReport(r -> "STOP".equals(r.relay().path("status").asString()) && r.relay().path("lag").asLong() == 3);
    }

    @Test
    void givenARelayTokenThatMovesBack_whenSampled_thenRewind() {
        List<Long> events = eventStore.eventsStored(A_MINUTE_AGO, HALF_A_MINUTE_AGO, JUST_NOW);
        eventStore.relayAt(events.get(2));
        awaitReport(r -> "OK".equals(r.relay().path("status").asString()) && r.relay().path("lag").asLong() == 0);

        eventStore.relayAt(events.get(0));

        awaitReport(r -> "REWIND".equals(r.relay().path("status").asString()) && r.relay().path("lag").asLong() == 2);
    }
}

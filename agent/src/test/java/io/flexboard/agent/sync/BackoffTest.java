package io.flexboard.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    @Test
    void givenEachAttempt_whenDelayed_thenTheDelayLiesBetweenZeroAndTheDoublingCeiling() {
        Backoff backoff = new Backoff(MAX_RETRY_AFTER);

        for (int attempt = 0; attempt < 10; attempt++) {
            Duration ceiling = Duration.ofSeconds(Math.min(60, 1L << attempt));
            for (int sample = 0; sample < 500; sample++) {
                assertThat(backoff.delay(attempt, Optional.empty())).isBetween(Duration.ZERO, ceiling);
            }
        }
    }

    @Test
    void givenTheRandomAtItsExtremes_whenDelayed_thenTheWholeRangeFromZeroToTheCeilingIsUsed() {
        assertThat(new Backoff(() -> 0.0, MAX_RETRY_AFTER).delay(3, Optional.empty())).isEqualTo(Duration.ZERO);
        assertThat(new Backoff(() -> 0.999, MAX_RETRY_AFTER).delay(3, Optional.empty())).isEqualTo(Duration.ofMillis(7992));
    }

    @Test
    void givenManyFailures_whenDelayed_thenTheCeilingStaysAtSixtySeconds() {
        Backoff almostMaximal = new Backoff(() -> 0.999_999, MAX_RETRY_AFTER);

        assertThat(Backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(Backoff.ceiling(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.ceiling(1_000)).isEqualTo(Duration.ofSeconds(60));
        assertThat(almostMaximal.delay(Integer.MAX_VALUE, Optional.empty())).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void givenTheControlPlaneGoneForMinutes_whenTheAgentBacksOffWithinOneHold_thenNoPauseIsLongerThanTheHold() {
        Backoff almostMaximal = new Backoff(() -> 0.999_999, Backoff.capFor(Duration.ofSeconds(10)), MAX_RETRY_AFTER);

        assertThat(almostMaximal.delay(2, Optional.empty())).as("below the hold the doubling still rules")
                .isBetween(Duration.ofMillis(3_990), Duration.ofSeconds(4));
        for (int attempt = 4; attempt < 1_000; attempt += 7) {
            assertThat(almostMaximal.delay(attempt, Optional.empty())).isBetween(Duration.ofMillis(9_990), Duration.ofSeconds(10));
        }
        assertThat(new Backoff(() -> 0.0, Backoff.capFor(Duration.ofSeconds(10)), MAX_RETRY_AFTER).delay(50, Optional.empty()))
                .as("full jitter: the whole range down to zero").isEqualTo(Duration.ZERO);
    }

    @Test
    void givenAHoldOutsideOneToSixtySeconds_whenTheCapIsChosen_thenItStaysWithinThem() {
        assertThat(Backoff.capFor(Duration.ZERO)).as("short polling still backs off").isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.capFor(Duration.ofSeconds(50))).isEqualTo(Duration.ofSeconds(50));
        assertThat(Backoff.capFor(Duration.ofSeconds(300))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void givenRetryAfterLongerThanTheJitter_whenDelayed_thenTheAgentWaitsRetryAfterPlusUpToATenth() {
        Backoff backoff = new Backoff(() -> 0.5, MAX_RETRY_AFTER);

        assertThat(backoff.delay(0, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofMillis(31_500));
        assertThat(backoff.delay(10, Optional.of(Duration.ofSeconds(120)))).as("even beyond the cap").isEqualTo(Duration.ofSeconds(126));
    }

    @Test
    void givenAFleetToldTheSameRetryAfter_whenEachAgentDelays_thenTheyComeBackSpreadOverATenthOfIt() {
        assertThat(new Backoff(() -> 0.0, MAX_RETRY_AFTER).delay(0, Optional.of(Duration.ofSeconds(10)))).isEqualTo(Duration.ofSeconds(10));
        assertThat(new Backoff(() -> 0.999, MAX_RETRY_AFTER).delay(0, Optional.of(Duration.ofSeconds(10)))).isEqualTo(Duration.ofMillis(10_999));
    }

    @Test
    void givenARetryAfterBeyondTheCap_whenDelayed_thenTheAgentWaitsTheCapPlusUpToATenthInstead() {
        Backoff backoff = new Backoff(() -> 0.5, MAX_RETRY_AFTER);

        assertThat(backoff.delay(0, Optional.of(Duration.ofDays(30)))).isEqualTo(Duration.ofSeconds(315));
        assertThat(backoff.delay(0, Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L)))).isEqualTo(Duration.ofSeconds(315));
    }

    @Test
    void givenRetryAfterShorterThanTheJitter_whenDelayed_thenTheJitterIsKept() {
        assertThat(new Backoff(() -> 0.5, MAX_RETRY_AFTER).delay(6, Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void givenAFleetAnsweredAtOnce_whenEachAgentPicksItsPauseBeforeTheNextPoll_thenThePausesSpreadOverTwoSeconds() {
        assertThat(new Backoff(() -> 0.0, MAX_RETRY_AFTER).beforeNextPoll()).isEqualTo(Duration.ZERO);
        assertThat(new Backoff(() -> 0.5, MAX_RETRY_AFTER).beforeNextPoll()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new Backoff(() -> 0.9999, MAX_RETRY_AFTER).beforeNextPoll()).isLessThan(Duration.ofSeconds(2));
    }
}

package io.flexboard.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    @Test
    void given_each_attempt_when_delayed_then_the_delay_lies_between_zero_and_the_doubling_ceiling() {
        Backoff backoff = new Backoff(MAX_RETRY_AFTER);

        for (int attempt = 0; attempt < 10; attempt++) {
            Duration ceiling = Duration.ofSeconds(Math.min(60, 1L << attempt));
            for (int sample = 0; sample < 500; sample++) {
                assertThat(backoff.delay(attempt, Optional.empty())).isBetween(Duration.ZERO, ceiling);
            }
        }
    }

    @Test
    void given_the_random_at_its_extremes_when_delayed_then_the_whole_range_from_zero_to_the_ceiling_is_used() {
        assertThat(new Backoff(() -> 0.0, MAX_RETRY_AFTER).delay(3, Optional.empty())).isEqualTo(Duration.ZERO);
        assertThat(new Backoff(() -> 0.999, MAX_RETRY_AFTER).delay(3, Optional.empty())).isEqualTo(Duration.ofMillis(7992));
    }

    @Test
    void given_many_failures_when_delayed_then_the_ceiling_stays_at_sixty_seconds() {
        Backoff almostMaximal = new Backoff(() -> 0.999_999, MAX_RETRY_AFTER);

        assertThat(Backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(Backoff.ceiling(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.ceiling(1_000)).isEqualTo(Duration.ofSeconds(60));
        assertThat(almostMaximal.delay(Integer.MAX_VALUE, Optional.empty())).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void given_the_control_plane_gone_for_minutes_when_the_agent_backs_off_within_one_hold_then_no_pause_is_longer_than_the_hold() {
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
    void given_a_hold_outside_one_to_sixty_seconds_when_the_cap_is_chosen_then_it_stays_within_them() {
        assertThat(Backoff.capFor(Duration.ZERO)).as("short polling still backs off").isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.capFor(Duration.ofSeconds(50))).isEqualTo(Duration.ofSeconds(50));
        assertThat(Backoff.capFor(Duration.ofSeconds(300))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void given_retry_after_longer_than_the_jitter_when_delayed_then_the_agent_waits_retry_after_plus_up_to_a_tenth() {
        Backoff backoff = new Backoff(() -> 0.5, MAX_RETRY_AFTER);

        assertThat(backoff.delay(0, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofMillis(31_500));
        assertThat(backoff.delay(10, Optional.of(Duration.ofSeconds(120)))).as("even beyond the cap").isEqualTo(Duration.ofSeconds(126));
    }

    @Test
    void given_a_fleet_told_the_same_retry_after_when_each_agent_delays_then_they_come_back_spread_over_a_tenth_of_it() {
        assertThat(new Backoff(() -> 0.0, MAX_RETRY_AFTER).delay(0, Optional.of(Duration.ofSeconds(10)))).isEqualTo(Duration.ofSeconds(10));
        assertThat(new Backoff(() -> 0.999, MAX_RETRY_AFTER).delay(0, Optional.of(Duration.ofSeconds(10)))).isEqualTo(Duration.ofMillis(10_999));
    }

    @Test
    void given_a_retry_after_beyond_the_cap_when_delayed_then_the_agent_waits_the_cap_plus_up_to_a_tenth_instead() {
        Backoff backoff = new Backoff(() -> 0.5, MAX_RETRY_AFTER);

        assertThat(backoff.delay(0, Optional.of(Duration.ofDays(30)))).isEqualTo(Duration.ofSeconds(315));
        assertThat(backoff.delay(0, Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L)))).isEqualTo(Duration.ofSeconds(315));
    }

    @Test
    void given_retry_after_shorter_than_the_jitter_when_delayed_then_the_jitter_is_kept() {
        assertThat(new Backoff(() -> 0.5, MAX_RETRY_AFTER).delay(6, Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void given_a_fleet_answered_at_once_when_each_agent_picks_its_pause_before_the_next_poll_then_the_pauses_spread_over_two_seconds() {
        assertThat(new Backoff(() -> 0.0, MAX_RETRY_AFTER).beforeNextPoll()).isEqualTo(Duration.ZERO);
        assertThat(new Backoff(() -> 0.5, MAX_RETRY_AFTER).beforeNextPoll()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new Backoff(() -> 0.9999, MAX_RETRY_AFTER).beforeNextPoll()).isLessThan(Duration.ofSeconds(2));
    }
}

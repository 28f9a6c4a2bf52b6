package io.flexboard.projector.rebuild;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProgressMeterTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final ProgressMeter meter = new ProgressMeter(Duration.ofSeconds(10));

    @Test
    void given_steady_progress_when_asked_then_the_speed_is_events_per_second_and_the_eta_the_rest_at_that_speed() {
        meter.record(0, 0, 10_000);
        meter.record(2 * SECOND, 2_000, 10_000);

        ProgressSnapshot progress = meter.snapshot(2 * SECOND);

        assertThat(progress.eventsPerSecond()).isCloseTo(1_000.0, within(0.001));
        assertThat(progress.etaSeconds()).isEqualTo(8);
        assertThat(progress.eventsApplied()).isEqualTo(2_000);
        assertThat(progress.eventsTotal()).isEqualTo(10_000);
    }

    @Test
    void given_a_faster_recent_window_when_asked_then_only_the_window_counts() {
        meter.record(0, 0, 100_000);
        meter.record(20 * SECOND, 1_000, 100_000);
        meter.record(25 * SECOND, 11_000, 100_000);
        meter.record(30 * SECOND, 21_000, 100_000);

        // The window's base is the newest sample at least 10 s old (20 s): 20,000 events in 10 s.
        assertThat(meter.snapshot(30 * SECOND).eventsPerSecond()).isCloseTo(2_000.0, within(0.001));
    }

    @Test
    void given_a_stall_when_asked_then_the_speed_falls_and_the_eta_grows() {
        meter.record(0, 0, 10_000);
        meter.record(SECOND, 1_000, 10_000);

        ProgressSnapshot stalled = meter.snapshot(4 * SECOND);

        assertThat(stalled.eventsPerSecond()).isCloseTo(250.0, within(0.001));
        assertThat(stalled.etaSeconds()).isEqualTo(36);
    }

    @Test
    void given_a_resumed_rebuild_when_nothing_moved_yet_then_its_speed_is_unknown_and_not_an_average_over_the_pause() {
        meter.record(5 * SECOND, 40_000, 100_000);

        ProgressSnapshot resumed = meter.snapshot(5 * SECOND);

        assertThat(resumed.eventsApplied()).isEqualTo(40_000);
        assertThat(resumed.eventsPerSecond()).isNull();
        assertThat(resumed.etaSeconds()).isNull();
    }

    @Test
    void given_everything_applied_when_asked_then_the_eta_is_zero() {
        meter.record(0, 0, 500);
        meter.record(SECOND, 500, 500);

        assertThat(meter.snapshot(SECOND).etaSeconds()).isZero();
    }

    @Test
    void given_a_topic_that_grew_past_the_last_ends_when_asked_then_the_total_is_never_below_what_was_applied() {
        meter.record(0, 0, 100);
        meter.record(SECOND, 150, 100);

        assertThat(meter.snapshot(SECOND).eventsTotal()).isEqualTo(150);
    }
}

package io.flexboard.queryapi.ops.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Burrow's rules, one test per rule, on windows of five samples written as (committed, end). */
class LagEvaluatorTest {

    private static final int WINDOW = 5;
    private static final boolean CONSUMED = true;
    private static final boolean NOBODY_CONSUMES = false;

    @Test
    void given_an_idle_partition_with_zero_lag_when_judged_then_ok_even_though_its_offset_never_moves() {
        List<Position> idle = samples(100, 100, 100, 100, 100, 100, 100, 100, 100, 100);

        assertThat(LagEvaluator.evaluate(idle, WINDOW, CONSUMED)).isEqualTo(LagStatus.OK);
    }

    @Test
    void given_an_idle_partition_with_zero_lag_when_its_consumer_is_gone_then_still_ok() {
        List<Position> idle = samples(100, 100, 100, 100, 100, 100, 100, 100, 100, 100);

        assertThat(LagEvaluator.evaluate(idle, WINDOW, NOBODY_CONSUMES)).isEqualTo(LagStatus.OK);
    }

    @Test
    void given_lag_that_reached_zero_once_in_the_window_when_judged_then_ok_whatever_came_after() {
        List<Position> burstAfterCatchingUp = samples(10, 10, 10, 20, 12, 40, 14, 60, 16, 80);

        assertThat(LagEvaluator.evaluate(burstAfterCatchingUp, WINDOW, CONSUMED)).isEqualTo(LagStatus.OK);
    }

    @Test
    void given_a_large_but_shrinking_lag_when_judged_then_ok() {
        List<Position> catchingUp = samples(0, 50_000, 10_000, 55_000, 20_000, 58_000, 30_000, 60_000, 40_000, 61_000);

        assertThat(LagEvaluator.evaluate(catchingUp, WINDOW, CONSUMED)).isEqualTo(LagStatus.OK);
    }

    @Test
    void given_a_consumer_that_moves_but_falls_further_behind_in_every_sample_when_judged_then_warn() {
        List<Position> fallingBehind = samples(10, 20, 12, 30, 14, 40, 16, 50, 18, 60);

        assertThat(LagEvaluator.evaluate(fallingBehind, WINDOW, CONSUMED)).isEqualTo(LagStatus.WARN);
    }

    @Test
    void given_a_consumer_that_moves_and_keeps_a_constant_lag_when_judged_then_ok_not_warn() {
        List<Position> keepingPace = samples(10, 15, 20, 25, 30, 35, 40, 45, 50, 55);

        assertThat(LagEvaluator.evaluate(keepingPace, WINDOW, CONSUMED)).isEqualTo(LagStatus.OK);
    }

    @Test
    void given_a_committed_offset_stuck_while_records_arrive_when_judged_then_stall() {
        List<Position> stuck = samples(10, 12, 10, 14, 10, 16, 10, 18, 10, 20);

        assertThat(LagEvaluator.evaluate(stuck, WINDOW, CONSUMED)).isEqualTo(LagStatus.STALL);
    }

    @Test
    void given_a_committed_offset_stuck_with_a_constant_lag_when_judged_then_stall() {
        List<Position> stuck = samples(10, 12, 10, 12, 10, 12, 10, 12, 10, 12);

        assertThat(LagEvaluator.evaluate(stuck, WINDOW, CONSUMED)).isEqualTo(LagStatus.STALL);
    }

    @Test
    void given_a_stuck_offset_but_a_window_not_full_yet_when_judged_then_ok_until_there_is_a_trend() {
        List<Position> tooFewSamples = samples(10, 12, 10, 14, 10, 16);

        assertThat(LagEvaluator.evaluate(tooFewSamples, WINDOW, CONSUMED)).isEqualTo(LagStatus.OK);
    }

    @Test
    void given_lag_and_nobody_consuming_when_judged_then_stop_even_with_one_sample() {
        List<Position> stopped = samples(10, 12);

        assertThat(LagEvaluator.evaluate(stopped, WINDOW, NOBODY_CONSUMES)).isEqualTo(LagStatus.STOP);
    }

    @Test
    void given_a_committed_offset_that_went_backwards_when_judged_then_rewind_which_outranks_everything_else() {
        List<Position> rewound = samples(10, 20, 12, 20, 3, 20);

        assertThat(LagEvaluator.evaluate(rewound, WINDOW, CONSUMED)).isEqualTo(LagStatus.REWIND);
        assertThat(LagEvaluator.evaluate(rewound, WINDOW, NOBODY_CONSUMES)).isEqualTo(LagStatus.REWIND);
    }

    @Test
    void given_a_stalled_consumer_that_moves_again_when_the_window_slides_past_the_stall_then_it_no_longer_stalls() {
        SlidingWindow window = new SlidingWindow(3);
        window.add(Position.ofOffsets(10, 20), CONSUMED);
        window.add(Position.ofOffsets(10, 20), CONSUMED);
        assertThat(window.add(Position.ofOffsets(10, 20), CONSUMED)).isEqualTo(LagStatus.STALL);

        window.add(Position.ofOffsets(15, 20), CONSUMED);
        window.add(Position.ofOffsets(18, 20), CONSUMED);

        assertThat(window.add(Position.ofOffsets(19, 20), CONSUMED)).isEqualTo(LagStatus.OK);
    }

    @Test
    void given_a_rewind_when_the_window_slides_past_it_then_the_rewind_is_forgotten() {
        SlidingWindow window = new SlidingWindow(2);
        window.add(Position.ofOffsets(10, 20), CONSUMED);
        assertThat(window.add(Position.ofOffsets(5, 20), CONSUMED)).isEqualTo(LagStatus.REWIND);

        assertThat(window.add(Position.ofOffsets(20, 20), CONSUMED)).isEqualTo(LagStatus.OK);
    }

    @Test
    void given_statuses_when_the_worst_is_taken_then_alarms_outrank_unknown_and_unknown_outranks_ok() {
        assertThat(LagStatus.OK.worse(LagStatus.UNKNOWN)).isEqualTo(LagStatus.UNKNOWN);
        assertThat(LagStatus.UNKNOWN.worse(LagStatus.WARN)).isEqualTo(LagStatus.WARN);
        assertThat(LagStatus.STOP.worse(LagStatus.STALL)).isEqualTo(LagStatus.STOP);
        assertThat(LagStatus.STOP.worse(LagStatus.REWIND)).isEqualTo(LagStatus.REWIND);
    }

    /** Pairs of (committed, end), oldest first. */
    private static List<Position> samples(long... committedAndEnd) {
        List<Position> samples = new ArrayList<>();
        for (int i = 0; i < committedAndEnd.length; i += 2) {
            samples.add(Position.ofOffsets(committedAndEnd[i], committedAndEnd[i + 1]));
        }
        return samples;
    }
}

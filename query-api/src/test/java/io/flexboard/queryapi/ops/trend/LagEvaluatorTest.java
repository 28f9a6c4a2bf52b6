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
    void givenAnIdlePartitionWithZeroLag_whenJudged_thenOkEvenThoughItsOffsetNeverMoves() {
        List<Position> idle = samples(100, 100, 100, 100, 100, 100, 100, 100, 100, 100);

        assertThat(LagEvaluator.evaluate(idle, WINDOW, CONSUMED)).isEqualTo(LagStatus.OK);
    }

    @Test
    void givenAnIdlePartitionWithZeroLag_whenItsConsumerIsGone_thenStillOk() {
        List<Position> idle = samples(100, 100, 100, 100, 100, 100, 100, 100, 100, 100);

        assertThat(LagEvaluator.evaluate(idle, WINDOW, NOBODY_CONSUMES)).isEqualTo(LagStatus.OK);
    }

    @Test
    void givenLagThatReachedZeroOnceInTheWindow_whenJudged_thenOkWhateverCameAfter() {
        List<Position> burstAfterCatchingUp = samples(10, 10, 10, 20, 12, 40, 14, 60, 16, 80);

        assertThat(LagEvaluator.evaluate(burstAfterCatchingUp, WINDOW, CONSUMED)).isEqualTo(LagStatus.OK);
    }

    @Test
    void givenALargeButShrinkingLag_whenJudged_thenOk() {
        List<Position> catchingUp = samples(0, 50_000, 10_000, 55_000, 20_000, 58_000, 30_000, 60_000, 40_000, 61_000);

        assertThat(LagEvaluator.evaluate(catchingUp, WINDOW, CONSUMED)).isEqualTo(LagStatus.OK);
    }

    @Test
    void givenAConsumerThatMovesButFallsFurtherBehindInEverySample_whenJudged_thenWarn() {
        List<Position> fallingBehind = samples(10, 20, 12, 30, 14, 40, 16, 50, 18, 60);

        assertThat(LagEvaluator.evaluate(fallingBehind, WINDOW, CONSUMED)).isEqualTo(LagStatus.WARN);
    }

    @Test
    void givenAConsumerThatMovesAndKeepsAConstantLag_whenJudged_thenOkNotWarn() {
        List<Position> keepingPace = samples(10, 15, 20, 25, 30, 35, 40, 45, 50, 55);

        assertThat(LagEvaluator.evaluate(keepingPace, WINDOW, CONSUMED)).isEqualTo(LagStatus.OK);
    }

    @Test
    void givenACommittedOffsetStuckWhileRecordsArrive_whenJudged_thenStall() {
        List<Position> stuck = samples(10, 12, 10, 14, 10, 16, 10, 18, 10, 20);

        assertThat(LagEvaluator.evaluate(stuck, WINDOW, CONSUMED)).isEqualTo(LagStatus.STALL);
    }

    @Test
    void givenACommittedOffsetStuckWithAConstantLag_whenJudged_thenStall() {
        List<Position> stuck = samples(10, 12, 10, 12, 10, 12, 10, 12, 10, 12);

        assertThat(LagEvaluator.evaluate(stuck, WINDOW, CONSUMED)).isEqualTo(LagStatus.STALL);
    }

    @Test
    void givenAStuckOffsetButAWindowNotFullYet_whenJudged_thenOkUntilThereIsATrend() {
        List<Position> tooFewSamples = samples(10, 12, 10, 14, 10, 16);

        assertThat(LagEvaluator.evaluate(tooFewSamples, WINDOW, CONSUMED)).isEqualTo(LagStatus.OK);
    }

    @Test
    void givenLagAndNobodyConsuming_whenJudged_thenStopEvenWithOneSample() {
        List<Position> stopped = samples(10, 12);

        assertThat(LagEvaluator.evaluate(stopped, WINDOW, NOBODY_CONSUMES)).isEqualTo(LagStatus.STOP);
    }

    @Test
    void givenACommittedOffsetThatWentBackwards_whenJudged_thenRewindWhichOutranksEverythingElse() {
        List<Position> rewound = samples(10, 20, 12, 20, 3, 20);

        assertThat(LagEvaluator.evaluate(rewound, WINDOW, CONSUMED)).isEqualTo(LagStatus.REWIND);
        assertThat(LagEvaluator.evaluate(rewound, WINDOW, NOBODY_CONSUMES)).isEqualTo(LagStatus.REWIND);
    }

    @Test
    void givenAStalledConsumerThatMovesAgain_whenTheWindowSlidesPastTheStall_thenItNoLongerStalls() {
        SlidingWindow window = new SlidingWindow(3);
        window.add(Position.ofOffsets(10, 20), CONSUMED);
        window.add(Position.ofOffsets(10, 20), CONSUMED);
        assertThat(window.add(Position.ofOffsets(10, 20), CONSUMED)).isEqualTo(LagStatus.STALL);

        window.add(Position.ofOffsets(15, 20), CONSUMED);
        window.add(Position.ofOffsets(18, 20), CONSUMED);

        assertThat(window.add(Position.ofOffsets(19, 20), CONSUMED)).isEqualTo(LagStatus.OK);
    }

    @Test
    void givenARewind_whenTheWindowSlidesPastIt_thenTheRewindIsForgotten() {
        SlidingWindow window = new SlidingWindow(2);
        window.add(Position.ofOffsets(10, 20), CONSUMED);
        assertThat(window.add(Position.ofOffsets(5, 20), CONSUMED)).isEqualTo(LagStatus.REWIND);

        assertThat(window.add(Position.ofOffsets(20, 20), CONSUMED)).isEqualTo(LagStatus.OK);
    }

    @Test
    void givenStatuses_whenTheWorstIsTaken_thenAlarmsOutrankUnknownAndUnknownOutranksOk() {
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

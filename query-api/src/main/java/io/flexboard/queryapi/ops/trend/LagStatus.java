package io.flexboard.queryapi.ops.trend;

/**
 * Burrow's verdicts on a consumer's trend, ordered from harmless to worst, plus {@code UNKNOWN}
 * when the monitor could not look (broker unreachable, event store absent).
 */
public enum LagStatus {
    OK(0),
    WARN(1),
    STALL(2),
    STOP(3),
    REWIND(4),
    UNKNOWN(-1);

    private final int gaugeValue;

    LagStatus(int gaugeValue) {
        this.gaugeValue = gaugeValue;
    }

    /** The value of the {@code flexboard.lag.status} gauge: 0 OK … 4 REWIND, -1 UNKNOWN. */
    public int gaugeValue() {
        return gaugeValue;
    }

    /** The worse of two verdicts; UNKNOWN wins only over OK, since a real alarm says more. */
    public LagStatus worse(LagStatus other) {
        return other.severity() > severity() ? other : this;
    }

    private int severity() {
        // OK 1, UNKNOWN 2, WARN 3 … REWIND 9
        return this == UNKNOWN ? 2 : gaugeValue * 2 + 1;
    }
}

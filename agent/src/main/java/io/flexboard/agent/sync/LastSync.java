package io.flexboard.agent.sync;

/**
 * How the previous sync ended, as the next sync request tells the control plane ({@code last_status},
 * {@code last_error}). Not a sync report: agent-bridge writes those about every sync it answers.
 *
 * @param lastStatus {@code success} or {@code error}; {@code null} before the first sync after a clean start
 * @param lastError  the previous sync's error, {@code null} after a success
 */
record LastSync(String lastStatus, String lastError) {

    static final LastSync NOTHING_YET = new LastSync(null, null);
    static final LastSync SUCCESS = new LastSync("success", null);

    static LastSync error(String message) {
        return new LastSync("error", message);
    }
}

package io.flexboard.agent.sync;

/**
 * What the next sync request tells the control plane about the previous one.
 *
 * @param lastStatus {@code success} or {@code error}; {@code null} before the first sync after a clean start
 * @param lastError  the previous sync's error, {@code null} after a success
 */
record SyncReport(String lastStatus, String lastError) {

    static final SyncReport NOTHING_YET = new SyncReport(null, null);
    static final SyncReport SUCCESS = new SyncReport("success", null);

    static SyncReport error(String message) {
        return new SyncReport("error", message);
    }
}

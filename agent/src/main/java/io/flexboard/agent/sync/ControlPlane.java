package io.flexboard.agent.sync;

/** The agent's one question to the control plane: is there a newer published version than mine? */
public interface ControlPlane {

    /**
     * Sends one sync; may block up to the request's {@code wait_seconds} (long-polling) plus a margin.
     *
     * @throws SyncFailure          when there is no usable answer
     * @throws InterruptedException when the agent is stopping
     */
    SyncAnswer sync(SyncRequest request) throws SyncFailure, InterruptedException;
}

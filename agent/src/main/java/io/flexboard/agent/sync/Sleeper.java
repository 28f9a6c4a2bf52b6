package io.flexboard.agent.sync;

import java.time.Duration;

/** Waiting between syncs, behind a seam so tests run the loop without real sleeps. */
@FunctionalInterface
public interface Sleeper {

    /** The real one. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}

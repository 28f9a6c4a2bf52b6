package io.flexboard.agent.support;

import io.flexboard.agent.sync.Sleeper;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each pause and moves the fake clock instead of sleeping: the loop runs in test time, not wall time. */
public final class RecordingSleeper implements Sleeper {

    private final MutableClock clock;
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    public RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        pauses.add(duration);
        clock.advance(duration);
        // Yield a little real time so a loop running on another thread cannot spin a core flat out.
        Thread.sleep(5);
    }

    public List<Duration> pauses() {
        return pauses;
    }
}

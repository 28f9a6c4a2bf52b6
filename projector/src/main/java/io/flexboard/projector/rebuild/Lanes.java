package io.flexboard.projector.rebuild;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A run's lanes, each on a thread of its own. A phase runs in every lane at once and ends when
 * all of them are done; the first lane to fail halts the others, and its failure (not their stop)
 * is the phase's. The run's progress is the sum of the lanes'.
 */
final class Lanes implements AutoCloseable {

    private final List<Lane> lanes = new CopyOnWriteArrayList<>();
    private final ExecutorService threads;
    private final StopSignal stop;
    private final ProgressMeter meter;

    /** {@code count} threads, named after the run's. */
    Lanes(int count, StopSignal stop, ProgressMeter meter) {
        AtomicInteger laneThreads = new AtomicInteger();
        String name = Thread.currentThread().getName();
        this.threads = Executors.newFixedThreadPool(count,
                runnable -> new Thread(runnable, name + "-lane-" + laneThreads.getAndIncrement()));
        this.stop = stop;
        this.meter = meter;
    }

    void add(Lane lane) {
        lanes.add(lane);
        stop.onWakeUp(lane::wakeup);
    }

    /** Runs one phase in every lane at once and waits for all of them. */
    void inEach(Consumer<Lane> work) {
        List<Future<?>> running = lanes.stream().<Future<?>>map(lane -> threads.submit(() -> work.accept(lane))).toList();
        RuntimeException failure = null;
        for (Future<?> lane : running) {
            try {
                lane.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
                if (failure == null || failure instanceof StopSignal.StoppedException && !(cause instanceof StopSignal.StoppedException)) {
                    failure = cause;
                }
                stop.halt();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.request(StopSignal.Reason.SHUTDOWN);
            }
        }
        stop.resume();
        if (failure != null) {
            throw failure;
        }
        stop.check();
    }

    /** Feeds the meter the lanes' sums, after a committed batch or a look at the topic's ends. */
    void recordProgress() {
        meter.record(System.nanoTime(), applied(), total());
    }

    long applied() {
        return lanes.stream().mapToLong(Lane::applied).sum();
    }

    long total() {
        return lanes.stream().mapToLong(Lane::total).sum();
    }

    long behind() {
        return lanes.stream().mapToLong(Lane::behind).sum();
    }

    @Override
    public void close() {
        lanes.forEach(Lane::close);
        threads.shutdownNow();
    }
}

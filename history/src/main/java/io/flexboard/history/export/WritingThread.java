package io.flexboard.history.export;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.flexboard.schemas.EventEnvelope;

/**
 * Writes the exported events on a thread of its own, in the order they are handed over: the consumer's thread
 * polls and decodes while this one formats, compresses and writes, so an export keeps two cores busy. Only a
 * few small batches wait in between, which bounds the memory whatever the range.
 */
final class WritingThread implements AutoCloseable {

    static final int BATCH = 128;
    private static final int BATCHES_WAITING = 2;
    /** Handed over after the last batch; compared by identity. */
    private static final List<Item> END = new ArrayList<>(0);

    /** An event, its bytes as read, and where it was read (for the message when it cannot be written). */
    private record Item(EventEnvelope event, byte[] wire, int partition, long offset) {
    }

    private final EventWriter writer;
    private final ExportOptions options;
    private final Progress progress;
    private final BlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(BATCHES_WAITING);
    private final Thread thread;
    private List<Item> batch = new ArrayList<>(BATCH);
    private volatile boolean stopRequested;
    private volatile RuntimeException failure;
    private volatile long written;
    private volatile long skipped;
    private volatile long cpuNanos;

    WritingThread(EventWriter writer, ExportOptions options, Progress progress) {
        this.writer = writer;
        this.options = options;
        this.progress = progress;
        this.thread = new Thread(this::writeAll, "flexboard-history-writer");
        thread.start();
    }

    /** Queues an event; blocks while the writer is behind. Called by the reading thread only. */
    void add(EventEnvelope event, byte[] wire, int partition, long offset) {
        batch.add(new Item(event, wire, partition, offset));
        if (batch.size() == BATCH) {
            handOver();
        }
    }

    /** Hands over what is queued, so the writer is never kept waiting for a batch to fill up. */
    void handOver() {
        if (!batch.isEmpty()) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits until every event handed over is written; throws what stopped the writer early. */
    void finish() {
        handOver();
        put(END);
        join();
        rethrowFailure();
    }

    /** Stops after the record being written; what is still queued is not written. */
    void stop() {
        stopRequested = true;
    }

    long written() {
        return written;
    }

    long skipped() {
        return skipped;
    }

    /** CPU time the writing thread used, once it has ended. */
    long cpuNanos() {
        return cpuNanos;
    }

    @Override
    public void close() {
        stop();
        join();
    }

    private void put(List<Item> items) {
        try {
            while (!queue.offer(items, 100, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
                if (stopRequested || !thread.isAlive()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested = true;
        }
    }

    private void rethrowFailure() {
        if (failure != null) {
            throw failure;
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeAll() {
        try {
            while (!stopRequested) {
                List<Item> items = queue.poll(100, TimeUnit.MILLISECONDS);
                if (items == END) {
                    return;
                }
                if (items != null) {
                    write(items);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            failure = new ExportFailedException("--output: cannot write " + options.outputName() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
    }

    private void write(List<Item> items) throws IOException {
        for (Item item : items) {
            if (stopRequested) {
                return;
            }
            try {
                writer.write(item.event(), item.wire());
                written++;
            } catch (AvroJson.NotJsonException e) {
                String where = options.topic() + " partition " + item.partition() + " offset " + item.offset() + " " + e.getMessage();
                if (!options.skipUndecodable()) {
                    throw new ExportFailedException(where + "; the output ends before it (--skip-undecodable skips such records)");
                }
                skipped++;
                progress.skipped(where);
            }
        }
    }
}

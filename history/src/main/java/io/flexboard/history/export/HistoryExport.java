package io.flexboard.history.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.EventTypeNames;
import io.flexboard.schemas.wire.EventCodec;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One export run: finds the offset range of each partition, reads it by assignment and writes every event in
 * range that passes the filters. It has no {@code group.id}, so it joins no consumer group, commits nothing
 * and never appears in a lag report. The calling thread polls, decodes and filters; a {@link WritingThread}
 * formats and writes. Memory stays bounded whatever the range: the consumer's fetch sizes and a few small
 * batches between the two threads; nothing is collected.
 */
public final class HistoryExport {

    /**
     * Records per poll and bytes per fetch: large enough that round trips to the broker cost little, small enough
     * that the heap the consumer needs stays a few tens of MiB (about two fetch responses and one poll's records).
     */
    static final int MAX_POLL_RECORDS = 1000;
    static final int FETCH_MAX_BYTES = 4 * 1024 * 1024;
    static final int MAX_PARTITION_FETCH_BYTES = 1024 * 1024;
    private static final Duration POLL = Duration.ofMillis(500);

    private final ExportOptions options;
    private final OutputStream stdout;
    private final Progress progress;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile Consumer<byte[], byte[]> consumer;
    private volatile WritingThread writing;

    HistoryExport(ExportOptions options, OutputStream stdout, Progress progress) {
        this.options = options;
        this.stdout = stdout;
        this.progress = progress;
    }

    /**
     * Runs the export to the end of the range, or until {@link #stop()}.
     *
     * @throws ExportFailedException when the broker, the topic, a record or the output fails the export
     */
    public ExportSummary run() {
        long startNanos = System.nanoTime();
        try (Consumer<byte[], byte[]> kafka = openConsumer()) {
            consumer = kafka;
            List<PartitionRange> ranges = findRanges(kafka);
            Reading reading = new Reading(ranges);
            if (stopRequested) {
                // Stopped while looking the range up: nothing was read, no output is created.
                return finish(reading, startNanos);
            }
            progress.start(options, new ExportSummary(ranges, 0, 0, 0, 0, Duration.ZERO, false));
            // Closed in reverse order: the writing thread has stopped before the output is flushed and closed.
            try (EventWriter writer = EventWriter.open(options.format(), openOutput(), options.avroCodec());
                 WritingThread thread = new WritingThread(writer, options, progress)) {
                writing = thread;
                if (stopRequested) {
                    thread.stop();
                }
                read(kafka, reading, thread);
            } catch (IOException e) {
                throw new ExportFailedException("--output: cannot write " + options.outputName() + ": " + e.getMessage(), e);
            }
            return finish(reading, startNanos);
        } finally {
            consumer = null;
            finished.countDown();
        }
    }

    private ExportSummary finish(Reading reading, long startNanos) {
        WritingThread thread = writing;
        long written = thread == null ? 0 : thread.written();
        long skipped = reading.skipped + (thread == null ? 0 : thread.skipped());
        ExportSummary summary = new ExportSummary(reading.ranges, reading.read(), written, reading.filtered,
                skipped, Duration.ofNanos(System.nanoTime() - startNanos), stopRequested && !reading.done());
        progress.finish(summary, options, options.stats() ? Optional.of(new Progress.ThreadTimes(
                ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(), thread == null ? 0 : thread.cpuNanos())) : Optional.empty());
        return summary;
    }

    /** Asks a running export to stop after the record it is writing; safe from any thread (a shutdown hook). */
    public void stop() {
        stopRequested = true;
        WritingThread thread = writing;
        if (thread != null) {
            thread.stop();
        }
        Consumer<byte[], byte[]> running = consumer;
        if (running != null) {
            running.wakeup();
        }
    }

    /** Waits until {@link #run()} has closed the output and printed its summary, or the timeout passed. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Consumer<byte[], byte[]> openConsumer() {
        try {
            return new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        } catch (KafkaException e) {
            // Mostly a host name that does not resolve: Kafka checks the bootstrap list when the client is made.
            throw new ExportFailedException("--bootstrap-servers: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "flexboard-history-export");
        // No group.id: no group to join, nothing to commit, invisible to lag monitors.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // Every position is set by seek(); a position the broker no longer has must fail, not jump silently.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_MAX_BYTES);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_PARTITION_FETCH_BYTES);
        config.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024);
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis());
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis);
        return config;
    }

    private List<PartitionRange> findRanges(Consumer<byte[], byte[]> kafka) {
        try {
            Map<String, List<PartitionInfo>> topics = kafka.listTopics(options.timeout());
            List<PartitionInfo> partitions = topics.get(options.topic());
            if (partitions == null || partitions.isEmpty()) {
                throw new ExportFailedException("--topic: there is no topic '" + options.topic() + "' on "
                        + options.bootstrapServers() + " (topics there: " + String.join(", ", topics.keySet().stream().sorted().toList()) + ")");
            }
            int partitionCount = partitions.size();
            List<Integer> wanted = options.tenants().isEmpty()
                    ? partitions.stream().map(PartitionInfo::partition).sorted().toList()
                    : TenantPartitions.partitionsOf(options.tenants(), partitionCount);
            // Assigned before the lookups: the consumer keeps the offsets it learns only for its own partitions.
            kafka.assign(wanted.stream().map(p -> new TopicPartition(options.topic(), p)).toList());
            return RangeFinder.find(kafka, options.topic(), wanted, options.from(), options.to(), options.timeout());
        } catch (TimeoutException e) {
            throw new ExportFailedException("--bootstrap-servers: no Kafka broker answered at " + options.bootstrapServers()
                    + " within " + options.timeout().toSeconds() + " s (--timeout)", e);
        } catch (WakeupException e) {
            return List.of();
        } catch (KafkaException e) {
            throw new ExportFailedException("--bootstrap-servers: Kafka at " + options.bootstrapServers() + " refused: " + e.getMessage(), e);
        }
    }

    private OutputStream openOutput() throws IOException {
        Optional<Path> file = options.output();
        OutputStream raw = file.isPresent() ? Files.newOutputStream(file.get()) : stdout;
        return new BufferedOutputStream(raw, 256 * 1024);
    }

    private void read(Consumer<byte[], byte[]> kafka, Reading reading, WritingThread writer) {
        reading.ranges.forEach(range -> kafka.seek(reading.topicPartition(range), range.start()));
        reading.pauseFinished(kafka);
        long lastMoveNanos = System.nanoTime();
        try {
            while (!reading.done() && !stopRequested) {
                long readBefore = reading.read();
                ConsumerRecords<byte[], byte[]> records = kafka.poll(POLL);
                for (TopicPartition partition : records.partitions()) {
                    long end = reading.range(partition.partition()).end();
                    for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                        if (record.offset() >= end || stopRequested) {
                            break;
                        }
                        export(record, reading, writer);
                        reading.positions[record.partition()] = record.offset() + 1;
                    }
                }
                if (stopRequested) {
                    return;
                }
                writer.handOver();
                reading.advance(kafka);
                if (reading.read() > readBefore) {
                    lastMoveNanos = System.nanoTime();
                } else if (System.nanoTime() - lastMoveNanos > options.timeout().toNanos()) {
                    writer.finish();
                    throw new ExportFailedException("--bootstrap-servers: Kafka at " + options.bootstrapServers()
                            + " sent no records for " + options.timeout().toSeconds() + " s (--timeout) though "
                            + (reading.total - reading.read()) + " offsets remain in range");
                }
                progress.update(reading.read(), writer.written());
            }
            if (!stopRequested) {
                writer.finish();
            }
        } catch (WakeupException e) {
            // stop() woke a blocking consumer call; the records written so far are whole.
        }
    }

    private void export(ConsumerRecord<byte[], byte[]> record, Reading reading, WritingThread writer) {
        // Another tenant on the same partition: skipped by its key (the tenant id), without decoding it.
        if (!reading.tenantKeys.isEmpty() && (record.key() == null || !reading.tenantKeys.contains(new String(record.key(), StandardCharsets.UTF_8)))) {
            reading.filtered++;
            return;
        }
        EventEnvelope event;
        try {
            event = EventCodec.instance().decode(record.value());
        } catch (RuntimeException e) {
            String where = record.topic() + " partition " + record.partition() + " offset " + record.offset();
            String problem = where + " cannot be decoded as an event envelope (" + e + ")";
            if (!options.skipUndecodable()) {
                // Everything before it is written first, so the output ends right before the record.
                writer.finish();
                throw new ExportFailedException(problem + "; the output ends before it (--skip-undecodable skips such records)");
            }
            reading.skipped++;
            progress.skipped(problem);
            return;
        }
        Instant occurredAt = event.getOccurredAt();
        boolean inRange = !occurredAt.isBefore(options.from().orElse(Instant.MIN)) && occurredAt.isBefore(options.to());
        if (!inRange || !options.types().isEmpty() && !options.types().contains(EventTypeNames.of((IndexedRecord) event.getPayload()))) {
            reading.filtered++;
            return;
        }
        writer.add(event, record.value(), record.partition(), record.offset());
    }

    /** The state of one run's reading: the ranges, each partition's position, the counters. */
    private final class Reading {
        final List<PartitionRange> ranges;
        /** Indexed by partition number, like {@link #positions}: a lookup per record must stay cheap. */
        private final PartitionRange[] byPartition;
        final long[] positions;
        private final boolean[] finished;
        private int finishedCount;
        final Set<String> tenantKeys = options.tenants();
        final long total;
        long filtered;
        long skipped;

        Reading(List<PartitionRange> ranges) {
            this.ranges = ranges;
            int size = ranges.stream().mapToInt(PartitionRange::partition).max().orElse(-1) + 1;
            byPartition = new PartitionRange[size];
            positions = new long[size];
            finished = new boolean[size];
            ranges.forEach(range -> {
                byPartition[range.partition()] = range;
                positions[range.partition()] = range.start();
            });
            total = ranges.stream().mapToLong(PartitionRange::size).sum();
        }

        PartitionRange range(int partition) {
            return byPartition[partition];
        }

        TopicPartition topicPartition(PartitionRange range) {
            return new TopicPartition(options.topic(), range.partition());
        }

        /**
         * Takes each unfinished partition's position from the consumer, which also steps over offsets that hold
         * no record (compaction, transaction markers). Pauses partitions at their end.
         */
        void advance(Consumer<byte[], byte[]> kafka) {
            for (PartitionRange range : ranges) {
                int partition = range.partition();
                if (!finished[partition]) {
                    long position = Math.min(kafka.position(topicPartition(range)), range.end());
                    positions[partition] = Math.max(positions[partition], position);
                }
            }
            pauseFinished(kafka);
        }

        void pauseFinished(Consumer<byte[], byte[]> kafka) {
            List<TopicPartition> reached = new ArrayList<>();
            for (PartitionRange range : ranges) {
                int partition = range.partition();
                if (!finished[partition] && positions[partition] >= range.end()) {
                    finished[partition] = true;
                    finishedCount++;
                    reached.add(topicPartition(range));
                }
            }
            if (!reached.isEmpty()) {
                kafka.pause(reached);
            }
        }

        long read() {
            long read = 0;
            for (PartitionRange range : ranges) {
                read += positions[range.partition()] - range.start();
            }
            return read;
        }

        boolean done() {
            return finishedCount == ranges.size();
        }
    }
}

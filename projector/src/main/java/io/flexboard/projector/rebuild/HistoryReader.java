package io.flexboard.projector.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads {@code flexboard.events} by partition assignment, from the offsets the rebuild stored: no
 * consumer group, no offset commits, so it shows up in no lag report and never rebalances the live
 * projector's group. Not thread-safe, like the consumer it wraps: only the rebuild's own thread uses it.
 */
final class HistoryReader implements AutoCloseable {

    private final KafkaConsumer<String, EventEnvelope> consumer;
    private final IntPredicate mine;
    private final Map<TopicPartition, Long> beginnings = new HashMap<>();

    /** Reads the partitions whose number {@code mine} accepts (a rebuild's lane). */
    HistoryReader(Map<String, Object> consumerConfig, IntPredicate mine) {
        this.consumer = new KafkaConsumer<>(consumerConfig);
        this.mine = mine;
    }

    /**
     * Assigns every partition of its own the topic has now that is not assigned yet, positioned at its stored
     * next offset or, for one never read, at its beginning. Returns the new partitions' beginnings
     * (the rebuild stores them as their first offsets); partitions added to the topic during a
     * rebuild are picked up by the next call.
     */
    Map<TopicPartition, Long> assignNew(Map<Integer, Long> stored) {
        List<TopicPartition> all = new ArrayList<>();
        for (PartitionInfo partition : consumer.partitionsFor(Topics.EVENTS)) {
            if (mine.test(partition.partition())) {
                all.add(new TopicPartition(Topics.EVENTS, partition.partition()));
            }
        }
        List<TopicPartition> added = all.stream().filter(partition -> !beginnings.containsKey(partition)).toList();
        if (added.isEmpty()) {
            return Map.of();
        }
        List<TopicPartition> assignment = new ArrayList<>(beginnings.keySet());
        assignment.addAll(added);
        // Assigned before its offsets are asked, or a read_committed consumer warns of an unassigned partition.
        consumer.assign(assignment);
        Map<TopicPartition, Long> addedBeginnings = consumer.beginningOffsets(added);
        beginnings.putAll(addedBeginnings);
        Map<TopicPartition, Long> unstored = new HashMap<>();
        for (TopicPartition partition : added) {
            Long next = stored.get(partition.partition());
            if (next == null) {
                unstored.put(partition, addedBeginnings.get(partition));
                consumer.seek(partition, addedBeginnings.get(partition));
            } else {
                consumer.seek(partition, next);
            }
        }
        return unstored;
    }

    Set<TopicPartition> partitions() {
        return beginnings.keySet();
    }

    long beginning(TopicPartition partition) {
        return beginnings.get(partition);
    }

    /** The offsets a read_committed consumer can reach now (the last stable offsets). */
    Map<TopicPartition, Long> ends() {
        return beginnings.isEmpty() ? Map.of() : consumer.endOffsets(beginnings.keySet());
    }

    ConsumerRecords<String, EventEnvelope> poll(Duration timeout) {
        return consumer.poll(timeout);
    }

    /** The next offset the consumer will read; past transaction markers, unlike the last record's offset + 1. */
    long position(TopicPartition partition) {
        return consumer.position(partition);
    }

    /** Reads the partition again from {@code offset} (an event the rebuild may not apply yet, a failed batch). */
    void seek(TopicPartition partition, long offset) {
        consumer.seek(partition, offset);
    }

    void pause(TopicPartition partition) {
        consumer.pause(List.of(partition));
    }

    void resumeAll() {
        consumer.resume(consumer.paused());
    }

    /** Makes a poll in progress return at once (the projector is stopping). */
    void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}

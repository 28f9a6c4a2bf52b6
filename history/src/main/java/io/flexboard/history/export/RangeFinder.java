package io.flexboard.history.export;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns a time range into offsets per partition with Kafka's time index. The start is the first record whose
 * timestamp is at or after {@code from}; the end is the first record at or after {@code to}, or the end offset
 * taken before that lookup when no record is that late. Fixing the end before reading is what lets the export
 * stop at the range's end while producers keep appending.
 */
final class RangeFinder {

    private RangeFinder() {
    }

    static List<PartitionRange> find(Consumer<?, ?> consumer, String topic, List<Integer> partitions,
                                     Optional<Instant> from, Instant to, Duration timeout) {
        List<TopicPartition> topicPartitions = partitions.stream().map(p -> new TopicPartition(topic, p)).toList();
        Map<TopicPartition, Long> ends = consumer.endOffsets(topicPartitions, timeout);
        Map<TopicPartition, Long> starts = from.isPresent()
                ? offsetsAt(consumer, topicPartitions, from.get(), ends, timeout)
                : consumer.beginningOffsets(topicPartitions, timeout);
        Map<TopicPartition, Long> stops = offsetsAt(consumer, topicPartitions, to, ends, timeout);
        List<PartitionRange> ranges = new ArrayList<>();
        for (TopicPartition partition : topicPartitions) {
            // A record appended after the end offsets were taken can be the one at or after `to`: never past the end.
            long end = Math.min(stops.get(partition), ends.get(partition));
            long start = Math.min(starts.get(partition), end);
            ranges.add(new PartitionRange(partition.partition(), start, end));
        }
        return ranges;
    }

    /** The first offset whose record timestamp is at or after {@code at}; the end offset when there is none. */
    private static Map<TopicPartition, Long> offsetsAt(Consumer<?, ?> consumer, List<TopicPartition> partitions,
                                                       Instant at, Map<TopicPartition, Long> ends, Duration timeout) {
        Map<TopicPartition, Long> query = new HashMap<>();
        // Kafka refuses negative target times; every record's timestamp is at or after the epoch anyway.
        long timestamp = Math.max(0, at.toEpochMilli());
        partitions.forEach(p -> query.put(p, timestamp));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, timeout);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp hit = found.get(partition);
            offsets.put(partition, hit == null ? ends.get(partition) : hit.offset());
        }
        return offsets;
    }
}

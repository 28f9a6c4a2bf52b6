package io.flexboard.queryapi.ops.kafka;

import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group as the broker describes it: the partitions its members own now and the
 * partitions it has committed offsets for.
 */
public record ObservedGroup(String group, boolean rebalancing, Set<TopicPartition> assigned, List<ObservedPartition> partitions) {

    /**
     * Whether a member consumes the partition. While the group rebalances, ownership is in flux and
     * the benefit of the doubt goes to the group, so a restart or a scale-out does not read as STOP.
     */
    public boolean consumes(TopicPartition partition) {
        return rebalancing || assigned.contains(partition);
    }
}

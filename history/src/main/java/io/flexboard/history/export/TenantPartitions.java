package io.flexboard.history.export;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import org.apache.kafka.common.utils.Utils;

/**
 * Which partition holds a tenant's events. Every producer of the events topic (command-api's relay) keys a
 * record with the tenant id as UTF-8 text and leaves the partition to Kafka's default partitioner, which
 * picks {@code toPositive(murmur2(key)) % partitions}. A producer with another partitioner, or a topic whose
 * partition count grew after events were written, would break this assumption (docs/history.md).
 */
final class TenantPartitions {

    private TenantPartitions() {
    }

    static int partitionOf(String tenantId, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(tenantId.getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }

    /** The partitions that hold any of the tenants, in ascending order. */
    static List<Integer> partitionsOf(Collection<String> tenantIds, int partitionCount) {
        return tenantIds.stream().map(t -> partitionOf(t, partitionCount)).distinct().sorted().toList();
    }
}

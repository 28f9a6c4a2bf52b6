package io.flexboard.queryapi.ops.kafka;

import io.flexboard.queryapi.ops.LagSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Looks at Flexboard's consumer groups from outside, with Kafka's admin client: who is a member,
 * what each group committed, where each partition ends, and how old the oldest unconsumed record
 * is. Blocking; only the lag monitor's own thread calls it. The admin client is opened on first
 * use and reopened after a failure, so query-api starts and answers without a broker.
 */
@Component
public class ConsumerGroupProbe implements DisposableBean {

    private static final Set<GroupState> REBALANCING = EnumSet.of(GroupState.PREPARING_REBALANCE,
            GroupState.COMPLETING_REBALANCE, GroupState.ASSIGNING, GroupState.RECONCILING);

    private final Map<String, Object> adminProperties;
    private final OldestUnconsumedRecords oldestUnconsumed;
    private final List<String> groups;
    private final String discoverPrefix;
    private final Duration timeout;
    private Admin admin;

    public ConsumerGroupProbe(KafkaProperties kafka, LagSettings settings) {
        Map<String, Object> properties = new HashMap<>(kafka.buildAdminProperties());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "flexboard-lag-monitor");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.timeout().toMillis());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.timeout().toMillis());
        this.adminProperties = Map.copyOf(properties);
        this.oldestUnconsumed = new OldestUnconsumedRecords(kafka.buildConsumerProperties(), settings.timeout());
        this.groups = List.copyOf(settings.groups());
        this.discoverPrefix = settings.discoverPrefix();
        this.timeout = settings.timeout();
    }

    /** The configured groups and those named with the discovery prefix, sorted by name. */
    public List<ObservedGroup> observe() throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return observe(admin());
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            closeAdmin();
            throw e;
        }
    }

    private List<ObservedGroup> observe(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> names = groupNames(admin);
        Map<String, KafkaFuture<ConsumerGroupDescription>> descriptions = admin.describeConsumerGroups(names,
                new DescribeConsumerGroupsOptions().timeoutMs(timeoutMs())).describedGroups();
        Map<String, ListConsumerGroupOffsetsSpec> everyPartition = new HashMap<>();
        names.forEach(name -> everyPartition.put(name, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = await(admin.listConsumerGroupOffsets(everyPartition,
                new ListConsumerGroupOffsetsOptions().timeoutMs(timeoutMs())).all());

        Set<TopicPartition> partitions = new HashSet<>();
        committed.values().forEach(offsets -> partitions.addAll(offsets.keySet()));
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = await(admin.listOffsets(latest,
                new ListOffsetsOptions().timeoutMs(timeoutMs())).all());

        List<ObservedGroup> observed = new ArrayList<>();
        for (String name : names) {
            observed.add(group(name, await(descriptions.get(name)), committed.getOrDefault(name, Map.of()), ends));
        }
        return observed;
    }

    private Set<String> groupNames(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> names = new TreeSet<>(groups);
        if (!discoverPrefix.isEmpty()) {
            for (GroupListing listing : await(admin.listGroups(ListGroupsOptions.forConsumerGroups().timeoutMs(timeoutMs())).all())) {
                if (listing.groupId().startsWith(discoverPrefix)) {
                    names.add(listing.groupId());
                }
            }
        }
        return names;
    }

    private ObservedGroup group(String name, ConsumerGroupDescription description, Map<TopicPartition, OffsetAndMetadata> committed,
            Map<TopicPartition, ListOffsetsResultInfo> ends) {
        Map<TopicPartition, Long> behind = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null && ends.get(partition).offset() > offset.offset()) {
                behind.put(partition, offset.offset());
            }
        });
        Map<TopicPartition, Instant> oldest = oldestUnconsumed.at(behind);
        List<ObservedPartition> partitions = new ArrayList<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                partitions.add(new ObservedPartition(partition, offset.offset(), ends.get(partition).offset(), oldest.get(partition)));
            }
        });
        partitions.sort(Comparator.comparing((ObservedPartition p) -> p.partition().topic()).thenComparing(p -> p.partition().partition()));
        if (description == null) {
            return new ObservedGroup(name, false, Set.of(), partitions);
        }
        Set<TopicPartition> assigned = new HashSet<>();
        for (MemberDescription member : description.members()) {
            assigned.addAll(member.assignment().topicPartitions());
        }
        return new ObservedGroup(name, REBALANCING.contains(description.groupState()), assigned, partitions);
    }

    /** The future's value; a group the broker does not know is answered as null (no members). */
    private <T> T await(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return future.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return null;
            }
            throw e;
        }
    }

    private int timeoutMs() {
        return (int) timeout.toMillis();
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminProperties);
        }
        return admin;
    }

    private void closeAdmin() {
        if (admin != null) {
            admin.close(Duration.ZERO);
            admin = null;
        }
    }

    @Override
    public void destroy() {
        closeAdmin();
    }
}

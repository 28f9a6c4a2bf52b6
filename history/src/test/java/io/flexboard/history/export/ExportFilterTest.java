package io.flexboard.history.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.LongStream;

import io.flexboard.fold.EventHistory;
import io.flexboard.fold.TenantStory;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.event.DraftSavedEvent;
import io.flexboard.schemas.event.VersionPublishedEvent;
import io.flexboard.schemas.event.WidgetsReplacedEvent;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import tools.jackson.databind.JsonNode;

/** --tenant reads only the partitions the tenants' keys map to; --tenant and --type keep only their events. */
@EmbeddedKafka
class ExportFilterTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static EmbeddedKafkaBroker broker;
    private static EventHistory history;
    private static List<TenantStory> tenants;
    private static List<RecordMetadata> landed;

    @TempDir
    Path dir;

    @BeforeAll
    static void twelveTenantsOnSixPartitions() {
        broker = EmbeddedKafkaCondition.getBroker();
        history = new EventHistory(START, Duration.ofMinutes(1));
        tenants = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tenants.add(history.newTenant("Tenant" + i).withPublishedDashboard("Sales").withPublishedDashboard("Ops"));
        }
        try (EventsTopic topic = EventsTopic.create(broker, "filters")) {
            landed = topic.send(history.events());
        }
    }

    @Test
    void given_one_tenant_when_exported_then_only_its_events_and_only_its_partition_are_read() throws Exception {
        TenantStory acme = tenants.get(3);
        int acmePartition = partitionOf(acme);
        Path output = dir.resolve("acme.jsonl");

        ExportSummary summary = export("--tenant=" + acme.tenantId, "--format=jsonl", "--output=" + output);

        List<JsonNode> lines = JsonLines.read(output);
        assertThat(JsonLines.eventIds(lines)).containsExactlyElementsOf(acme.events().stream().map(EventEnvelope::getEventId).toList());
        assertThat(lines).extracting(line -> line.get("sequence").asLong())
                .containsExactlyElementsOf(LongStream.range(0, acme.events().size()).boxed().toList());
        // The partition the producer's default partitioner chose is the one the tool computed, and the only one read.
        assertThat(summary.partitions()).containsExactly(acmePartition);
        assertThat(TenantPartitions.partitionOf(acme.tenantId, EventsTopic.PARTITIONS)).isEqualTo(acmePartition);
        long onThatPartition = landed.stream().filter(m -> m.partition() == acmePartition).count();
        assertThat(summary.read()).isEqualTo(onThatPartition);
        assertThat(summary.filtered()).isEqualTo(onThatPartition - acme.events().size());
    }

    @Test
    void given_two_tenants_when_exported_then_both_tenants_events_and_their_partitions_only() throws Exception {
        TenantStory first = tenants.get(0);
        TenantStory second = tenants.get(7);
        Path output = dir.resolve("two.jsonl");

        ExportSummary summary = export("--tenant=" + first.tenantId, "--tenant=" + second.tenantId.toUpperCase(),
                "--format=jsonl", "--output=" + output);

        List<String> expected = new ArrayList<>();
        first.events().forEach(e -> expected.add(e.getEventId()));
        second.events().forEach(e -> expected.add(e.getEventId()));
        assertThat(JsonLines.eventIds(JsonLines.read(output))).containsExactlyInAnyOrderElementsOf(expected);
        // The two tenants may share a partition (their ids are random): a set, not Set.of, which refuses duplicates.
        assertThat(summary.partitions()).containsExactlyInAnyOrderElementsOf(new HashSet<>(List.of(partitionOf(first), partitionOf(second))));
    }

    @Test
    void given_types_when_exported_then_only_events_of_those_types() throws Exception {
        Path output = dir.resolve("types.jsonl");

        ExportSummary summary = export("--type=version_published,draft_saved", "--format=jsonl", "--output=" + output);

        List<String> expected = history.events().stream()
                .filter(e -> e.getPayload() instanceof VersionPublishedEvent || e.getPayload() instanceof DraftSavedEvent)
                .map(EventEnvelope::getEventId).toList();
        List<JsonNode> lines = JsonLines.read(output);
        assertThat(JsonLines.eventIds(lines)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(lines).extracting(line -> line.get("type").asString()).containsOnly("version_published", "draft_saved");
        assertThat(summary.partitions()).hasSize(EventsTopic.PARTITIONS);
        assertThat(summary.filtered()).isEqualTo(history.events().size() - expected.size());
    }

    @Test
    void given_a_tenant_a_type_and_a_range_when_exported_then_events_that_pass_every_filter() throws Exception {
        TenantStory tenant = tenants.get(5);
        Instant from = tenant.events().get(4).getOccurredAt();
        Path output = dir.resolve("combined.jsonl");

        export("--tenant=" + tenant.tenantId, "--type=widgets_replaced", "--from=" + from, "--format=jsonl", "--output=" + output);

        List<String> expected = tenant.events().stream()
                .filter(e -> !e.getOccurredAt().isBefore(from))
                .filter(e -> e.getPayload() instanceof WidgetsReplacedEvent)
                .map(EventEnvelope::getEventId).toList();
        assertThat(expected).hasSize(1);
        assertThat(JsonLines.eventIds(JsonLines.read(output))).containsExactlyElementsOf(expected);
    }

    private static ExportSummary export(String... options) {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers=" + broker.getBrokersAsString(), "--topic=filters"));
        args.addAll(List.of(options));
        return Exports.run(args.toArray(String[]::new));
    }

    private static int partitionOf(TenantStory tenant) {
        int index = history.events().indexOf(tenant.events().get(0));
        return landed.get(index).partition();
    }
}

package io.flexboard.history.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.event.DraftSavedEvent;
import io.flexboard.schemas.wire.SchemaHistory;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import tools.jackson.databind.JsonNode;

/**
 * Events written with envelope schema v1 (before DraftSavedEvent had parent_version and restored_from_*) are
 * read through the newest schema by Avro resolution and exported in the current shape.
 */
@EmbeddedKafka
class OldEventsExportTest {

    private static final Schema V1 = SchemaHistory.envelopeSchemas().get(0);
    private static final String TENANT = "0b6d6f57-6c8e-4a8e-9f63-1d1f1f3d9a01";
    private static final String DASHBOARD = "5e0c1b7a-2f4d-4c8e-9a3b-6d7e8f9a0b1c";
    private static final Instant CREATED_AT = Instant.parse("2026-06-01T08:00:00Z");
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void aV1TenantWithADraftOnTheTopic() {
        broker = EmbeddedKafkaCondition.getBroker();
        GenericRecord created = payload("TenantCreatedEvent");
        created.put("tenant_id", TENANT);
        created.put("name", "Acme");
        created.put("slug", "acme");
        created.put("license_type", "basic");
        created.put("max_dashboards", 5);
        created.put("max_widgets_per_dashboard", 20);

        Schema metadataSchema = payloadSchema("DraftSavedEvent").getField("metadata").schema();
        GenericRecord dashboard = new GenericData.Record(metadataSchema.getField("dashboards").schema().getElementType());
        dashboard.put("dashboard_id", DASHBOARD);
        dashboard.put("name", "Sales");
        dashboard.put("slug", "sales");
        dashboard.put("description", null);
        GenericRecord widget = new GenericData.Record(metadataSchema.getField("widgets").schema().getElementType());
        widget.put("widget_id", "9d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a");
        widget.put("dashboard_id", DASHBOARD);
        widget.put("name", "sales-by-month");
        widget.put("widget_type", "bar");
        widget.put("config_json", "{\"query\":\"SELECT month, total FROM sales\",\"type\":\"bar\"}");
        widget.put("position_x", 0);
        widget.put("position_y", 0);
        widget.put("width", 6);
        widget.put("height", 4);
        GenericRecord metadata = new GenericData.Record(metadataSchema);
        metadata.put("dashboards", List.of(dashboard));
        metadata.put("widgets", List.of(widget));
        GenericRecord draft = payload("DraftSavedEvent");
        draft.put("tenant_id", TENANT);
        draft.put("version_id", "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d");
        draft.put("version", 1);
        draft.put("message", "first");
        draft.put("created_by", "admin");
        draft.put("metadata", metadata);

        try (EventsTopic topic = EventsTopic.create(broker, "old-events")) {
            topic.sendRaw(TENANT, CREATED_AT, v1Bytes(envelope(0, CREATED_AT, created)));
            topic.sendRaw(TENANT, CREATED_AT.plusSeconds(60), v1Bytes(envelope(1, CREATED_AT.plusSeconds(60), draft)));
        }
    }

    @Test
    void given_v1_events_when_exported_as_json_lines_then_they_have_the_current_shape_with_the_new_fields_at_their_defaults() throws Exception {
        Path output = dir.resolve("old.jsonl");

        export("--format=jsonl", "--output=" + output);

        List<JsonNode> lines = JsonLines.read(output);
        assertThat(lines).extracting(line -> line.get("type").asString()).containsExactly("tenant_created", "draft_saved");
        JsonNode draft = lines.get(1).get("payload");
        assertThat(draft.get("version").asInt()).isEqualTo(1);
        assertThat(draft.has("parent_version")).isTrue();
        assertThat(draft.get("parent_version").isNull()).isTrue();
        assertThat(draft.get("restored_from_version_id").isNull()).isTrue();
        assertThat(draft.get("metadata").get("widgets").get(0).get("config").get("type").asString()).isEqualTo("bar");
        assertThat(lines.get(1).get("occurred_at").asString()).isEqualTo("2026-06-01T08:01:00Z");
    }

    @Test
    void given_v1_events_when_exported_as_avro_then_the_file_holds_them_under_the_current_schema() throws Exception {
        Path output = dir.resolve("old.avro");

        export("--format=avro", "--output=" + output);

        try (DataFileReader<GenericRecord> file = new DataFileReader<>(output.toFile(), new GenericDatumReader<>())) {
            assertThat(file.getSchema()).isEqualTo(EventEnvelope.getClassSchema()).isNotEqualTo(V1);
            file.next();
            GenericRecord draft = (GenericRecord) file.next().get("payload");
            assertThat(draft.getSchema()).isEqualTo(DraftSavedEvent.getClassSchema());
            assertThat(draft.get("parent_version")).isNull();
            assertThat(draft.get("version")).isEqualTo(1);
            assertThat(file.hasNext()).isFalse();
        }
    }

    private static void export(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "--bootstrap-servers=" + broker.getBrokersAsString();
        args[1] = "--topic=old-events";
        System.arraycopy(options, 0, args, 2, options.length);
        Exports.run(args);
    }

    private static GenericRecord payload(String name) {
        return new GenericData.Record(payloadSchema(name));
    }

    private static Schema payloadSchema(String name) {
        return V1.getField("payload").schema().getTypes().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
    }

    private static GenericRecord envelope(long sequence, Instant at, GenericRecord payload) {
        GenericRecord envelope = new GenericData.Record(V1);
        envelope.put("event_id", UUID.randomUUID().toString());
        envelope.put("tenant_id", TENANT);
        envelope.put("aggregate_sequence", sequence);
        envelope.put("occurred_at", at.toEpochMilli());
        envelope.put("actor", "admin");
        envelope.put("correlation_id", "corr-" + sequence);
        envelope.put("payload", payload);
        return envelope;
    }

    /** Avro single-object encoding with the v1 schema: what command-api wrote before v2 existed. */
    private static byte[] v1Bytes(GenericRecord envelope) {
        try {
            ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), V1).encode(envelope);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

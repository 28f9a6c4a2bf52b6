package io.flexboard.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.PublishedConfiguration;
import io.flexboard.schemas.event.ApiKeyIssuedEvent;
import io.flexboard.schemas.event.ApiKeyRevokedEvent;
import io.flexboard.schemas.event.DraftSavedEvent;
import io.flexboard.schemas.event.TenantCreatedEvent;
import io.flexboard.schemas.event.UserCreatedEvent;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final SingleObjectCodec<EventEnvelope> codec = EventCodec.instance();

    @Test
    void an_envelope_survives_the_round_trip() {
        EventEnvelope envelope = tenantCreated("6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f001");

        EventEnvelope decoded = codec.decode(codec.encode(envelope));

        assertThat(decoded).isEqualTo(envelope);
    }

    @Test
    void the_wire_format_is_single_object_encoding() {
        byte[] bytes = codec.encode(tenantCreated("6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f001"));

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
    }

    /** A user's event names its signed-in actor; the password hash has no field to travel in. */
    @Test
    void a_user_event_with_its_actor_survives_the_round_trip() {
        String userId = "5d2b1c1e-0000-4000-8000-000000000001";
        EventEnvelope envelope = EventEnvelope.newBuilder(tenantCreated(userId))
                .setActorId("5d2b1c1e-0000-4000-8000-000000000002")
                .setActorEmail("ops@vendor.example")
                .setPayload(UserCreatedEvent.newBuilder().setUserId(userId).setEmail("Ann@Example.com").setName("Ann")
                        .setRole("tenant-admin").setTenantIds(List.of("6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f001"))
                        .setHasPassword(true).build())
                .build();

        EventEnvelope decoded = codec.decode(codec.encode(envelope));

        assertThat(decoded).isEqualTo(envelope);
        assertThat(UserCreatedEvent.getClassSchema().getFields()).noneMatch(field -> field.name().contains("password_hash"));
    }

    /** Bytes kept in the repository since schema v1 must decode with whatever the schemas are now. */
    @Test
    void bytes_written_with_schema_v1_still_decode() throws IOException {
        byte[] v1Bytes = fixture("tenant-created-v1.hex");

        EventEnvelope decoded = codec.decode(v1Bytes);

        assertThat(decoded.getEventId()).isEqualTo("0b6d6f57-6c8e-4a8e-9f63-1d1f1f3d9a01");
        assertThat(decoded.getPayload()).isInstanceOfSatisfying(TenantCreatedEvent.class, event -> {
            assertThat(event.getSlug()).isEqualTo("acme");
            assertThat(event.getMaxDashboards()).isEqualTo(5);
        });
    }

    /** Every historical schema, used as a writer, is resolved into the current classes. */
    @Test
    void events_written_with_every_historical_schema_decode_into_the_current_classes() throws IOException {
        List<Schema> history = SchemaHistory.envelopeSchemas();
        for (Schema writer : history) {
            GenericRecord payload = new GenericData.Record(writer.getField("payload").schema().getTypes().get(0));
            payload.put("tenant_id", "t-1");
            payload.put("name", "Acme");
            payload.put("slug", "acme");
            payload.put("license_type", "basic");
            payload.put("max_dashboards", 5);
            payload.put("max_widgets_per_dashboard", 20);

            EventEnvelope decoded = codec.decode(writtenWith(writer, payload));

            assertThat(decoded.getActorId()).as("events from before users name no user").isNull();
            assertThat(decoded.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
            assertThat(((TenantCreatedEvent) decoded.getPayload()).getName()).isEqualTo("Acme");
        }
    }

    /** The tenant's one key from before keys had names (envelope v3) reads as a key without a name: the fold calls it 'default'. */
    @Test
    void an_api_key_issued_before_keys_had_names_decodes_without_a_name() throws IOException {
        Schema v3 = SchemaHistory.envelopeSchemas().get(2);
        Schema issuedV3 = v3.getField("payload").schema().getTypes().get(1);
        assertThat(issuedV3.getName()).isEqualTo("ApiKeyIssuedEvent");
        assertThat(issuedV3.getField("name")).as("v3 has no key name").isNull();
        GenericRecord payload = new GenericData.Record(issuedV3);
        payload.put("tenant_id", "t-1");
        payload.put("key_id", "k-1");
        payload.put("key_hash", "ab".repeat(32));
        payload.put("key_prefix", "fbk_abcdef");

        EventEnvelope decoded = codec.decode(writtenWith(v3, payload));

        assertThat(decoded.getPayload()).isEqualTo(new ApiKeyIssuedEvent("t-1", "k-1", "ab".repeat(32), "fbk_abcdef", null));
    }

    /**
     * The published configuration was the record MetadataSnapshot up to envelope v4: a draft saved then
     * still reads, its configuration resolved into {@link PublishedConfiguration} through the schema's alias.
     */
    @Test
    void a_draft_saved_while_the_published_configuration_was_named_metadata_snapshot_still_decodes() throws IOException {
        Schema v4 = SchemaHistory.envelopeSchemas().get(3);
        Schema draftSavedV4 = v4.getField("payload").schema().getTypes().stream()
                .filter(event -> event.getName().equals("DraftSavedEvent")).findFirst().orElseThrow();
        Schema metadataV4 = draftSavedV4.getField("metadata").schema();
        assertThat(metadataV4.getFullName()).isEqualTo("io.flexboard.schemas.MetadataSnapshot");
        GenericRecord metadata = new GenericData.Record(metadataV4);
        metadata.put("dashboards", List.of());
        metadata.put("widgets", List.of());
        GenericRecord payload = new GenericData.Record(draftSavedV4);
        payload.put("tenant_id", "t-1");
        payload.put("version_id", "v-1");
        payload.put("version", 1);
        payload.put("created_by", "alice");
        payload.put("metadata", metadata);

        EventEnvelope decoded = codec.decode(writtenWith(v4, payload));

        assertThat(decoded.getPayload()).isInstanceOfSatisfying(DraftSavedEvent.class, draft ->
                assertThat(draft.getMetadata()).isEqualTo(new PublishedConfiguration(List.of(), List.of(), null)));
    }

    @Test
    void an_api_key_revocation_survives_the_round_trip() {
        EventEnvelope revoked = EventEnvelope.newBuilder(tenantCreated("6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f001"))
                .setPayload(new ApiKeyRevokedEvent("6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f001", "k-1"))
                .build();

        assertThat(codec.decode(codec.encode(revoked))).isEqualTo(revoked);
    }

    @Test
    void bytes_from_an_unknown_schema_are_refused_not_misread() {
        byte[] bytes = codec.encode(tenantCreated("6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f001"));
        bytes[5] ^= 0x55; // corrupt the fingerprint

        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(MissingSchemaException.class);
    }

    private static EventEnvelope tenantCreated(String tenantId) {
        return EventEnvelope.newBuilder()
                .setEventId("0b6d6f57-6c8e-4a8e-9f63-1d1f1f3d9a01")
                .setTenantId(tenantId)
                .setAggregateSequence(0)
                .setOccurredAt(Instant.parse("2026-11-25T10:00:00Z"))
                .setActor("admin")
                .setCorrelationId("corr-1")
                .setPayload(TenantCreatedEvent.newBuilder()
                        .setTenantId(tenantId).setName("Acme").setSlug("acme")
                        .setLicenseType("basic").setMaxDashboards(5).setMaxWidgetsPerDashboard(20)
                        .build())
                .build();
    }

    /** An envelope of {@code payload} as a producer with the older schema {@code writer} encoded it. */
    private static byte[] writtenWith(Schema writer, GenericRecord payload) throws IOException {
        GenericRecord envelope = new GenericData.Record(writer);
        envelope.put("event_id", "e-1");
        envelope.put("tenant_id", "t-1");
        envelope.put("aggregate_sequence", 1L);
        envelope.put("occurred_at", 1_700_000_000_000L);
        envelope.put("actor", "admin");
        envelope.put("correlation_id", "c-1");
        envelope.put("payload", payload);
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer).encode(envelope);
        return bytes.array();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = EventCodecTest.class.getResourceAsStream("/fixtures/" + name)) {
            return HexFormat.of().parseHex(new String(in.readAllBytes()).strip());
        }
    }
}

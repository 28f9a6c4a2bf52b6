package io.flexboard.fold;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.event.DraftSavedEvent;
import io.flexboard.schemas.wire.EventCodec;
import io.flexboard.schemas.wire.SchemaHistory;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeV1Test {

    @Test
    void given_a_draft_written_with_schema_v1_when_read_with_the_current_schema_then_it_is_the_same_draft_without_lineage() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", Instant.parse("2026-03-02T09:00:00Z"));
        String sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, TenantStory.widget(sales, "revenue", "kpi", 0, 0));
        acme.draftSaved("first");
        acme.draftSaved("second");
        EventEnvelope second = acme.events().get(4);

        byte[] v1 = EnvelopeV1.encode(second);
        EventEnvelope read = EventCodec.instance().decode(v1);

        long v1Fingerprint = SchemaNormalization.parsingFingerprint64(SchemaHistory.envelopeSchemas().get(0));
        assertThat(ByteBuffer.wrap(v1, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong()).isEqualTo(v1Fingerprint);
        DraftSavedEvent draft = (DraftSavedEvent) read.getPayload();
        assertThat(draft.getParentVersion()).as("v1 had no lineage").isNull();
        assertThat(draft.getMetadata()).isEqualTo(((DraftSavedEvent) second.getPayload()).getMetadata());
        assertThat(read.getOccurredAt()).isEqualTo(second.getOccurredAt());
    }

    @Test
    void given_an_event_type_schema_v1_did_not_have_when_encoded_then_it_is_refused() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", Instant.parse("2026-03-02T09:00:00Z"));
        acme.tenantPaused("unpaid");

        assertThatThrownBy(() -> EnvelopeV1.encode(acme.events().get(1))).isInstanceOf(IllegalArgumentException.class);
    }
}

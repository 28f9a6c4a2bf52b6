package io.flexboard.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class EventTypeNamesTest {

    @Test
    void every_payload_type_has_its_snake_case_name_in_union_order() {
        assertThat(EventTypeNames.all()).containsExactly("tenant_created", "api_key_issued", "dashboard_created", "widgets_replaced",
                "draft_saved", "version_published", "version_archived", "tenant_paused", "tenant_activated",
                "tenant_branding_set", "tenant_branding_cleared", "api_key_revoked", "user_created", "user_changed", "user_disabled");
    }

    @Test
    void every_member_of_the_payload_union_has_exactly_one_name() {
        var union = EventEnvelope.getClassSchema().getField("payload").schema().getTypes();

        assertThat(union).allSatisfy(type -> assertThat(EventTypeNames.of(type)).isNotBlank());
        assertThat(EventTypeNames.all()).hasSameSizeAs(union).doesNotHaveDuplicates();
    }

    @Test
    void a_record_outside_the_union_has_no_name() {
        Schema widget = Widget.getClassSchema();

        assertThatThrownBy(() -> EventTypeNames.of(widget)).isInstanceOf(IllegalArgumentException.class);
    }
}

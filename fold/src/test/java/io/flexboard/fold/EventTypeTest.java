package io.flexboard.fold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import io.flexboard.schemas.EventTypeNames;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void every_member_of_the_payload_union_is_exactly_one_event_type_in_union_order() {
        // EventTypeNames has one distinct name per union member (schemas' EventTypeNamesTest), so equal lists
        // leave no member without an event type, and none with two.
        assertThat(Arrays.stream(EventType.values()).map(EventType::wireName)).containsExactlyElementsOf(EventTypeNames.all());
    }

    @Test
    void a_name_finds_its_type_and_an_unknown_name_none() {
        assertThat(EventType.named("version_published")).contains(EventType.VERSION_PUBLISHED);
        assertThat(EventType.named("version_released")).isEmpty();
    }
}

package io.flexboard.history.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void everyPayloadTypeHasItsSnakeCaseNameInUnionOrder() {
        assertThat(EventTypes.all()).containsExactly("tenant_created", "api_key_issued", "dashboard_created", "widgets_replaced",
                "draft_saved", "version_published", "version_archived", "tenant_paused", "tenant_activated",
                "tenant_branding_set", "tenant_branding_cleared", "api_key_revoked", "user_created", "user_changed", "user_disabled");
    }
}

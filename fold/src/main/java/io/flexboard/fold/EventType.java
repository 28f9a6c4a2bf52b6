package io.flexboard.fold;

import java.util.Arrays;
import java.util.Optional;

import io.flexboard.schemas.event.ApiKeyIssuedEvent;
import io.flexboard.schemas.event.ApiKeyRevokedEvent;
import io.flexboard.schemas.event.DashboardCreatedEvent;
import io.flexboard.schemas.event.DraftSavedEvent;
import io.flexboard.schemas.event.TenantActivatedEvent;
import io.flexboard.schemas.event.TenantBrandingClearedEvent;
import io.flexboard.schemas.event.TenantBrandingSetEvent;
import io.flexboard.schemas.event.TenantCreatedEvent;
import io.flexboard.schemas.event.TenantPausedEvent;
import io.flexboard.schemas.event.UserChangedEvent;
import io.flexboard.schemas.event.UserCreatedEvent;
import io.flexboard.schemas.event.UserDisabledEvent;
import io.flexboard.schemas.event.VersionArchivedEvent;
import io.flexboard.schemas.event.VersionPublishedEvent;
import io.flexboard.schemas.event.WidgetsReplacedEvent;

/**
 * The kinds of event, with the stable snake_case name {@code event_history.event_type} and the
 * audit trail's {@code type} filter use. A name is a contract with analysts: never rename one.
 */
public enum EventType {
    TENANT_CREATED("tenant_created", TenantCreatedEvent.class),
    API_KEY_ISSUED("api_key_issued", ApiKeyIssuedEvent.class),
    DASHBOARD_CREATED("dashboard_created", DashboardCreatedEvent.class),
    WIDGETS_REPLACED("widgets_replaced", WidgetsReplacedEvent.class),
    DRAFT_SAVED("draft_saved", DraftSavedEvent.class),
    VERSION_PUBLISHED("version_published", VersionPublishedEvent.class),
    VERSION_ARCHIVED("version_archived", VersionArchivedEvent.class),
    TENANT_PAUSED("tenant_paused", TenantPausedEvent.class),
    TENANT_ACTIVATED("tenant_activated", TenantActivatedEvent.class),
    TENANT_BRANDING_SET("tenant_branding_set", TenantBrandingSetEvent.class),
    TENANT_BRANDING_CLEARED("tenant_branding_cleared", TenantBrandingClearedEvent.class),
    API_KEY_REVOKED("api_key_revoked", ApiKeyRevokedEvent.class),
    USER_CREATED("user_created", UserCreatedEvent.class),
    USER_CHANGED("user_changed", UserChangedEvent.class),
    USER_DISABLED("user_disabled", UserDisabledEvent.class);

    private final String wireName;
    private final Class<?> payloadType;

    EventType(String wireName, Class<?> payloadType) {
        this.wireName = wireName;
        this.payloadType = payloadType;
    }

    /** The stable name, e.g. {@code version_published}. */
    public String wireName() {
        return wireName;
    }

    /** The type of an envelope's payload. */
    public static EventType of(Object payload) {
        for (EventType type : values()) {
            if (type.payloadType.isInstance(payload)) {
                return type;
            }
        }
        throw new IllegalArgumentException("No event type for payload " + (payload == null ? null : payload.getClass().getName()));
    }

    /** The type with this stable name, if there is one. */
    public static Optional<EventType> named(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }
}

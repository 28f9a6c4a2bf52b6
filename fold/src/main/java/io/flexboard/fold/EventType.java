package io.flexboard.fold;

import java.util.Arrays;
import java.util.Optional;

import io.flexboard.schemas.EventTypeNames;
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
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The kinds of event the fold knows, one per member of the envelope's payload union (a switch over them does not
 * compile until a new one is folded). Their names are not kept here: {@link EventTypeNames} derives them from the
 * union, the same names the export writes.
 */
public enum EventType {
    TENANT_CREATED(TenantCreatedEvent.class),
    API_KEY_ISSUED(ApiKeyIssuedEvent.class),
    DASHBOARD_CREATED(DashboardCreatedEvent.class),
    WIDGETS_REPLACED(WidgetsReplacedEvent.class),
    DRAFT_SAVED(DraftSavedEvent.class),
    VERSION_PUBLISHED(VersionPublishedEvent.class),
    VERSION_ARCHIVED(VersionArchivedEvent.class),
    TENANT_PAUSED(TenantPausedEvent.class),
    TENANT_ACTIVATED(TenantActivatedEvent.class),
    TENANT_BRANDING_SET(TenantBrandingSetEvent.class),
    TENANT_BRANDING_CLEARED(TenantBrandingClearedEvent.class),
    API_KEY_REVOKED(ApiKeyRevokedEvent.class),
    USER_CREATED(UserCreatedEvent.class),
    USER_CHANGED(UserChangedEvent.class),
    USER_DISABLED(UserDisabledEvent.class);

    private final String wireName;
    private final Class<? extends SpecificRecord> payloadType;

    EventType(Class<? extends SpecificRecord> payloadType) {
        this.wireName = EventTypeNames.of(SpecificData.get().getSchema(payloadType));
        this.payloadType = payloadType;
    }

    /** The stable name, e.g. {@code version_published}: {@code event_history.event_type} and the audit trail's {@code type} filter. */
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

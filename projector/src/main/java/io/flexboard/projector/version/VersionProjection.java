package io.flexboard.projector.version;

import java.util.UUID;

import io.flexboard.projector.projection.ProjectionOrder;
import io.flexboard.projector.projection.ReadModelProjection;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.event.DraftSavedEvent;
import io.flexboard.schemas.event.VersionArchivedEvent;
import io.flexboard.schemas.event.VersionPublishedEvent;
import io.r2dbc.postgresql.codec.Json;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The {@code versions} read model: every saved version of a tenant with its status and snapshot. */
@Component
@Order(ProjectionOrder.VERSIONS)
class VersionProjection implements ReadModelProjection {

    private final DatabaseClient database;
    private final JsonMapper json;

    VersionProjection(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public Mono<Void> apply(EventEnvelope event) {
        Object payload = event.getPayload();
        if (payload instanceof DraftSavedEvent draft) {
            return draftSaved(draft, event);
        }
        if (payload instanceof VersionPublishedEvent published) {
            return expectOneRow(database.sql("update versions set status = 'published', published_at = :at where id = :id")
                    .bind("at", event.getOccurredAt())
                    .bind("id", UUID.fromString(published.getVersionId())), published.getVersionId(), event);
        }
        if (payload instanceof VersionArchivedEvent archived) {
            // published_at stays: it says when the version was live.
            return expectOneRow(database.sql("update versions set status = 'archived' where id = :id")
                    .bind("id", UUID.fromString(archived.getVersionId())), archived.getVersionId(), event);
        }
        return Mono.empty();
    }

    private Mono<Void> draftSaved(DraftSavedEvent draft, EventEnvelope event) {
        String metadata = json.writeValueAsString(VersionMetadata.of(draft.getMetadata(), json));
        return database.sql("""
                        insert into versions (id, tenant_id, version, status, message, created_by, created_at, metadata,
                                              parent_version, restored_from_version_id, restored_from_version)
                        values (:id, :tenant, :version, 'draft', :message, :createdBy, :at, :metadata,
                                :parent, :restoredFromId, :restoredFrom)
                        """)
                .bind("id", UUID.fromString(draft.getVersionId()))
                .bind("tenant", UUID.fromString(draft.getTenantId()))
                .bind("version", draft.getVersion())
                .bind("message", Parameter.fromOrEmpty(draft.getMessage(), String.class))
                .bind("createdBy", draft.getCreatedBy())
                .bind("at", event.getOccurredAt())
                .bind("metadata", Json.of(metadata))
                .bind("parent", Parameter.fromOrEmpty(draft.getParentVersion(), Integer.class))
                .bind("restoredFromId", Parameter.fromOrEmpty(uuidOrNull(draft.getRestoredFromVersionId()), UUID.class))
                .bind("restoredFrom", Parameter.fromOrEmpty(draft.getRestoredFromVersion(), Integer.class))
                .then();
    }

    private static UUID uuidOrNull(String id) {
        return id == null ? null : UUID.fromString(id);
    }

    /** A status change for a version the read model never saw means events are missing: fail loudly. */
    private static Mono<Void> expectOneRow(DatabaseClient.GenericExecuteSpec update, String versionId, EventEnvelope event) {
        return update.fetch()
                .rowsUpdated()
                .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(new IllegalStateException(
                        "Version " + versionId + " of tenant " + event.getTenantId()
                                + " is not in the read model (event " + event.getEventId() + ")")));
    }
}

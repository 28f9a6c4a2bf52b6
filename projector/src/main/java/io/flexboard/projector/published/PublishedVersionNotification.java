package io.flexboard.projector.published;

import java.util.List;
import java.util.UUID;

import io.flexboard.projector.projection.ProjectionOrder;
import io.flexboard.projector.projection.ReadModelProjection;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.event.TenantActivatedEvent;
import io.flexboard.schemas.event.TenantPausedEvent;
import io.flexboard.schemas.event.VersionPublishedEvent;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells long-polling agent-bridge replicas that a tenant published a version: a PostgreSQL
 * {@code NOTIFY} on {@link #CHANNEL} with {@link #payload(UUID, long)}, sent in the batch's
 * transaction. PostgreSQL delivers a notification only when its transaction commits, so a replica
 * woken by it always finds the version in {@code published_versions}, and a batch that rolls back
 * announces nothing.
 *
 * <p>A pause or an activation changes the tenant's sync answer too (a paused tenant's agents are
 * refused), so it is announced the same way, with the version published at that moment (0 before
 * the first publish): replicas then drop their cached answer and answer parked syncs at once.
 *
 * <p>A notification is a hint, not a record: it is lost when no replica listens at that moment,
 * so listeners re-read {@code published_versions} after (re)subscribing and on their own timeout.
 */
@Component
@Order(ProjectionOrder.PUBLISHED_NOTIFICATION)
public class PublishedVersionNotification implements ReadModelProjection {

    /**
     * The channel agent-bridge replicas {@code LISTEN} on (docs/projector.md). A contract with
     * agent-bridge: renaming it silently stops every long poll from waking early.
     */
    public static final String CHANNEL = "flexboard_published";

    private final DatabaseClient database;

    PublishedVersionNotification(DatabaseClient database) {
        this.database = database;
    }

    /**
     * The notification's payload, a contract with agent-bridge: {@code <tenant uuid>:<version>},
     * e.g. {@code 0b9c…-…:6}, the tenant id in lower-case canonical form and the published version
     * number in decimal. Far below PostgreSQL's 8000-byte payload limit.
     */
    public static String payload(UUID tenantId, long version) {
        return tenantId + ":" + version;
    }

    @Override
    public Mono<Void> apply(List<EventEnvelope> events) {
        return Flux.fromIterable(events).concatMap(this::announce).then();
    }

    private Mono<Void> announce(EventEnvelope event) {
        Object payload = event.getPayload();
        if (payload instanceof VersionPublishedEvent published) {
            // pg_notify rather than NOTIFY: NOTIFY takes no bind parameters.
            return database.sql("select pg_notify(:channel, :payload)")
                    .bind("channel", CHANNEL)
                    .bind("payload", payload(UUID.fromString(published.getTenantId()), published.getVersion()))
                    .then();
        }
        if (payload instanceof TenantPausedEvent || payload instanceof TenantActivatedEvent) {
            // The version published when the batch commits (the read models are written by then):
            // a replica re-reads the tenant's answer anyway, the version only dates the hint.
            UUID tenantId = UUID.fromString(event.getTenantId());
            return database.sql("""
                            select pg_notify(:channel, :tenantPrefix
                                   || coalesce((select version from published_versions where tenant_id = :tenant), 0))
                            """)
                    .bind("channel", CHANNEL)
                    .bind("tenantPrefix", tenantId + ":")
                    .bind("tenant", tenantId)
                    .then();
        }
        return Mono.empty();
    }
}

package io.flexboard.projector.tenant;

import java.util.UUID;

import io.flexboard.projector.projection.ProjectionOrder;
import io.flexboard.projector.projection.ReadModelProjection;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.event.DashboardCreatedEvent;
import io.flexboard.schemas.event.TenantActivatedEvent;
import io.flexboard.schemas.event.TenantCreatedEvent;
import io.flexboard.schemas.event.TenantPausedEvent;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The {@code tenants} read model, with its status (active or paused) and dashboard count kept up to date. */
@Component
@Order(ProjectionOrder.TENANTS)
class TenantProjection implements ReadModelProjection {

    private final DatabaseClient database;

    TenantProjection(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> apply(EventEnvelope event) {
        Object payload = event.getPayload();
        if (payload instanceof TenantCreatedEvent created) {
            return tenantCreated(created, event);
        }
        if (payload instanceof DashboardCreatedEvent dashboard) {
            return dashboardCreated(dashboard);
        }
        if (payload instanceof TenantPausedEvent paused) {
            return statusChanged(paused.getTenantId(), false, paused.getReason(), event);
        }
        if (payload instanceof TenantActivatedEvent activated) {
            return statusChanged(activated.getTenantId(), true, null, event);
        }
        return Mono.empty();
    }

    private Mono<Void> tenantCreated(TenantCreatedEvent created, EventEnvelope event) {
        return database.sql("""
                        insert into tenants (id, name, slug, license_type, max_dashboards, max_widgets_per_dashboard,
                                             is_active, dashboard_count, created_at, updated_at)
                        values (:id, :name, :slug, :license, :maxDashboards, :maxWidgets, true, 0, :at, :at)
                        """)
                .bind("id", UUID.fromString(created.getTenantId()))
                .bind("name", created.getName())
                .bind("slug", created.getSlug())
                .bind("license", created.getLicenseType())
                .bind("maxDashboards", created.getMaxDashboards())
                .bind("maxWidgets", created.getMaxWidgetsPerDashboard())
                .bind("at", event.getOccurredAt())
                .then();
    }

    private Mono<Void> dashboardCreated(DashboardCreatedEvent dashboard) {
        // A derived counter, not a change to the tenant itself: updated_at stays.
        return database.sql("update tenants set dashboard_count = dashboard_count + 1 where id = :id")
                .bind("id", UUID.fromString(dashboard.getTenantId()))
                .then();
    }

    private Mono<Void> statusChanged(String tenantId, boolean active, String pausedReason, EventEnvelope event) {
        return database.sql("update tenants set is_active = :active, paused_reason = :reason, updated_at = :at where id = :id")
                .bind("active", active)
                .bind("reason", Parameter.fromOrEmpty(pausedReason, String.class))
                .bind("at", event.getOccurredAt())
                .bind("id", UUID.fromString(tenantId))
                .then();
    }
}

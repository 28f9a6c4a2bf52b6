package io.flexboard.projector.dashboard;

import java.util.List;
import java.util.UUID;

import io.flexboard.projector.projection.ProjectionOrder;
import io.flexboard.projector.projection.ReadModelProjection;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.Widget;
import io.flexboard.schemas.event.DashboardCreatedEvent;
import io.flexboard.schemas.event.WidgetsReplacedEvent;
import io.r2dbc.postgresql.codec.Json;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code dashboards} and {@code widgets} read models: the builder's current, unversioned state. */
@Component
@Order(ProjectionOrder.DASHBOARDS)
class DashboardProjection implements ReadModelProjection {

    private final DatabaseClient database;

    DashboardProjection(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> apply(EventEnvelope event) {
        Object payload = event.getPayload();
        if (payload instanceof DashboardCreatedEvent created) {
            return dashboardCreated(created, event);
        }
        if (payload instanceof WidgetsReplacedEvent replaced) {
            return widgetsReplaced(replaced, event);
        }
        return Mono.empty();
    }

    private Mono<Void> dashboardCreated(DashboardCreatedEvent created, EventEnvelope event) {
        return database.sql("""
                        insert into dashboards (id, tenant_id, name, slug, description, widget_count, created_at, updated_at)
                        values (:id, :tenant, :name, :slug, :description, 0, :at, :at)
                        """)
                .bind("id", UUID.fromString(created.getDashboardId()))
                .bind("tenant", UUID.fromString(created.getTenantId()))
                .bind("name", created.getName())
                .bind("slug", created.getSlug())
                .bind("description", Parameter.fromOrEmpty(created.getDescription(), String.class))
                .bind("at", event.getOccurredAt())
                .then();
    }

    private Mono<Void> widgetsReplaced(WidgetsReplacedEvent replaced, EventEnvelope event) {
        UUID tenantId = UUID.fromString(replaced.getTenantId());
        UUID dashboardId = UUID.fromString(replaced.getDashboardId());
        List<Widget> widgets = replaced.getWidgets();
        Mono<Void> deleteOld = database.sql("delete from widgets where dashboard_id = :dashboard")
                .bind("dashboard", dashboardId)
                .then();
        Flux<Void> insertNew = Flux.range(0, widgets.size())
                .concatMap(index -> insertWidget(tenantId, dashboardId, widgets.get(index), index));
        Mono<Void> updateDashboard = database.sql("""
                        update dashboards set widget_count = :count, updated_at = :at where id = :dashboard
                        """)
                .bind("count", widgets.size())
                .bind("at", event.getOccurredAt())
                .bind("dashboard", dashboardId)
                .then();
        return deleteOld.thenMany(insertNew).then(updateDashboard);
    }

    private Mono<Void> insertWidget(UUID tenantId, UUID dashboardId, Widget widget, int sortOrder) {
        // config_json was validated as a JSON object by the command side; jsonb rejects anything else.
        return database.sql("""
                        insert into widgets (id, tenant_id, dashboard_id, name, widget_type, config,
                                             position_x, position_y, width, height, sort_order)
                        values (:id, :tenant, :dashboard, :name, :type, :config, :x, :y, :width, :height, :sortOrder)
                        """)
                .bind("id", UUID.fromString(widget.getWidgetId()))
                .bind("tenant", tenantId)
                .bind("dashboard", dashboardId)
                .bind("name", widget.getName())
                .bind("type", widget.getWidgetType())
                .bind("config", Json.of(widget.getConfigJson()))
                .bind("x", widget.getPositionX())
                .bind("y", widget.getPositionY())
                .bind("width", widget.getWidth())
                .bind("height", widget.getHeight())
                .bind("sortOrder", sortOrder)
                .then();
    }
}

package io.flexboard.projector.dashboard;

import java.util.List;
import java.util.UUID;

import io.flexboard.projector.projection.ProjectionOrder;
import io.flexboard.projector.projection.ReadModelProjection;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.Widget;
import io.flexboard.schemas.event.DashboardCreatedEvent;
import io.flexboard.schemas.event.WidgetsReplacedEvent;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
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
        Mono<Void> insertNew = widgets.isEmpty() ? Mono.empty() : insertWidgets(tenantId, dashboardId, widgets);
        Mono<Void> updateDashboard = database.sql("""
                        update dashboards set widget_count = :count, updated_at = :at where id = :dashboard
                        """)
                .bind("count", widgets.size())
                .bind("at", event.getOccurredAt())
                .bind("dashboard", dashboardId)
                .then();
        return deleteOld.then(insertNew).then(updateDashboard);
    }

    /**
     * All widgets of the list in one statement (arrays unnested in list order), not one round trip
     * per widget: a dashboard holds up to its license's limit of widgets.
     */
    private Mono<Void> insertWidgets(UUID tenantId, UUID dashboardId, List<Widget> widgets) {
        int count = widgets.size();
        UUID[] ids = new UUID[count];
        String[] names = new String[count];
        String[] types = new String[count];
        String[] configs = new String[count];
        Integer[] xs = new Integer[count];
        Integer[] ys = new Integer[count];
        Integer[] widths = new Integer[count];
        Integer[] heights = new Integer[count];
        for (int i = 0; i < count; i++) {
            Widget widget = widgets.get(i);
            ids[i] = UUID.fromString(widget.getWidgetId());
            names[i] = widget.getName();
            types[i] = widget.getWidgetType();
            configs[i] = widget.getConfigJson();
            xs[i] = widget.getPositionX();
            ys[i] = widget.getPositionY();
            widths[i] = widget.getWidth();
            heights[i] = widget.getHeight();
        }
        // config_json was validated as a JSON object by the command side; jsonb rejects anything else.
        return database.sql("""
                        insert into widgets (id, tenant_id, dashboard_id, name, widget_type, config,
                                             position_x, position_y, width, height, sort_order)
                        select w.id, :tenant, :dashboard, w.name, w.type, w.config::jsonb,
                               w.x, w.y, w.width, w.height, (w.ord - 1)::int
                          from unnest(:ids::uuid[], :names::text[], :types::text[], :configs::text[],
                                      :xs::int[], :ys::int[], :widths::int[], :heights::int[])
                               with ordinality as w (id, name, type, config, x, y, width, height, ord)
                        """)
                .bind("tenant", tenantId)
                .bind("dashboard", dashboardId)
                .bind("ids", ids)
                .bind("names", names)
                .bind("types", types)
                .bind("configs", configs)
                .bind("xs", xs)
                .bind("ys", ys)
                .bind("widths", widths)
                .bind("heights", heights)
                .then();
    }
}

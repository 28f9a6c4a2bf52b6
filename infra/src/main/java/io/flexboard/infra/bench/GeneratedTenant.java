package io.flexboard.infra.bench;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.flexboard.schemas.DashboardSnapshot;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.PublishedConfiguration;
import io.flexboard.schemas.Widget;
import io.flexboard.schemas.event.ApiKeyIssuedEvent;
import io.flexboard.schemas.event.DashboardCreatedEvent;
import io.flexboard.schemas.event.DraftSavedEvent;
import io.flexboard.schemas.event.TenantCreatedEvent;
import io.flexboard.schemas.event.VersionArchivedEvent;
import io.flexboard.schemas.event.VersionPublishedEvent;
import io.flexboard.schemas.event.WidgetsReplacedEvent;

/**
 * One generated tenant's stream, command by command, within the rules {@code TenantAggregate} enforces: its
 * dashboards stay within the license, widget names are unique in the tenant, versions count 1, 2, 3 …, only
 * the newest draft is published and the published one is archived first. Builders work in sessions: a few
 * widget edits on one dashboard, a draft, and more often than not a publish.
 */
final class GeneratedTenant {

    private static final String[] DASHBOARDS = {"Sales", "Operations", "Finance", "Support", "Inventory", "Marketing",
            "Executive", "Logistics", "Human Resources", "Quality", "Procurement", "Production"};
    private static final String[] ACTORS = {"admin", "admin", "admin", "builder@vendor.example", "ops@vendor.example"};
    private static final String[] MESSAGES = {"weekly update", "new KPIs for the quarter", "fix the revenue query",
            "layout for the wall screen", "customer feedback", "before the board meeting"};
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#17becf"};
    /** Realistic widgets: type, title and the T-SQL an agent would run on-premise against SQL Server. */
    private static final String[][] METRICS = {
            {"line", "Revenue by month", "SELECT FORMAT(order_date, 'yyyy-MM') AS month, SUM(total) AS revenue FROM sales.orders WHERE order_date >= DATEADD(month, -12, GETDATE()) GROUP BY FORMAT(order_date, 'yyyy-MM') ORDER BY month", "month", "revenue"},
            {"bar", "Top customers", "SELECT TOP 10 c.name AS customer, SUM(o.total) AS revenue FROM sales.orders o JOIN crm.customers c ON c.id = o.customer_id GROUP BY c.name ORDER BY revenue DESC", "customer", "revenue"},
            {"kpi", "Open tickets", "SELECT COUNT(*) AS open_tickets FROM support.tickets WHERE status = 'open'", null, null},
            {"pie", "Unpaid invoices by region", "SELECT region, SUM(amount) AS total FROM finance.invoices WHERE paid_at IS NULL GROUP BY region", "region", "total"},
            {"line", "Daily sign-ups", "SELECT CAST(created_at AS date) AS day, COUNT(*) AS signups FROM app.users WHERE created_at >= DATEADD(day, -30, GETDATE()) GROUP BY CAST(created_at AS date) ORDER BY day", "day", "signups"},
            {"bar", "Margin by product line", "SELECT product_line, AVG(margin) AS margin FROM sales.order_lines WHERE order_date >= DATEADD(quarter, -1, GETDATE()) GROUP BY product_line", "product_line", "margin"},
            {"table", "Stock below minimum", "SELECT sku, warehouse, quantity, minimum FROM inventory.stock_levels WHERE quantity < minimum ORDER BY quantity", null, null},
            {"kpi", "Orders today", "SELECT COUNT(*) AS orders FROM sales.orders WHERE CAST(order_date AS date) = CAST(GETDATE() AS date)", null, null},
            {"bar", "Tickets by priority", "SELECT priority, COUNT(*) AS tickets FROM support.tickets WHERE created_at >= DATEADD(week, -1, GETDATE()) GROUP BY priority", "priority", "tickets"},
            {"line", "Average resolution hours", "SELECT FORMAT(closed_at, 'yyyy-MM-dd') AS day, AVG(DATEDIFF(hour, created_at, closed_at)) AS hours FROM support.tickets WHERE closed_at IS NOT NULL GROUP BY FORMAT(closed_at, 'yyyy-MM-dd')", "day", "hours"},
            {"pie", "Headcount by department", "SELECT department, COUNT(*) AS people FROM hr.employees WHERE left_at IS NULL GROUP BY department", "department", "people"},
            {"table", "Late shipments", "SELECT TOP 50 shipment_id, carrier, promised_at, DATEDIFF(day, promised_at, GETDATE()) AS days_late FROM logistics.shipments WHERE delivered_at IS NULL AND promised_at < GETDATE() ORDER BY days_late DESC", null, null},
            {"kpi", "Cash on hand", "SELECT SUM(balance) AS cash FROM finance.bank_accounts", null, null},
            {"bar", "Scrap rate by line", "SELECT line, 100.0 * SUM(scrapped) / NULLIF(SUM(produced), 0) AS scrap_rate FROM production.shifts WHERE shift_date >= DATEADD(day, -7, GETDATE()) GROUP BY line", "line", "scrap_rate"},
            {"line", "Campaign conversions", "SELECT FORMAT(event_time, 'yyyy-MM-dd') AS day, SUM(CASE WHEN event = 'purchase' THEN 1 ELSE 0 END) AS conversions FROM marketing.events GROUP BY FORMAT(event_time, 'yyyy-MM-dd')", "day", "conversions"},
            {"table", "Supplier lead times", "SELECT supplier, AVG(DATEDIFF(day, ordered_at, received_at)) AS lead_days, COUNT(*) AS orders FROM procurement.purchase_orders GROUP BY supplier ORDER BY lead_days DESC", null, null},
    };

    private final Random random;
    private final String tenantId;
    private final String name;
    private final String slug;
    private final int maxDashboards;
    private final int maxWidgets;
    private final int targetDashboards;
    private final long budget;
    private final long endMillis;
    private final double meanGapMillis;
    private final ArrayDeque<EventEnvelope> pending = new ArrayDeque<>();
    private final List<Dashboard> dashboards = new ArrayList<>();
    private long sequence;
    private long nowMillis;
    private int widgetCounter;
    private int lastVersion;
    private String lastDraftId;
    private String publishedVersionId;
    private int publishedVersion;
    private Dashboard sessionDashboard;
    private int editsLeft;
    private boolean draftDue;
    private boolean publishDue;

    /** A dashboard and its current widget list. */
    private record Dashboard(DashboardSnapshot snapshot, List<Widget> widgets) {
    }

    GeneratedTenant(long seed, String name, long budget, long createdAtMillis, long endMillis, boolean pro) {
        this.random = new Random(seed);
        this.tenantId = uuid();
        this.name = name;
        this.slug = name.toLowerCase().replace(' ', '-') + "-" + tenantId.substring(0, 8);
        this.maxDashboards = pro ? 10 : 5;
        this.maxWidgets = pro ? 30 : 20;
        this.targetDashboards = pro ? 3 + random.nextInt(8) : 1 + random.nextInt(5);
        this.budget = budget;
        this.endMillis = endMillis;
        this.nowMillis = createdAtMillis;
        // A little under the span per event, so that the random gaps rarely reach the end.
        this.meanGapMillis = (endMillis - createdAtMillis) / (budget * 1.1);
        plan();
    }

    String tenantId() {
        return tenantId;
    }

    boolean hasNext() {
        return !pending.isEmpty();
    }

    long nextAtMillis() {
        return pending.getFirst().getOccurredAt().toEpochMilli();
    }

    EventEnvelope next() {
        EventEnvelope event = pending.removeFirst();
        if (pending.isEmpty()) {
            plan();
        }
        return event;
    }

    /** The next command's events, or none when the budget is spent. */
    private void plan() {
        long left = budget - sequence;
        if (left <= 0) {
            return;
        }
        // Never at or after the end; a tenant that gets there keeps its last instant (timestamps never go back).
        nowMillis = Math.min(endMillis - 1, nowMillis + Math.max(1, (long) (meanGapMillis * (0.25 + 1.5 * random.nextDouble()))));
        String actor = ACTORS[random.nextInt(ACTORS.length)];
        String correlationId = uuid();
        if (sequence == 0) {
            emit(new TenantCreatedEvent(tenantId, name, slug, maxDashboards == 10 ? "pro" : "basic", maxDashboards, maxWidgets), actor, correlationId);
            emit(new ApiKeyIssuedEvent(tenantId, uuid(), hex(64), "fbk_" + hex(8), "default"), actor, correlationId);
        } else if (dashboards.isEmpty() || sessionDashboard == null && !draftDue && !publishDue
                && dashboards.size() < targetDashboards && random.nextDouble() < 0.35) {
            sessionDashboard = dashboardCreated(actor, correlationId);
            editsLeft = 1 + random.nextInt(4);
        } else if (draftDue && editsLeft == 0) {
            draftSaved(actor, correlationId);
        } else if (publishDue && (publishedVersionId == null || left >= 2)) {
            versionPublished(actor, correlationId);
        } else {
            if (sessionDashboard == null || editsLeft == 0) {
                sessionDashboard = dashboards.get(random.nextInt(dashboards.size()));
                editsLeft = 2 + random.nextInt(7);
                publishDue = false;
            }
            widgetsReplaced(sessionDashboard, actor, correlationId);
            if (--editsLeft == 0) {
                draftDue = true;
            }
        }
    }

    private Dashboard dashboardCreated(String actor, String correlationId) {
        String dashboardName = DASHBOARDS[dashboards.size()];
        String dashboardSlug = dashboardName.toLowerCase().replace(' ', '-');
        String description = random.nextBoolean() ? null : dashboardName + " figures for the " + name + " team";
        Dashboard dashboard = new Dashboard(new DashboardSnapshot(uuid(), dashboardName, dashboardSlug, description), new ArrayList<>());
        dashboards.add(dashboard);
        emit(new DashboardCreatedEvent(tenantId, dashboard.snapshot().getDashboardId(), dashboardName, dashboardSlug, description),
                actor, correlationId);
        return dashboard;
    }

    private void widgetsReplaced(Dashboard dashboard, String actor, String correlationId) {
        List<Widget> widgets = dashboard.widgets();
        // Adding and removing are equally likely, so a dashboard keeps the 3 to 6 widgets it starts with, give or take.
        int limit = Math.min(maxWidgets, 10);
        double change = random.nextDouble();
        if (widgets.isEmpty()) {
            int count = 3 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                widgets.add(newWidget(dashboard));
            }
            layout(widgets);
        } else if (change < 0.55) {
            int index = random.nextInt(widgets.size());
            widgets.set(index, reconfigured(widgets.get(index)));
        } else if (change < 0.70 && widgets.size() < limit) {
            widgets.add(newWidget(dashboard));
            layout(widgets);
        } else if (change < 0.85 && widgets.size() > 2) {
            widgets.remove(random.nextInt(widgets.size()));
            layout(widgets);
        } else {
            int index = random.nextInt(widgets.size());
            Widget resized = Widget.newBuilder(widgets.get(index)).setWidth(new int[] {3, 4, 6, 12}[random.nextInt(4)]).setHeight(3 + random.nextInt(4)).build();
            widgets.set(index, resized);
            layout(widgets);
        }
        emit(new WidgetsReplacedEvent(tenantId, dashboard.snapshot().getDashboardId(), List.copyOf(widgets)), actor, correlationId);
    }

    private void draftSaved(String actor, String correlationId) {
        List<DashboardSnapshot> snapshots = new ArrayList<>();
        List<Widget> widgets = new ArrayList<>();
        dashboards.forEach(d -> {
            snapshots.add(d.snapshot());
            widgets.addAll(d.widgets());
        });
        Integer parent = lastVersion == 0 ? null : lastVersion;
        lastVersion++;
        lastDraftId = uuid();
        String message = random.nextInt(3) == 0 ? null : MESSAGES[random.nextInt(MESSAGES.length)];
        emit(new DraftSavedEvent(tenantId, lastDraftId, lastVersion, message, actor, new PublishedConfiguration(snapshots, widgets, null),
                parent, null, null), actor, correlationId);
        draftDue = false;
        sessionDashboard = null;
        publishDue = random.nextDouble() < 0.6;
    }

    private void versionPublished(String actor, String correlationId) {
        if (publishedVersionId != null) {
            emit(new VersionArchivedEvent(tenantId, publishedVersionId, publishedVersion), actor, correlationId);
        }
        emit(new VersionPublishedEvent(tenantId, lastDraftId, lastVersion, actor), actor, correlationId);
        publishedVersionId = lastDraftId;
        publishedVersion = lastVersion;
        publishDue = false;
    }

    private Widget newWidget(Dashboard dashboard) {
        String[] metric = METRICS[random.nextInt(METRICS.length)];
        String widgetName = dashboard.snapshot().getSlug() + "-" + metric[1].toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + ++widgetCounter;
        int width = switch (metric[0]) {
            case "kpi" -> 3;
            case "table" -> 12;
            case "pie" -> 4;
            default -> 6;
        };
        return new Widget(uuid(), dashboard.snapshot().getDashboardId(), widgetName, metric[0], config(metric), 0, 0, width, 4);
    }

    /** The builder changed the widget's query window, refresh or colours: same widget, new configuration. */
    private Widget reconfigured(Widget widget) {
        String[] metric = METRICS[random.nextInt(METRICS.length)];
        String[] sameType = metric[0].equals(widget.getWidgetType()) ? metric : metricOfType(widget.getWidgetType());
        return Widget.newBuilder(widget).setConfigJson(config(sameType)).build();
    }

    private String[] metricOfType(String type) {
        List<String[]> candidates = new ArrayList<>();
        for (String[] metric : METRICS) {
            if (metric[0].equals(type)) {
                candidates.add(metric);
            }
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private String config(String[] metric) {
        StringBuilder json = new StringBuilder(512).append("{\"query\":").append(quoted(metric[2]))
                .append(",\"type\":").append(quoted(metric[0]))
                .append(",\"title\":").append(quoted(metric[1]));
        if (random.nextInt(4) == 0) {
            json.append(",\"description\":").append(quoted(metric[1] + ", refreshed from the plant's SQL Server"));
        }
        json.append(",\"refreshInterval\":").append(new int[] {60_000, 300_000, 900_000, 3_600_000}[random.nextInt(4)]);
        if (metric[3] != null) {
            json.append(",\"chartConfig\":{\"xAxisKey\":").append(quoted(metric[3])).append(",\"yAxisKey\":").append(quoted(metric[4]))
                    .append(",\"colors\":[");
            int colors = 1 + random.nextInt(3);
            for (int i = 0; i < colors; i++) {
                json.append(i == 0 ? "" : ",").append(quoted(COLORS[random.nextInt(COLORS.length)]));
            }
            json.append("]}");
        }
        return json.append('}').toString();
    }

    /** Left to right on the 12-column grid, a new row when the next widget does not fit. */
    private static void layout(List<Widget> widgets) {
        int x = 0;
        int y = 0;
        int rowHeight = 0;
        for (int i = 0; i < widgets.size(); i++) {
            Widget widget = widgets.get(i);
            if (x + widget.getWidth() > 12) {
                x = 0;
                y += rowHeight;
                rowHeight = 0;
            }
            if (widget.getPositionX() != x || widget.getPositionY() != y) {
                widgets.set(i, Widget.newBuilder(widget).setPositionX(x).setPositionY(y).build());
            }
            x += widget.getWidth();
            rowHeight = Math.max(rowHeight, widget.getHeight());
        }
    }

    private void emit(Object payload, String actor, String correlationId) {
        // The events of one command (created + key, archived + published) share its instant, as in Axon's store.
        pending.add(EventEnvelope.newBuilder()
                .setEventId(uuid())
                .setTenantId(tenantId)
                .setAggregateSequence(sequence++)
                .setOccurredAt(Instant.ofEpochMilli(nowMillis))
                .setActor(actor)
                .setCorrelationId(correlationId)
                .setPayload(payload)
                .build());
    }

    /** A random (version 4) UUID from this tenant's seeded random, so a run can be repeated exactly. */
    private String uuid() {
        long most = random.nextLong() & ~0xF000L | 0x4000L;
        long least = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    private String hex(int digits) {
        StringBuilder hex = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}

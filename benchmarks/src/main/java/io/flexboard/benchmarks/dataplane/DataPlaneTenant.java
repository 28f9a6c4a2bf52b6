package io.flexboard.benchmarks.dataplane;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.flexboard.benchmarks.BenchHttp;
import tools.jackson.databind.JsonNode;

/**
 * The control-plane side of the data-plane benchmark: a tenant with three dashboards holding 50 widgets
 * (the default license allows 20 per dashboard and 5 dashboards) spread over the agent's data sources
 * {@code shop-1} … {@code shop-N}, published. Among them {@link #SALES_BY_MONTH}, the roadmap's monthly
 * revenue in PostgreSQL syntax with a {@code {region}} select filter and rows cached 300 s, and
 * {@link #RECENT_ORDERS}, an index lookup with caching off.
 *
 * @param widgetKeys every widget's key, in the order created
 */
record DataPlaneTenant(String id, String apiKey, long version, List<String> widgetKeys) {

    static final String SALES_BY_MONTH = "sales-by-month";
    static final String RECENT_ORDERS = "recent-orders";
    static final int WIDGETS = 50;
    /** The default license's widgets per dashboard. */
    private static final int PER_DASHBOARD = 20;

    private static final String MONTHLY_REVENUE = """
            SELECT to_char(order_date, 'YYYY-MM') AS month, SUM(total_amount) AS revenue, COUNT(*) AS order_count,
                   AVG(total_amount) AS avg_order_value
            FROM sales
            WHERE order_date >= current_date - interval '18 months' AND region = {region}
            GROUP BY to_char(order_date, 'YYYY-MM')
            ORDER BY month""";

    /** The other widgets' queries, by kind: what a sales dashboard shows besides the monthly revenue. */
    private enum Kind {
        REVENUE_BY_REGION("revenue-by-region", "bar", false, 0,
                "SELECT region, SUM(total_amount) AS revenue FROM sales GROUP BY region ORDER BY region"),
        ORDERS_PER_DAY("orders-per-day", "line", true, 60,
                "SELECT order_date AS day, COUNT(*) AS orders FROM sales WHERE order_date >= current_date - 30 AND region = {region}"
                        + " GROUP BY order_date ORDER BY day"),
        ORDER_TOTALS("order-totals", "kpi", true, 60,
                "SELECT COUNT(*) AS orders, SUM(total_amount) AS revenue FROM sales WHERE region = {region}"),
        MONTHLY_TABLE("monthly-revenue", "table", true, 300, MONTHLY_REVENUE);

        private final String name;
        private final String chart;
        private final boolean regionFilter;
        private final int ttlSeconds;
        private final String query;

        Kind(String name, String chart, boolean regionFilter, int ttlSeconds, String query) {
            this.name = name;
            this.chart = chart;
            this.regionFilter = regionFilter;
            this.ttlSeconds = ttlSeconds;
            this.query = query;
        }
    }

    /** Creates the tenant, its dashboards and widgets, publishes, and waits until the publish is projected. */
    static DataPlaneTenant create(BenchHttp http, String adminToken, int dataSources) throws Exception {
        String slug = "data-plane-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = BenchHttp.json(BenchHttp.expect(201, http.send("POST", "/api/tenants", Map.of("name", slug, "slug", slug), adminToken, null)));
        String tenantId = created.at("/tenant/id").asString();

        List<Map<String, Object>> widgets = widgets(dataSources);
        List<String> keys = new ArrayList<>();
        for (int dashboard = 0; dashboard * PER_DASHBOARD < widgets.size(); dashboard++) {
            String dashboardId = BenchHttp.json(BenchHttp.expect(201, http.send("POST", "/api/tenants/" + tenantId + "/dashboards",
                    Map.of("name", "Sales " + (dashboard + 1), "slug", "sales-" + (dashboard + 1)), adminToken, null))).get("id").asString();
            List<Map<String, Object>> page = widgets.subList(dashboard * PER_DASHBOARD, Math.min(widgets.size(), (dashboard + 1) * PER_DASHBOARD));
            BenchHttp.expect(200, http.send("PUT", "/api/dashboards/" + dashboardId + "/widgets", Map.of("widgets", page), adminToken, null));
            page.forEach(widget -> keys.add((String) widget.get("name")));
        }

        JsonNode draft = BenchHttp.json(BenchHttp.expect(201, http.send("POST", "/api/tenants/" + tenantId + "/versions",
                Map.of("message", "data-plane benchmark"), adminToken, null)));
        HttpResponse<String> published = BenchHttp.expect(200, http.send("POST", "/api/tenants/" + tenantId + "/versions/"
                + draft.get("id").asString() + "/publish", null, adminToken, null));
        // The agent's first sync and the harness's syncs need the new key and the published version projected.
        BenchHttp.expect(200, http.send("GET", "/api/tenants/" + tenantId, null, adminToken,
                published.headers().firstValue("X-Consistency-Token").orElseThrow()));
        return new DataPlaneTenant(tenantId, created.get("api_key").asString(), draft.get("version").asLong(), List.copyOf(keys));
    }

    private static List<Map<String, Object>> widgets(int dataSources) {
        List<Map<String, Object>> widgets = new ArrayList<>();
        widgets.add(widget(widgets.size(), SALES_BY_MONTH, "line", "shop-1", MONTHLY_REVENUE, true, Map.of("enabled", true, "ttl", 300)));
        widgets.add(widget(widgets.size(), RECENT_ORDERS, "table", "shop-1",
                "SELECT order_id, order_date, region, total_amount FROM orders ORDER BY order_id DESC LIMIT 20", false,
                Map.of("enabled", false)));
        for (int n = 0; widgets.size() < WIDGETS; n++) {
            Kind kind = Kind.values()[n % Kind.values().length];
            Map<String, Object> caching = kind.ttlSeconds == 0 ? Map.of("enabled", false) : Map.of("enabled", true, "ttl", kind.ttlSeconds);
            widgets.add(widget(widgets.size(), kind.name + "-" + n, kind.chart, "shop-" + (1 + n % dataSources), kind.query,
                    kind.regionFilter, caching));
        }
        return widgets;
    }

    private static Map<String, Object> widget(int index, String name, String chart, String dataSource, String query, boolean regionFilter,
                                              Map<String, Object> caching) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", chart);
        config.put("title", name);
        config.put("dataSource", Map.of("type", "sql", "connection", dataSource, "query", query));
        // The same SQL as Phase 2's top-level query too: a control plane that still checks the Phase 2 shape
        // requires it; the agent reads dataSource when a widget has one.
        config.put("query", query);
        if (regionFilter) {
            config.put("interactions", Map.of("filters", List.of(Map.of("type", "select", "field", "region", "label", "Region",
                    "options", List.of(BenchShop.REGIONS), "default", BenchShop.REGIONS[0]))));
        }
        config.put("caching", caching);
        int slot = index % PER_DASHBOARD;
        return Map.of("name", name, "config", config, "position_x", (slot % 2) * 6, "position_y", 4 * (slot / 2));
    }
}

package io.flexboard.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flexboard.infra.local.config.Settings;
import io.flexboard.infra.local.support.AgentProcess;
import io.flexboard.infra.local.support.CustomerDatabase;
import io.flexboard.infra.local.support.Browser;
import io.flexboard.infra.local.support.StackClient;
import io.flexboard.infra.local.support.StackClient.Published;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The viewer as a customer's user opens it: the real agent process (its jar carries the viewer) serving a
 * published dashboard with one widget of each of the 8 types, over rows of the machine's PostgreSQL, in
 * headless Chromium. Screenshots: viewer-light.png and viewer-dark.png (docs/screenshots with
 * {@code -Dflexboard.screenshots.dir=../docs/screenshots}); the first paint of a 12-widget dashboard with
 * warm data is printed for docs/PERFORMANCE.md.
 */
class ViewerBrowserTest {

    private static final String ADMIN_TOKEN = "viewer-browser-admin-token";
    private static final String SHOP = CustomerDatabase.name("flexboard_viewer_shop");
    private static final List<String> EIGHT = List.of("revenue-bar", "revenue-line", "region-pie", "orders-table",
            "total-kpi", "total-gauge", "country-map", "point-scatter");

    @TempDir
    Path stackDir;

    @TempDir
    Path agentDir;

    @BeforeAll
    static void theCustomersDatabase() throws Exception {
        CustomerDatabase.recreate(SHOP,
                "CREATE TABLE sales (month text, region text, total numeric(12,2))",
                "INSERT INTO sales VALUES ('2026-01', 'North', 1200.50), ('2026-02', 'North', 980.00),"
                        + " ('2026-01', 'South', 400.00), ('2026-03', 'East', 640.25)",
                "CREATE TABLE orders (id int, month text, amount numeric(12,2))",
                "INSERT INTO orders VALUES (1, '2026-01', 700.50), (2, '2026-01', 500.00), (3, '2026-02', 980.00)",
                "CREATE TABLE countries (code text, revenue numeric)",
                "INSERT INTO countries VALUES ('TH', 1200), ('US', 3400), ('DE', 800), ('BR', 450)",
                "CREATE TABLE points (x numeric, y numeric)",
                "INSERT INTO points SELECT g, (g * 7) % 23 FROM generate_series(1, 40) g");
    }

    @Test
    void every_widget_type_draws_filters_refetch_a_drilldown_opens_and_the_dark_theme_applies() throws Exception {
        Settings settings = Settings.forTest(stackDir, ADMIN_TOKEN).withPort(freePort());
        Files.writeString(agentDir.resolve("datasources.yml"), """
                datasources:
                  - id: shop
                    name: The customer's shop database
                    type: postgresql
                    connection: {host: 127.0.0.1, port: 5432, database: %s, username: postgres}
                    options: {timeout: 5000, poolSize: 4}
                """.formatted(SHOP));

        try (LocalStack.Running stack = LocalStack.start(settings)) {
            StackClient builder = new StackClient(stack.port(), ADMIN_TOKEN);
            JsonNode tenant = StackClient.JSON.readTree(builder.command("POST", "/api/tenants",
                    Map.of("name", "Corner Shop", "slug", "corner-shop"), 201).body());
            String tenantId = tenant.at("/tenant/id").asString();
            String sales = dashboard(builder, tenantId, "Sales", "sales");
            builder.command("PUT", "/api/dashboards/" + sales + "/widgets", Map.of("widgets", eightTypes()), 200);
            String wall = dashboard(builder, tenantId, "Wall", "wall");
            builder.command("PUT", "/api/dashboards/" + wall + "/widgets", Map.of("widgets", twelveWidgets()), 200);
            Published published = builder.draftAndPublish(tenantId, "viewer");

            int port = freePort();
            try (AgentProcess agent = AgentProcess.start(builder.baseUrl(), tenantId, tenant.get("api_key").asString(), agentDir,
                    port, 20, Map.of());
                 Browser browser = Browser.start("http://127.0.0.1:" + port)) {
                try {
                    await().atMost(Duration.ofSeconds(40)).until(agent::servedVersion, version -> version == published.version());

                    browser.open("/#/d/sales");
                    browser.find(By.cssSelector("h1#dashboard-title"));
                    for (String widget : EIGHT) {
                        browser.find(By.cssSelector("[data-widget='" + widget + "'] [data-state='ready']"));
                        assertThat(browser.all(By.cssSelector("[data-widget='" + widget + "'] .chart :is(canvas, svg, table, .fb-kpi)")))
                                .as(widget + " is drawn").isNotEmpty();
                    }
                    assertThat(browser.all(By.cssSelector("[data-state='error']"))).isEmpty();

                    // a filter change refetches: North has 2 rows, South 1
                    By table = By.cssSelector("[data-widget='orders-table'] [data-state='ready']");
                    assertThat(browser.find(table).getAttribute("data-row-count")).isEqualTo("2");
                    new Select(browser.find(By.id("f-orders-table-region"))).selectByVisibleText("South");
                    browser.waitFor(driver -> "1".equals(driver.findElement(table).getAttribute("data-row-count")));
                    new Select(browser.find(By.id("f-orders-table-region"))).selectByVisibleText("North");
                    browser.waitFor(driver -> "2".equals(driver.findElement(table).getAttribute("data-row-count")));

                    // a drilldown opens in a modal with the clicked month's orders
                    browser.click(By.cssSelector("[data-widget='orders-table'] tr.fb-clickable"));
                    WebElement modal = browser.find(By.cssSelector("dialog.drill-modal[open]"));
                    browser.find(By.cssSelector("dialog.drill-modal [data-state='ready'] table tbody tr"));
                    assertThat(modal.getText()).contains("month: 2026-01").contains("700.5");
                    assertThat(browser.all(By.cssSelector("dialog.drill-modal tbody tr"))).hasSize(2);
                    modal.sendKeys(Keys.ESCAPE);
                    browser.waitFor(driver -> driver.findElements(By.cssSelector("dialog.drill-modal[open]")).isEmpty());

                    assertThat(background(browser)).isEqualTo("rgb(244, 246, 249)");
                    browser.screenshot("viewer-light");
                    browser.click(By.cssSelector(".theme-toggle"));
                    browser.waitFor(driver -> background(browser).equals("rgb(18, 22, 28)"));
                    // the KPI's text follows the theme too (the chart package's HTML reads the viewer's colours)
                    assertThat(browser.script("return getComputedStyle(document.querySelector('.fb-kpi-value')).color"))
                            .isEqualTo("rgb(228, 232, 238)");
                    Thread.sleep(1_500); // the charts redrawn in the dark theme finish animating: a picture, not an assertion
                    browser.screenshot("viewer-dark");
                    browser.open("/#/d/sales");
                    browser.find(By.cssSelector("[data-widget='revenue-bar'] [data-state='ready']"));
                    assertThat(background(browser)).as("the toggle is remembered").isEqualTo("rgb(18, 22, 28)");

                    double firstPaint = firstPaintOfTheWall(browser);
                    // A measurement for docs/PERFORMANCE.md, not an assertion: wall-clock time tells about the machine.
                    System.out.printf("ViewerBrowserTest: first paint of a 12-widget dashboard with warm data: %.0f ms%n", firstPaint);
                    assertThat(firstPaint).as("every widget of the wall drew").isPositive();
                    assertThat(browser.consoleErrors()).isEmpty();

                    // the tenant's branding, once published, is applied: its colours as the viewer's variables, its
                    // font, and its CSS scoped to the viewer
                    Map<String, Object> branding = new LinkedHashMap<>();
                    branding.put("logo", null);
                    branding.put("colors", Map.of("primary", "#7c3aed", "secondary", "#0ea5e9", "accent", "#f59e0b",
                            "background", "#fdf4ff", "text", "#1e1b4b"));
                    branding.put("font", "IBM Plex Sans");
                    branding.put("custom_css", "h1 { letter-spacing: 3px; }");
                    builder.command("PUT", "/api/tenants/" + tenantId + "/branding", branding, 200);
                    Published branded = builder.draftAndPublish(tenantId, "branded");
                    await().atMost(Duration.ofSeconds(40)).until(agent::servedVersion, version -> version == branded.version());
                    browser.click(By.cssSelector(".theme-toggle"));
                    browser.open("/#/d/sales");
                    browser.driver().navigate().refresh();
                    browser.find(By.cssSelector("[data-widget='revenue-bar'] [data-state='ready']"));
                    assertThat(browser.script("return getComputedStyle(document.querySelector('.fb-viewer')).getPropertyValue('--fb-primary').trim()"))
                            .isEqualTo("#7c3aed");
                    assertThat(background(browser)).isEqualTo("rgb(253, 244, 255)");
                    assertThat(browser.script("return getComputedStyle(document.querySelector('h1#dashboard-title')).letterSpacing"))
                            .isEqualTo("3px");
                    // a widget without visual.colors draws its series from the branding's primary (the charts package)
                    browser.waitFor(driver -> Boolean.TRUE.equals(browser.script("return [...document.querySelectorAll("
                            + "\"[data-widget='revenue-bar'] .chart svg path\")].some(p => getComputedStyle(p).fill === 'rgb(124, 58, 237)')")));
                    browser.screenshot("viewer-branded");
                    assertThat(browser.consoleErrors()).isEmpty();
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("agent log:\n" + agent.log(), e);
                }
            }
        }
    }

    /** Opens the wall twice (the first warms the agent's cache and the browser's), then times the second from navigation start. */
    private static double firstPaintOfTheWall(Browser browser) {
        browser.open("/#/d/wall");
        waitForTwelve(browser);
        browser.driver().navigate().refresh();
        waitForTwelve(browser);
        return ((Number) browser.script("return Math.max(...performance.getEntriesByType('mark')"
                + ".filter(m => m.name.startsWith('fb-widget-drawn:wall-')).map(m => m.startTime))")).doubleValue();
    }

    private static void waitForTwelve(Browser browser) {
        browser.waitFor(driver -> ((Number) browser.script("return new Set(performance.getEntriesByType('mark')"
                + ".filter(m => m.name.startsWith('fb-widget-drawn:wall-')).map(m => m.name)).size")).intValue() == 12);
    }

    private static String background(Browser browser) {
        return (String) browser.script("return getComputedStyle(document.querySelector('.fb-viewer')).backgroundColor");
    }

    private static String dashboard(StackClient builder, String tenantId, String name, String slug) throws Exception {
        return StackClient.JSON.readTree(builder.command("POST", "/api/tenants/" + tenantId + "/dashboards",
                Map.of("name", name, "slug", slug), 201).body()).get("id").asString();
    }

    private static List<Map<String, Object>> eightTypes() {
        String byMonth = "SELECT month, SUM(total) AS total FROM sales GROUP BY month ORDER BY month";
        String sum = "SELECT SUM(total) AS total FROM sales";
        Map<String, Object> monthly = Map.of("xAxisKey", "month", "yAxisKey", "total");
        List<Map<String, Object>> widgets = new ArrayList<>();
        widgets.add(widget("revenue-bar", 0, 0, Map.of("type", "bar", "title", "Revenue by month", "query", byMonth, "chartConfig", monthly)));
        widgets.add(widget("revenue-line", 3, 0, Map.of("type", "line", "title", "Revenue trend", "query", byMonth, "chartConfig", monthly)));
        widgets.add(widget("region-pie", 6, 0, Map.of("type", "pie", "title", "By region",
                "query", "SELECT region, SUM(total) AS total FROM sales GROUP BY region ORDER BY region")));
        widgets.add(widget("orders-table", 9, 0, Map.of("type", "table", "title", "Sales",
                "query", "SELECT month, region, total FROM sales WHERE region = {region} ORDER BY month",
                "interactions", Map.of("clickable", true,
                        "filters", List.of(Map.of("type", "select", "field", "region", "label", "Region",
                                "options", List.of("North", "South"), "default", "North")),
                        "drilldown", Map.of("enabled", true, "target", "modal",
                                "query", "SELECT id, amount FROM orders WHERE month = '{month}' ORDER BY id")))));
        widgets.add(widget("total-kpi", 0, 4, Map.of("type", "kpi", "title", "Total revenue", "query", sum)));
        widgets.add(widget("total-gauge", 3, 4, Map.of("type", "gauge", "title", "Against target", "query", sum,
                "chartConfig", Map.of("min", 0, "max", 5000))));
        widgets.add(widget("country-map", 6, 4, Map.of("type", "map", "title", "By country",
                "query", "SELECT code, revenue FROM countries",
                "chartConfig", Map.of("map", Map.of("nameField", "code", "valueField", "revenue")))));
        widgets.add(widget("point-scatter", 9, 4, Map.of("type", "scatter", "title", "Points", "query", "SELECT x, y FROM points")));
        return widgets;
    }

    /** Twelve cached widgets, three rows of four, for the first-paint measurement. */
    private static List<Map<String, Object>> twelveWidgets() {
        String[] types = {"bar", "line", "pie", "kpi"};
        List<Map<String, Object>> widgets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String type = types[i % 4];
            String query = type.equals("kpi") ? "SELECT SUM(total) AS total FROM sales"
                    : "SELECT month, SUM(total) AS total FROM sales GROUP BY month ORDER BY month";
            widgets.add(widget("wall-" + (i + 1), (i % 4) * 3, (i / 4) * 4, Map.of("type", type, "title", "Wall " + (i + 1),
                    "query", query, "caching", Map.of("enabled", true, "ttl", 300))));
        }
        return widgets;
    }

    private static Map<String, Object> widget(String name, int x, int y, Map<String, Object> config) {
        Map<String, Object> widget = new LinkedHashMap<>();
        widget.put("name", name);
        widget.put("config", config);
        widget.put("position_x", x);
        widget.put("position_y", y);
        widget.put("width", 3);
        widget.put("height", 4);
        return widget;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

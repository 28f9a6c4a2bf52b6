package io.flexboard.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.infra.local.config.Settings;
import io.flexboard.infra.local.support.Browser;
import io.flexboard.infra.local.support.StackClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The builder UI in a real headless Chromium against the whole local stack (one start for the class):
 * the roadmap's story from sign-in to an agent that synced, validation on the field, the stale-edit
 * flow, and versions compared and restored. Screenshots of the main screens land in
 * target/screenshots (and docs/screenshots with {@code -Dflexboard.screenshots.dir=../docs/screenshots}).
 */
// Each test makes its own tenants; the order only puts the tenant list's screenshot last, when it is fullest.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuilderUiBrowserTest {

    private static final String ADMIN_TOKEN = "browser-admin-token";
    /** The overview re-reads the agents every 5 s and a sync report travels through Kafka and the projector. */
    private static final Duration SYNC_SHOWN = Duration.ofSeconds(40);

    @TempDir
    static Path dataDir;

    private static LocalStack.Running stack;
    private static StackClient api;
    private static Browser browser;

    @BeforeAll
    static void startStackAndBrowser() {
        stack = LocalStack.start(Settings.forTest(dataDir, ADMIN_TOKEN));
        api = new StackClient(stack.port(), ADMIN_TOKEN);
        browser = Browser.start(api.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void signIn() {
        browser.open("/");
        if (!browser.all(By.id("admin-token")).isEmpty()) {
            // The admin token is the break-glass way in, folded away under the email and password form.
            browser.click(By.id("break-glass"));
            browser.type(By.id("admin-token"), ADMIN_TOKEN);
            browser.click(By.id("sign-in-admin-token"));
        }
        browser.find(By.cssSelector("[data-screen=overview]"));
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(1)
    void an_admin_builds_and_publishes_a_dashboard_and_sees_the_agent_synced() throws Exception {
        // Given a new tenant, created in the UI, whose API key is shown once
        browser.click(By.cssSelector("nav a[href='/tenants']"));
        browser.click(By.xpath("//button[normalize-space()='+ New tenant']"));
        browser.type(By.id("tenant-name"), "Acme Manufacturing");
        assertThat(browser.find(By.id("tenant-slug")).getDomProperty("value")).isEqualTo("acme-manufacturing");
        browser.click(By.xpath("//dialog[@id='new-tenant-dialog']//button[@type='submit']"));
        WebElement keyDialog = browser.find(By.id("api-key-dialog"));
        assertThat(keyDialog.getText()).contains("You will not see this key again");
        String apiKey = browser.find(By.id("api-key")).getDomProperty("value");
        String tenantId = browser.find(By.id("tenant-id")).getDomProperty("value");
        assertThat(apiKey).startsWith("fbk_");
        browser.click(By.cssSelector("#api-key-dialog input[type=checkbox]"));
        browser.click(By.xpath("//dialog[@id='api-key-dialog']//button[normalize-space()='Done']"));
        browser.find(By.cssSelector("tr[data-tenant='acme-manufacturing']"));

        // When they create a dashboard and add a bar widget with a query in the visual builder
        browser.click(By.cssSelector("tr[data-tenant='acme-manufacturing'] a.strong"));
        browser.click(By.xpath("//button[normalize-space()='+ New dashboard']"));
        browser.type(By.id("dashboard-name"), "Sales");
        browser.click(By.xpath("//dialog[@id='new-dashboard-dialog']//button[@type='submit']"));
        browser.find(By.cssSelector("[data-screen=builder][data-view=visual]"));
        browser.click(By.cssSelector(".library-item[data-type=bar]"));
        browser.find(By.cssSelector(".tile[data-widget='bar-1']"));
        browser.type(By.id("prop-name"), "sales-by-month");
        browser.type(By.id("prop-title"), "Sales by month");
        browser.type(By.id("prop-query"), "SELECT month, total FROM sales");
        WebElement tile = browser.find(By.cssSelector(".tile[data-widget='sales-by-month']"));
        assertThat(tile.getDomAttribute("data-x")).isEqualTo("0");
        assertThat(tile.getDomAttribute("data-w")).isEqualTo("6");

        // and move it two columns right and one row down, then make it two columns wider
        int column = browser.find(By.cssSelector(".canvas .grid-stack")).getSize().getWidth() / 12;
        browser.actions().clickAndHold(browser.find(By.cssSelector(".tile[data-widget='sales-by-month'] .tile-header")))
                .moveByOffset(10, 10).moveByOffset(2 * column - 10, 64 - 10).release().perform();
        browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector(".tile[data-widget='sales-by-month']"), "data-x", "2"));
        assertThat(browser.find(By.cssSelector(".tile[data-widget='sales-by-month']")).getDomAttribute("data-y")).isEqualTo("1");
        WebElement item = browser.find(By.cssSelector(".grid-stack-item[data-widget='sales-by-month']"));
        browser.actions().moveToElement(item).perform();
        WebElement handle = browser.find(By.cssSelector(".grid-stack-item[data-widget='sales-by-month'] .ui-resizable-se"));
        browser.actions().clickAndHold(handle).moveByOffset(10, 0).moveByOffset(2 * column - 10, 0).release().perform();
        browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector(".tile[data-widget='sales-by-month']"), "data-w", "8"));

        // and the JSON view shows the same widget, and the visual one still has it on return
        browser.click(By.id("tab-json"));
        browser.waitForText(By.cssSelector("[data-testid=json-editor] .cm-content"), "\"sales-by-month\"");
        String json = browser.text(By.cssSelector("[data-testid=json-editor] .cm-content"));
        assertThat(json).contains("\"position_x\": 2").contains("\"width\": 8").contains("SELECT month, total FROM sales");
        browser.click(By.id("tab-visual"));
        assertThat(browser.find(By.cssSelector(".tile[data-widget='sales-by-month']")).getDomAttribute("data-w")).isEqualTo("8");

        // and they save a draft and publish it
        browser.click(By.id("save-draft"));
        browser.type(By.id("version-message"), "First sales dashboard");
        browser.click(By.id("confirm-save"));
        browser.waitForText(By.cssSelector("[data-testid=builder-status]"), "Draft v1");
        browser.click(By.id("publish"));
        browser.waitForText(By.cssSelector("[data-testid=builder-status]"), "Published v1");
        JsonNode published = api.getJson("/api/tenants/" + tenantId + "/versions", null);
        assertThat(published.get(0).get("status").asString()).isEqualTo("published");
        assertThat(published.get(0).get("message").asString()).isEqualTo("First sales dashboard");

        // Then once the tenant's agent syncs with the key the UI showed, the overview says Synced
        JsonNode first = agentSync(tenantId, apiKey, 0, null);
        assertThat(first.at("/metadata/config/sales-by-month/query").asString()).isEqualTo("SELECT month, total FROM sales");
        assertThat(first.at("/metadata/widgets/0/position_x").asInt()).isEqualTo(2);
        assertThat(first.at("/metadata/widgets/0/width").asInt()).isEqualTo(8);
        agentSync(tenantId, apiKey, 1, 1);
        browser.click(By.cssSelector("nav a[href='/']"));
        By row = By.cssSelector("[data-testid=sync-status-table] tr[data-tenant='acme-manufacturing'] .badge");
        browser.waitFor(SYNC_SHOWN, ExpectedConditions.textToBePresentInElementLocated(row, "Synced"));
        browser.open("/tenants/" + tenantId);
        browser.waitFor(SYNC_SHOWN, ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=agents-table] tr[data-agent='plant-1'] .badge"), "Synced"));
    }

    @Test
    @Order(2)
    void a_widget_without_a_query_is_refused_on_its_query_field_and_the_servers_refusal_lands_on_its_name_field() throws Exception {
        Fixture fixture = tenantWithDashboard("validation", List.of());
        // A rule only the server can check: widget names are unique across the tenant's dashboards.
        String other = StackClient.JSON.readTree(api.command("POST", "/api/tenants/" + fixture.tenantId() + "/dashboards",
                Map.of("name", "Other", "slug", "other"), 201).body()).get("id").asString();
        api.saveOneWidget(other, "taken", "bar", "SELECT 1");
        browser.open("/tenants/" + fixture.tenantId() + "/dashboards/" + fixture.dashboardId() + "/visual");
        browser.click(By.cssSelector(".library-item[data-type=bar]"));
        // (the keyboard moves and resizes a tile too: arrows, Shift+arrows)
        WebElement tile = browser.find(By.cssSelector(".tile[data-widget='bar-1']"));
        tile.sendKeys(Keys.ARROW_RIGHT);
        browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector(".tile[data-widget='bar-1']"), "data-x", "1"));
        browser.find(By.cssSelector(".tile[data-widget='bar-1']")).sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_DOWN));
        browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector(".tile[data-widget='bar-1']"), "data-h", "5"));
        // (and a widget dragged from the library lands where it is dropped)
        WebElement canvas = browser.find(By.cssSelector(".canvas .grid-stack"));
        int column = canvas.getSize().getWidth() / 12;
        browser.actions().clickAndHold(browser.find(By.cssSelector(".library-item[data-type=line]")))
                .moveByOffset(10, 10).moveToElement(canvas, -canvas.getSize().getWidth() / 2 + 4 * column + column / 2, -canvas.getSize().getHeight() / 2 + 64 / 2)
                .release().perform();
        browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector(".tile[data-widget='line-1']"), "data-x", "4"));
        browser.click(By.cssSelector(".tile[data-widget='line-1'] .tile-header"));
        browser.click(By.xpath("//button[normalize-space()='Remove widget']"));
        browser.click(By.cssSelector(".tile[data-widget='bar-1'] .tile-header"));

        // When the query is emptied, the query field says so and Save draft sends nothing
        browser.type(By.id("prop-query"), "");
        assertThat(browser.text(By.cssSelector("[data-field=prop-query] .field-error"))).isEqualTo("is required: the SQL the agent runs");
        assertThat(browser.find(By.id("prop-query")).getDomAttribute("aria-invalid")).isEqualTo("true");
        browser.click(By.id("save-draft"));
        browser.click(By.id("confirm-save"));
        browser.waitForText(By.cssSelector("[data-testid=toast]"), "Fix 1 problem first: widgets[0].config.query");

        // When a Phase 3 type is chosen it is a type like the others (no warning), and when the widget takes a
        // name another dashboard uses, the server's refusal names widgets[0].name and lands on the Name field
        browser.type(By.id("prop-query"), "SELECT score FROM surveys");
        new Select(browser.find(By.id("prop-type"))).selectByValue("gauge");
        assertThat(browser.all(By.cssSelector("[data-field=prop-type] .field-warning"))).isEmpty();
        browser.type(By.id("prop-name"), "taken");
        browser.click(By.id("save-draft"));
        browser.click(By.id("confirm-save"));
        browser.waitForText(By.cssSelector("[data-field=prop-name] .field-error"), "already used on another dashboard");

        // and the JSON view shows the server's error at the same path
        browser.click(By.id("tab-json"));
        browser.waitForText(By.cssSelector("[data-testid=json-problems] li[data-field='widgets[0].name']"), "already used");
        assertThat(api.getJson("/api/tenants/" + fixture.tenantId() + "/versions", null)).isEmpty();

        // When the admin types a document without a query into the JSON editor, the schema names it inline
        WebElement editor = browser.find(By.cssSelector("[data-testid=json-editor] .cm-content"));
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        editor.sendKeys("{\"widgets\": [{\"name\": \"typed\", \"config\": {\"type\": \"line\"}}]}");
        browser.waitForText(By.cssSelector("[data-testid=json-problems] li[data-field='widgets[0].config.query']"), "is required");

        // and what they typed is the visual builder's widget, its error on the query field
        browser.click(By.id("tab-visual"));
        browser.click(By.cssSelector(".tile[data-widget='typed'] .tile-header"));
        assertThat(browser.text(By.cssSelector("[data-field=prop-query] .field-error"))).isEqualTo("is required: the SQL the agent runs");
        assertThat(browser.all(By.cssSelector(".tile"))).hasSize(1);
    }

    @Test
    @Order(3)
    void a_save_over_someone_elses_change_is_refused_and_the_admin_reloads_the_latest() throws Exception {
        Fixture fixture = tenantWithDashboard("conflict", List.of(widget("orders", "bar", "SELECT 1")));
        browser.open("/tenants/" + fixture.tenantId() + "/dashboards/" + fixture.dashboardId() + "/visual");
        browser.click(By.cssSelector(".tile[data-widget='orders']"));

        // Given someone else changes the dashboard behind the UI's back
        HttpResponse<String> theirs = api.saveOneWidget(fixture.dashboardId(), "returns", "line", "SELECT 2");
        api.getJson("/api/dashboards/" + fixture.dashboardId(), theirs.headers().firstValue("X-Consistency-Token").orElseThrow());

        // When the admin saves their own edit
        browser.type(By.id("prop-title"), "Orders this week");
        browser.click(By.id("save-draft"));
        browser.click(By.id("confirm-save"));

        // Then they are told, nothing of theirs is stored, and Reload shows the other change
        WebElement dialog = browser.find(By.id("conflict-dialog"));
        assertThat(dialog.getText()).contains("changed by someone else").contains("not saved");
        browser.click(By.xpath("//dialog[@id='conflict-dialog']//button[normalize-space()='Reload latest']"));
        browser.find(By.cssSelector(".tile[data-widget='returns']"));
        assertThat(browser.all(By.cssSelector(".tile[data-widget='orders']"))).isEmpty();
        assertThat(api.getJson("/api/tenants/" + fixture.tenantId() + "/versions", null)).isEmpty();
    }

    @Test
    @Order(4)
    void every_phase_3_control_of_the_property_panel_survives_the_json_view_and_the_saved_config_validates() throws Exception {
        // Given a tenant whose agent reported its data sources, and a line widget to edit
        Fixture fixture = tenantWithDashboard("panel-shop", List.of(
                placed(widget("revenue-trend", "line", "SELECT month, revenue, orders FROM sales"), 0, 0, 6, 4)));
        HttpResponse<String> sync = api.send("POST", "/api/agent/sync", Map.of("tenant_id", fixture.tenantId(), "current_version", 0,
                "agent_id", "plant-1", "data_sources", List.of(Map.of("id", "erp", "type", "sqlserver"), Map.of("id", "sales-csv", "type", "csv"))),
                fixture.apiKey(), null);
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
        browser.waitFor(SYNC_SHOWN, driver -> {
            try {
                return api.getJson("/api/tenants/" + fixture.tenantId() + "/data-sources", null).size() == 2;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        browser.open("/tenants/" + fixture.tenantId() + "/dashboards/" + fixture.dashboardId() + "/visual");
        browser.click(By.cssSelector(".tile[data-widget='revenue-trend'] .tile-header"));

        // When the admin sets its source, axes, series, a filter and a drilldown in the visual view
        choose("prop-source", "sql");
        assertThat(browser.all(By.cssSelector("#prop-connections option")).stream().map(o -> o.getDomProperty("value")).toList())
                .as("the ids the tenant's agent reported are offered").contains("erp", "sales-csv");
        browser.type(By.id("prop-connection"), "erp");
        browser.click(By.id("prop-filter-add"));
        browser.type(By.id("prop-filter-0-field"), "region");
        browser.type(By.id("prop-filter-0-label"), "Region");
        browser.type(By.id("prop-filter-0-options"), "North, South" + Keys.TAB);
        browser.type(By.id("prop-filter-0-default"), "North" + Keys.TAB);
        browser.type(By.id("prop-source-query"), "SELECT month, revenue, orders FROM sales WHERE region = '{region}'");
        browser.type(By.id("prop-xaxis-field"), "month");
        choose("prop-xaxis-type", "category");
        browser.type(By.id("prop-xaxis-format"), "MMM yyyy");
        browser.click(By.id("prop-yaxis-add"));
        browser.type(By.id("prop-yaxis-0-field"), "revenue");
        browser.type(By.id("prop-yaxis-0-format"), "currency");
        browser.click(By.id("prop-yaxis-add"));
        browser.type(By.id("prop-yaxis-1-field"), "orders");
        choose("prop-yaxis-1-position", "right");
        browser.click(By.id("prop-series-add"));
        browser.type(By.id("prop-series-0-field"), "revenue");
        browser.type(By.id("prop-series-0-name"), "Revenue");
        choose("prop-series-0-type", "line");
        choose("prop-series-0-smooth", "true");
        browser.click(By.id("prop-series-add"));
        browser.type(By.id("prop-series-1-field"), "orders");
        browser.type(By.id("prop-series-1-y-axis-index"), "1");
        browser.type(By.id("prop-series-1-dash-array"), "5,5");
        choose("prop-drilldown-enabled", "true");
        choose("prop-drilldown-target", "navigate");
        browser.type(By.id("prop-drilldown-query"), "SELECT * FROM orders WHERE month = '{month}'");
        assertThat(browser.all(By.cssSelector(".properties .field-error"))).as("no control is refused").isEmpty();

        // and goes to the JSON view and back
        browser.click(By.id("tab-json"));
        browser.waitForText(By.cssSelector("[data-testid=json-problems]"), "Valid against the widget configuration schema");
        // CodeMirror renders only the lines in view: the top of the widget is checked here, the rest after the round trip.
        String json = browser.text(By.cssSelector("[data-testid=json-editor] .cm-content"));
        assertThat(json).contains("\"connection\": \"erp\"", "\"target\": \"navigate\"");
        browser.click(By.id("tab-visual"));
        browser.click(By.cssSelector(".tile[data-widget='revenue-trend'] .tile-header"));

        // Then every control holds what was set
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("prop-source", "sql");
        expected.put("prop-connection", "erp");
        expected.put("prop-source-query", "SELECT month, revenue, orders FROM sales WHERE region = '{region}'");
        expected.put("prop-xaxis-field", "month");
        expected.put("prop-xaxis-type", "category");
        expected.put("prop-xaxis-format", "MMM yyyy");
        expected.put("prop-yaxis-0-field", "revenue");
        expected.put("prop-yaxis-0-format", "currency");
        expected.put("prop-yaxis-1-field", "orders");
        expected.put("prop-yaxis-1-position", "right");
        expected.put("prop-series-0-field", "revenue");
        expected.put("prop-series-0-name", "Revenue");
        expected.put("prop-series-0-type", "line");
        expected.put("prop-series-0-smooth", "true");
        expected.put("prop-series-1-field", "orders");
        expected.put("prop-series-1-y-axis-index", "1");
        expected.put("prop-series-1-dash-array", "5,5");
        expected.put("prop-filter-0-type", "select");
        expected.put("prop-filter-0-field", "region");
        expected.put("prop-filter-0-label", "Region");
        expected.put("prop-filter-0-options", "North, South");
        expected.put("prop-filter-0-default", "North");
        expected.put("prop-drilldown-enabled", "true");
        expected.put("prop-drilldown-target", "navigate");
        expected.put("prop-drilldown-query", "SELECT * FROM orders WHERE month = '{month}'");
        expected.forEach((control, value) ->
                assertThat(browser.find(By.id(control)).getDomProperty("value")).as(control).isEqualTo(value));

        // and the draft saves (command-api checks it against the same schema) holding the whole configuration
        browser.click(By.id("save-draft"));
        browser.click(By.id("confirm-save"));
        browser.waitForText(By.cssSelector("[data-testid=builder-status]"), "Draft v1");
        JsonNode versions = api.getJson("/api/tenants/" + fixture.tenantId() + "/versions", null);
        JsonNode draft = api.getJson("/api/tenants/" + fixture.tenantId() + "/versions/" + versions.get(0).get("id").asString(), null);
        JsonNode config = draft.at("/metadata/widgets").valueStream()
                .filter(widget -> widget.get("name").asString().equals("revenue-trend")).findFirst().orElseThrow().get("config");
        assertThat(config.at("/dataSource/connection").asString()).isEqualTo("erp");
        assertThat(config.at("/chartConfig/yAxis/1/position").asString()).isEqualTo("right");
        assertThat(config.at("/chartConfig/series/1/yAxisIndex").asInt()).isEqualTo(1);
        assertThat(config.at("/chartConfig/series/0/smooth").asBoolean()).isTrue();
        assertThat(config.at("/interactions/filters/0/options").toString()).isEqualTo("[\"North\",\"South\"]");
        assertThat(config.at("/interactions/drilldown/target").asString()).isEqualTo("navigate");
    }

    @Test
    @Order(4)
    void two_versions_are_compared_side_by_side_and_the_old_one_is_restored_as_a_new_draft_and_published() throws Exception {
        Fixture fixture = tenantWithDashboard("northwind", List.of(
                placed(widget("revenue", "kpi", "SELECT SUM(total) AS revenue FROM orders"), 0, 0, 3, 2),
                placed(widget("orders-today", "kpi", "SELECT COUNT(*) AS orders FROM orders WHERE order_date = CAST(GETDATE() AS date)"), 3, 0, 3, 2),
                placed(widget("sales-by-month", "bar", "SELECT month, total FROM sales"), 0, 2, 6, 4),
                placed(widget("sales-by-region", "pie", "SELECT region, SUM(total) AS total FROM orders GROUP BY region"), 6, 0, 6, 6),
                placed(widget("signups", "line", "SELECT day, signups FROM signups"), 0, 6, 12, 4)));
        api.draftAndPublish(fixture.tenantId(), "Launch layout");
        HttpResponse<String> change = api.command("PUT", "/api/dashboards/" + fixture.dashboardId() + "/widgets", Map.of("widgets", List.of(
                placed(widget("revenue", "kpi", "SELECT SUM(total) AS revenue FROM orders WHERE paid = 1"), 0, 0, 3, 2),
                placed(widget("sales-by-month", "bar", "SELECT month, total FROM sales"), 0, 2, 6, 4),
                placed(widget("sales-by-region", "pie", "SELECT region, SUM(total) AS total FROM orders GROUP BY region"), 6, 0, 6, 6))), 200);
        api.command("POST", "/api/tenants/" + fixture.tenantId() + "/versions", Map.of("message", "Paid orders only"), 201);
        String token = change.headers().firstValue("X-Consistency-Token").orElseThrow();
        api.getJson("/api/tenants/" + fixture.tenantId() + "/versions", token);

        // The builder's three views of the published layout, for the README
        browser.open("/tenants/" + fixture.tenantId() + "/dashboards/" + fixture.dashboardId() + "/preview");
        browser.find(By.cssSelector("[data-testid=preview] [data-widget='sales-by-month'] [data-chart=bar] svg"));
        assertThat(browser.text(By.id("sql-preview-title"))).isEqualTo("SQL Query Preview");
        assertThat(browser.text(By.cssSelector(".sql-preview[data-widget='sales-by-month']"))).contains("SELECT month, total FROM sales");
        screenshot("preview");

        // When the admin compares v1 with v2
        browser.open("/tenants/" + fixture.tenantId() + "/versions");
        browser.find(By.cssSelector("[data-testid=diff]"));
        String summary = browser.text(By.cssSelector(".diff-summary"));
        assertThat(summary).contains("0 added").contains("2 removed").contains("1 changed");
        assertThat(browser.text(By.cssSelector(".diff-table"))).contains("WHERE paid = 1");
        assertThat(browser.all(By.cssSelector(".diff-table tr.diff-changed"))).isNotEmpty();
        screenshot("versions-diff");

        // and restores v1 as a new draft, then publishes it
        browser.click(By.cssSelector("button[aria-label='Restore v1 as a new draft']"));
        browser.click(By.id("confirm-restore"));
        browser.waitForText(By.cssSelector("tr[data-version='3'] [data-testid=restored-from]"), "restored from v1");
        browser.click(By.cssSelector("button[aria-label='Publish v3']"));
        browser.waitForText(By.cssSelector("tr[data-version='3'] .badge"), "Published");
        JsonNode v3 = api.getJson("/api/tenants/" + fixture.tenantId() + "/versions", null).get(0);
        assertThat(v3.get("version").asInt()).isEqualTo(3);
        assertThat(v3.at("/restored_from/version").asInt()).isEqualTo(1);

        // Then the builder's working copy is v1's layout again
        browser.open("/tenants/" + fixture.tenantId() + "/dashboards/" + fixture.dashboardId() + "/visual");
        browser.find(By.cssSelector(".tile[data-widget='orders-today']"));
        browser.click(By.cssSelector(".tile[data-widget='sales-by-month'] .tile-header"));
        browser.actions().moveToElement(browser.find(By.cssSelector(".page-header h1"))).perform();
        screenshot("visual-builder");
        browser.click(By.id("tab-json"));
        browser.waitForText(By.cssSelector("[data-testid=json-editor] .cm-content"), "orders-today");
        screenshot("json-builder");

        // and in the dark theme
        browser.click(By.cssSelector(".theme-toggle"));
        browser.find(By.cssSelector(".json-editor.jse-theme-dark"));
        screenshot("json-builder-dark");
        browser.click(By.id("tab-visual"));
        browser.find(By.cssSelector(".tile[data-widget='orders-today']"));
        screenshot("visual-builder-dark");
        browser.click(By.cssSelector(".theme-toggle"));
        browser.waitFor(ExpectedConditions.attributeToBe(By.tagName("html"), "data-theme", "light"));
    }

    @Test
    @Order(6)
    void a_tenant_admin_signs_in_with_email_and_password_and_sees_only_its_own_tenant() throws Exception {
        // Given two tenants and a tenant-admin of one of them, created with the API
        String own = createdTenant("Initech", "initech");
        String other = createdTenant("Umbrella Corp", "umbrella-corp");
        HttpResponse<String> user = api.command("POST", "/api/users", Map.of("email", "peter@initech.example", "name", "Peter Gibbons",
                "password", "a long pass phrase", "role", "tenant-admin", "tenant_ids", List.of(own)), 201);
        api.getJson("/api/users/" + StackClient.JSON.readTree(user.body()).get("id").asString(),
                user.headers().firstValue("X-Consistency-Token").orElseThrow());
        browser.click(By.xpath("//button[normalize-space()='Sign out']"));
        browser.find(By.id("email"));
        screenshot("signin");

        // When a wrong password is tried, the password field says so and nobody is signed in
        browser.type(By.id("email"), "peter@initech.example");
        browser.type(By.id("password"), "not the pass phrase");
        browser.click(By.id("sign-in"));
        browser.waitForText(By.cssSelector("[data-field=password] .field-error"), "do not match an active user");

        // and then the right one
        browser.type(By.id("password"), "a long pass phrase");
        browser.click(By.id("sign-in"));

        // Then the landing shows who is signed in, and only their tenant's sync status
        browser.find(By.cssSelector("[data-screen=overview]"));
        assertThat(browser.text(By.cssSelector("[data-testid=signed-in-as]"))).contains("Peter Gibbons").contains("Tenant admin");
        browser.find(By.cssSelector("[data-testid=sync-status-table] tr[data-tenant='initech']"));
        assertThat(browser.all(By.cssSelector("[data-testid=sync-status-table] tbody tr"))).hasSize(1);

        // and the tenant list holds only Initech, with no way to create a tenant
        browser.click(By.cssSelector("nav a[href='/tenants']"));
        browser.find(By.cssSelector("tr[data-tenant='initech']"));
        assertThat(browser.all(By.cssSelector("[data-testid=tenants-table] tbody tr"))).hasSize(1);
        assertThat(browser.all(By.xpath("//button[normalize-space()='+ New tenant']"))).isEmpty();
        screenshot("tenant-admin-tenants");

        // and the users screen lists the tenant's people, read-only
        browser.click(By.cssSelector("nav a[href='/users']"));
        browser.find(By.cssSelector("[data-testid=users-table] tr[data-user='peter@initech.example']"));
        assertThat(browser.all(By.id("new-user"))).isEmpty();

        // and their tenant's page has its history, the break-glass token's doing named as such, and no tenant actions
        browser.open("/tenants/" + own);
        browser.waitForText(By.cssSelector("[data-testid=history-table] tr[data-event='tenant_created']"), "Admin token");
        assertThat(browser.all(By.xpath("//button[normalize-space()='Pause']"))).isEmpty();
        browser.find(By.cssSelector("#api-keys"));

        // and another tenant's page, even by its address, is as if it did not exist
        browser.open("/tenants/" + other);
        browser.waitForText(By.cssSelector(".banner-danger, [role=alert]"), "unknown tenant");

        browser.click(By.xpath("//button[normalize-space()='Sign out']"));
        browser.find(By.id("email"));
    }

    private String createdTenant(String name, String slug) throws Exception {
        HttpResponse<String> created = api.command("POST", "/api/tenants", Map.of("name", name, "slug", slug), 201);
        String id = StackClient.JSON.readTree(created.body()).at("/tenant/id").asString();
        // Created behind the UI's back: wait until the read side has it, as the UI does for its own commands.
        api.getJson("/api/tenants/" + id, created.headers().firstValue("X-Consistency-Token").orElseThrow());
        return id;
    }

    @Test
    @Order(5)
    void an_admin_finds_a_tenant_by_search_pauses_it_and_activates_it_again() throws Exception {
        for (String name : List.of("Contoso Retail", "Fabrikam Foods", "Globex Energy")) {
            HttpResponse<String> created = api.command("POST", "/api/tenants", Map.of("name", name, "slug", name.toLowerCase().replace(' ', '-')), 201);
            // Created behind the UI's back: wait until the read side has them, as the UI does for its own commands.
            api.getJson("/api/tenants/" + StackClient.JSON.readTree(created.body()).at("/tenant/id").asString(),
                    created.headers().firstValue("X-Consistency-Token").orElseThrow());
        }
        browser.click(By.cssSelector("nav a[href='/tenants']"));
        browser.find(By.cssSelector("tr[data-tenant='globex-energy']"));

        // When they search, only the matching tenant is listed
        browser.type(By.id("tenant-search"), "fabri");
        browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=tenants-table] tbody tr"), 1));
        browser.find(By.cssSelector("tr[data-tenant='fabrikam-foods']"));

        // and pause it with a reason
        browser.click(By.cssSelector("button[aria-label='Pause Fabrikam Foods']"));
        browser.type(By.id("pause-reason"), "Contract renewal");
        browser.click(By.xpath("//dialog[@id='pause-dialog']//button[@type='submit']"));
        browser.waitForText(By.cssSelector("tr[data-tenant='fabrikam-foods'] .badge"), "Paused");

        // Then the paused filter finds it, and activating brings it back
        browser.type(By.id("tenant-search"), "");
        browser.find(By.cssSelector("tr[data-tenant='globex-energy']"));
        new Select(browser.find(By.id("tenant-status"))).selectByValue("paused");
        browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=tenants-table] tbody tr"), 1));
        browser.find(By.cssSelector("tr[data-tenant='fabrikam-foods']"));
        browser.click(By.cssSelector("button[aria-label='Activate Fabrikam Foods']"));
        browser.waitForText(By.cssSelector("[data-testid=tenants-table], .empty-state"), "No tenant matches");
        new Select(browser.find(By.id("tenant-status"))).selectByValue("");
        browser.waitForText(By.cssSelector("tr[data-tenant='fabrikam-foods'] .badge"), "Active");
        assertThat(api.getJson("/api/tenants?status=paused", null)).isEmpty();
        screenshot("tenants");

        browser.click(By.cssSelector("nav a[href='/']"));
        browser.find(By.cssSelector("[data-testid=sync-status-table]"));
        screenshot("overview");

        // and the dark theme is one click away (and kept for the next visit)
        browser.click(By.cssSelector(".theme-toggle"));
        browser.waitFor(ExpectedConditions.attributeToBe(By.tagName("html"), "data-theme", "dark"));
        screenshot("overview-dark");
        browser.click(By.cssSelector(".theme-toggle"));
        browser.waitFor(ExpectedConditions.attributeToBe(By.tagName("html"), "data-theme", "light"));
    }

    /**
     * Picks a select's option by its value once the option is there: a panel edit re-renders its controls. The
     * option's value is read as a DOM property: Preact writes no value attribute where the value is the option's text.
     */
    private static void choose(String selectId, String value) {
        try {
            browser.waitFor(driver -> {
                try {
                    Select select = new Select(driver.findElement(By.id(selectId)));
                    List<WebElement> options = select.getOptions();
                    for (int i = 0; i < options.size(); i++) {
                        if (value.equals(options.get(i).getDomProperty("value"))) {
                            select.selectByIndex(i);
                            return value.equals(driver.findElement(By.id(selectId)).getDomProperty("value"));
                        }
                    }
                    return false;
                } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                    return false;
                }
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no option " + value + " in " + browser.script("const s = document.getElementById(arguments[0]);"
                    + " return s ? s.outerHTML : 'no element'", selectId), e);
        }
    }

    /** Dismisses the notifications, so a screenshot shows the screen. */
    private static void screenshot(String name) {
        browser.all(By.cssSelector("[data-testid=toast] button")).forEach(WebElement::click);
        browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=toast]"), 0));
        browser.screenshot(name);
    }

    private record Fixture(String tenantId, String apiKey, String dashboardId) {
    }

    private static Fixture tenantWithDashboard(String slug, List<Map<String, Object>> widgets) throws Exception {
        JsonNode tenant = StackClient.JSON.readTree(api.command("POST", "/api/tenants",
                Map.of("name", Character.toUpperCase(slug.charAt(0)) + slug.substring(1), "slug", slug), 201).body());
        String tenantId = tenant.at("/tenant/id").asString();
        JsonNode dashboard = StackClient.JSON.readTree(api.command("POST", "/api/tenants/" + tenantId + "/dashboards",
                Map.of("name", "Sales overview", "slug", "sales-overview"), 201).body());
        String dashboardId = dashboard.get("id").asString();
        HttpResponse<String> last = api.command("PUT", "/api/dashboards/" + dashboardId + "/widgets", Map.of("widgets", widgets), 200);
        api.getJson("/api/dashboards/" + dashboardId, last.headers().firstValue("X-Consistency-Token").orElseThrow());
        return new Fixture(tenantId, tenant.get("api_key").asString(), dashboardId);
    }

    private static Map<String, Object> widget(String name, String type, String query) {
        return Map.of("name", name, "config", Map.of("query", query, "type", type, "title", title(name)));
    }

    private static Map<String, Object> placed(Map<String, Object> widget, int x, int y, int width, int height) {
        return Map.of("name", widget.get("name"), "config", widget.get("config"),
                "position_x", x, "position_y", y, "width", width, "height", height);
    }

    private static String title(String name) {
        String words = name.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The agent's sync as the reference agent sends it: its id, and what it has applied. */
    private static JsonNode agentSync(String tenantId, String apiKey, int currentVersion, Integer appliedVersion) throws Exception {
        Map<String, Object> body = appliedVersion == null
                ? Map.of("tenant_id", tenantId, "current_version", currentVersion, "agent_version", "1.0.0", "agent_id", "plant-1")
                : Map.of("tenant_id", tenantId, "current_version", currentVersion, "agent_version", "1.0.0", "agent_id", "plant-1",
                        "applied_version", appliedVersion, "last_status", "success");
        HttpResponse<String> response = api.send("POST", "/api/agent/sync", body, apiKey, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StackClient.JSON.readTree(response.body());
    }
}

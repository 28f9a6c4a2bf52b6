package io.flexboard.projector;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flexboard.fold.TenantStory;
import io.flexboard.schemas.Widget;
import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static io.flexboard.fold.TenantStory.tenantWithPublishedVersion;
import static io.flexboard.fold.TenantStory.widget;
import static io.flexboard.projector.ReadModels.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ProjectorStoryTest extends ProjectorIntegrationTest {

    @Test
    void given_the_whole_story_of_a_tenant_when_projected_then_every_read_model_holds_exactly_its_rows() {
        TenantStory story = tenantWithPublishedVersion("Acme");
        String dashboard = story.dashboardId(0);
        Widget revenue = widget(dashboard, "revenue-total", "kpi", 0, 0);
        Widget orders = widget(dashboard, "orders-by-region", "pie", 6, 0);
        story.widgetsReplaced(dashboard, revenue, orders);
        story.draftSaved();
        story.versionPublished(2);

        events.send(story.events());
        awaitPosition(story, 9);

        // is_active: the boolean V14 keeps one release beside status, for a rolling upgrade.
        assertThat(readModels.row("select * from tenants where id = ?", story.tenantId)).isEqualTo(row(
                "id", story.tenantId, "name", "Acme", "slug", story.slug, "license_type", "basic",
                "max_dashboards", 5, "max_widgets_per_dashboard", 20, "status", "active", "dashboard_count", 1,
                "last_sync", null, "created_at", story.occurredAt(0), "updated_at", story.occurredAt(0), "paused_reason", null,
                "branding", null, "is_active", true));
        String keyId = story.keyIds().get(0);
        assertThat(readModels.rows("select * from api_keys where tenant_id = ?", story.tenantId)).containsExactly(row(
                "key_id", keyId, "tenant_id", story.tenantId, "key_hash", TenantStory.keyHash(keyId),
                "key_prefix", TenantStory.keyPrefix(keyId), "created_at", story.occurredAt(1), "name", "default",
                "created_by", "alice", "revoked_at", null));
        assertThat(readModels.rows("select * from dashboards where tenant_id = ?", story.tenantId)).containsExactly(row(
                "id", dashboard, "tenant_id", story.tenantId, "name", "Sales", "slug", "sales", "description", "About Sales",
                "widget_count", 2, "created_at", story.occurredAt(2), "updated_at", story.occurredAt(6)));
        assertThat(readModels.rows("select * from widgets where tenant_id = ? order by sort_order", story.tenantId))
                .containsExactly(widgetRow(story, revenue, 0), widgetRow(story, orders, 1));

        List<Map<String, Object>> versions = readModels.rows(
                "select id, version, status, message, created_by, created_at, published_at from versions"
                        + " where tenant_id = ? order by version", story.tenantId);
        assertThat(versions).containsExactly(
                row("id", story.versionId(1), "version", 1, "status", "archived", "message", "draft 1",
                        "created_by", "alice", "created_at", story.occurredAt(4), "published_at", story.occurredAt(5)),
                row("id", story.versionId(2), "version", 2, "status", "published", "message", "draft 2",
                        "created_by", "alice", "created_at", story.occurredAt(7), "published_at", story.occurredAt(9)));
        assertThat(readModels.row("select metadata from versions where tenant_id = ? and version = 2", story.tenantId)
                .get("metadata")).isEqualTo(json("""
                { "dashboards": [ { "id": "%1$s", "name": "Sales", "slug": "sales", "description": "About Sales" } ],
                  "widgets": [
                    { "id": "%2$s", "dashboard_id": "%1$s", "name": "revenue-total", "widget_type": "kpi",
                      "config": { "query": "SELECT month, total FROM revenue_total", "type": "kpi", "refreshInterval": 60000 },
                      "position_x": 0, "position_y": 0, "width": 6, "height": 4 },
                    { "id": "%3$s", "dashboard_id": "%1$s", "name": "orders-by-region", "widget_type": "pie",
                      "config": { "query": "SELECT month, total FROM orders_by_region", "type": "pie", "refreshInterval": 60000 },
                      "position_x": 6, "position_y": 0, "width": 6, "height": 4 } ] }
                """.formatted(dashboard, revenue.getWidgetId(), orders.getWidgetId())));

        assertThat(readModels.row("select * from published_versions where tenant_id = ?", story.tenantId)).isEqualTo(row(
                "tenant_id", story.tenantId, "version_id", story.versionId(2), "version", 2,
                "published_at", story.occurredAt(9), "published_configuration", json("""
                { "version": 2,
                  "dashboards": [ { "id": "%1$s", "name": "Sales", "slug": "sales", "description": "About Sales" } ],
                  "widgets": [
                    { "id": "%2$s", "dashboard_id": "%1$s", "name": "revenue-total", "widget_type": "kpi",
                      "position_x": 0, "position_y": 0, "width": 6, "height": 4 },
                    { "id": "%3$s", "dashboard_id": "%1$s", "name": "orders-by-region", "widget_type": "pie",
                      "position_x": 6, "position_y": 0, "width": 6, "height": 4 } ],
                  "config": {
                    "revenue-total": { "query": "SELECT month, total FROM revenue_total", "type": "kpi", "refreshInterval": 60000 },
                    "orders-by-region": { "query": "SELECT month, total FROM orders_by_region", "type": "pie", "refreshInterval": 60000 } } }
                """.formatted(dashboard, revenue.getWidgetId(), orders.getWidgetId()))));
    }

    @Test
    void given_a_projected_tenant_when_the_same_records_are_delivered_again_then_the_read_models_are_exactly_as_after_once() {
        TenantStory story = tenantWithPublishedVersion("Initech");
        events.send(story.events());
        awaitPosition(story, 5);
        double duplicatesBefore = eventsCounted("duplicate");

        events.send(story.events());
        story.apiKeyIssued();
        events.send(List.of(story.event(6)));
        awaitPosition(story, 6);

        assertThat(eventsCounted("duplicate") - duplicatesBefore).isEqualTo(6);
        assertProjectedAsTenantWithPublishedVersion(story, 2);
    }

    @Test
    void given_the_projection_crashes_mid_batch_when_the_consumer_restarts_then_the_batch_is_applied_exactly_once() {
        TenantStory story = tenantWithPublishedVersion("Globex");
        // Fails after the tenant's dashboard_count was incremented for this DashboardCreated event:
        // only a rollback of the whole batch keeps that increment from being applied twice.
        failureHook.armFor(story.event(2));
        // Sent while the consumer is down, so its first poll after the restart gets all six events
        // in one batch: the failure then sits in the middle of the batch, after events 0 and 1.
        projectorContainer().stop();
        events.send(story.events());
        projectorContainer().start();

        await().atMost(PROJECTION_TIMEOUT).until(() -> failureHook.failures() >= 2);
        assertThat(readModels.position(story.tenantId)).as("nothing of the failed batch is committed").isNull();
        assertThat(readModels.rows("select * from tenants where id = ?", story.tenantId)).isEmpty();

        projectorContainer().stop();
        failureHook.disarm();
        projectorContainer().start();
        awaitPosition(story, 5);

        assertProjectedAsTenantWithPublishedVersion(story, 1);
    }

    @Test
    void given_the_projector_is_running_when_operations_ask_for_health_then_it_answers_up_with_the_database_check() {
        http.get().uri("/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP");
    }

    private void assertProjectedAsTenantWithPublishedVersion(TenantStory story, int apiKeys) {
        String dashboard = story.dashboardId(0);
        assertThat(readModels.row("select dashboard_count from tenants where id = ?", story.tenantId))
                .isEqualTo(row("dashboard_count", 1));
        assertThat(readModels.rows("select key_id from api_keys where tenant_id = ?", story.tenantId)).hasSize(apiKeys);
        assertThat(readModels.rows("select id, widget_count from dashboards where tenant_id = ?", story.tenantId))
                .containsExactly(row("id", dashboard, "widget_count", 2));
        assertThat(readModels.rows("select name, sort_order from widgets where tenant_id = ? order by sort_order",
                story.tenantId)).containsExactly(
                row("name", "sales-by-month", "sort_order", 0), row("name", "sales-total", "sort_order", 1));
        assertThat(readModels.rows("select version, status, published_at from versions where tenant_id = ?", story.tenantId))
                .containsExactly(row("version", 1, "status", "published", "published_at", story.occurredAt(5)));
        Map<String, Object> published = readModels.row(
                "select version, published_configuration from published_versions where tenant_id = ?", story.tenantId);
        assertThat(published.get("version")).isEqualTo(1);
        assertThat(json(published.get("published_configuration").toString()).path("config").propertyNames())
                .containsExactlyInAnyOrder("sales-by-month", "sales-total");
    }

    private static Map<String, Object> widgetRow(TenantStory story, Widget widget, int sortOrder) {
        return row("id", widget.getWidgetId(), "tenant_id", story.tenantId, "dashboard_id", widget.getDashboardId(),
                "name", widget.getName(), "widget_type", widget.getWidgetType(), "config", json(widget.getConfigJson()),
                "position_x", widget.getPositionX(), "position_y", widget.getPositionY(), "width", widget.getWidth(),
                "height", widget.getHeight(), "sort_order", sortOrder);
    }

    /** A row as column → value pairs, in column order (Map.of refuses nulls). */
    private static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }
}

package io.flexboard.projector;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flexboard.fold.EnvelopeV1;
import io.flexboard.fold.InMemoryReadModel;
import io.flexboard.fold.JsonDocument;
import io.flexboard.fold.TenantStory;
import io.flexboard.projector.projection.BatchProjection;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.Widget;
import io.flexboard.schemas.wire.EventCodec;
import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.context.EmbeddedKafka;
import reactor.test.StepVerifier;

import static io.flexboard.fold.TenantStory.widget;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live read models and the in-memory fold are one piece of code: a tenant's whole story,
 * projected by the real projector into PostgreSQL, equals table by table and row by row what
 * {@link InMemoryReadModel} folds from the same events (query-api's state at a moment).
 */
@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OneFoldTwoUsesTest extends ProjectorIntegrationTest {

    @Autowired
    BatchProjection projection;

    @Test
    void given_a_rich_tenant_story_when_projected_and_folded_in_memory_then_every_table_holds_the_same_rows() {
        TenantStory story = richStory();
        List<EventEnvelope> stream = story.events();
        // The first event as a producer that only knew envelope schema v1 wrote it: old events still read.
        events.sendBytes(story.tenantId, EnvelopeV1.encode(stream.get(0)));
        events.send(stream.subList(1, stream.size()));
        awaitPosition(story, story.lastSequence());

        assertSameRowsAsTheFold(story);
    }

    /**
     * A batch is written as its net row changes: however the story is cut into batches (each event
     * alone, a few, all at once; a widget moved between dashboards, versions saved, published and
     * archived within one batch), the tables end up the same.
     */
    @ParameterizedTest(name = "batches of {0}")
    @ValueSource(ints = {1, 2, 5, 1000})
    void given_the_story_in_batches_of_any_size_when_projected_then_every_table_holds_the_same_rows_as_the_fold(int batchSize) {
        TenantStory story = richStory();
        List<EventEnvelope> stream = story.events();
        for (int from = 0; from < stream.size(); from += batchSize) {
            List<EventEnvelope> batch = stream.subList(from, Math.min(stream.size(), from + batchSize));
            StepVerifier.create(projection.project(batch))
                    .assertNext(result -> assertThat(result.applied()).isEqualTo(batch.size()))
                    .expectComplete()
                    .verify(PROJECTION_TIMEOUT);
        }

        assertSameRowsAsTheFold(story);
    }

    private void assertSameRowsAsTheFold(TenantStory story) {
        List<EventEnvelope> stream = story.events();
        InMemoryReadModel folded = new InMemoryReadModel();
        stream.forEach(folded::apply);
        UUID tenant = UUID.fromString(story.tenantId);

        List<Map<String, Object>> tenants = readModels.rows("select * from tenants where id = ?", story.tenantId);
        // last_sync comes from the agents' sync reports, not from the events: the fold never writes it.
        assertThat(tenants).extracting(row -> row.remove("last_sync")).containsOnlyNulls();
        // The boolean V14 keeps one release beside status for a rolling upgrade: the database keeps it in step, not the fold.
        assertThat(tenants).allSatisfy(row -> assertThat(row.remove("is_active")).isEqualTo("active".equals(row.get("status"))));
        assertThat(tenants).isEqualTo(rows(folded.tenant(tenant).stream().toList()));
        assertSameRows("select * from api_keys where tenant_id = ?", story, folded.apiKeys(tenant));
        assertSameRows("select * from dashboards where tenant_id = ?", story, folded.dashboards(tenant));
        List<Record> widgets = new ArrayList<>();
        folded.dashboards(tenant).forEach(dashboard -> widgets.addAll(folded.widgets(dashboard.id())));
        assertThat(widgets).as("the story leaves widgets to compare").hasSizeGreaterThan(2);
        assertSameRows("select * from widgets where tenant_id = ?", story, widgets);
        assertSameRows("select * from versions where tenant_id = ?", story, folded.versions(tenant));
        assertSameRows("select * from published_versions where tenant_id = ?", story,
                folded.publishedVersion(tenant).stream().toList());
        List<Map<String, Object>> history = readModels.rows(
                "select * from event_history where tenant_id = ? order by aggregate_sequence", story.tenantId);
        history.forEach(row -> row.put("envelope", EventCodec.instance().decode((byte[]) row.get("envelope"))));
        assertThat(history).hasSize(stream.size()).isEqualTo(rows(folded.history(tenant)));
        assertThat(readModels.rows("select aggregate_sequence from tenant_positions where tenant_id = ?", story.tenantId))
                .containsExactly(Map.of("aggregate_sequence", story.lastSequence()));
    }

    /**
     * Keys (named, revoked), two dashboards, widgets replaced several times, a widget moved from one dashboard to the
     * other, a widget's name passed to a new one, drafts, publishes that archive, a pause, a restored draft
     * and branding set twice (the last after the last draft).
     */
    private static TenantStory richStory() {
        TenantStory story = TenantStory.newTenant("Acme");
        story.apiKeyIssued();
        String sales = story.dashboardCreated("Sales", "sales");
        String ops = story.dashboardCreated("Ops", "ops");
        story.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0), widget(sales, "revenue-total", "kpi", 6, 0));
        story.widgetsReplaced(ops, widget(ops, "open-tickets", "table", 0, 0));
        story.versionPublished(story.draftSaved());
        story.widgetsReplaced(sales, widget(sales, "revenue-total", "kpi", 0, 0), widget(sales, "orders-by-region", "pie", 6, 0));
        story.widgetsReplaced(sales, widget(sales, "revenue-total", "kpi", 0, 0), widget(sales, "orders-by-region", "pie", 6, 0),
                widget(sales, "sales-by-month", "line", 0, 4));
        story.draftSaved();
        story.versionPublished(2);
        String plant2 = story.apiKeyIssued("plant-2");
        story.apiKeyRevoked(story.keyIds().get(0));
        story.apiKeyRevoked(plant2);
        story.tenantPaused("invoice overdue");
        story.tenantActivated();
        story.brandingSet("#1a365d");
        // Moved: off ops first, then onto sales with the same id, as the aggregate orders a move.
        Widget openTickets = widget(ops, "open-tickets", "table", 0, 0);
        story.widgetsReplaced(ops);
        story.widgetsReplaced(sales, widget(sales, "revenue-total", "kpi", 0, 0), widget(sales, "orders-by-region", "pie", 6, 0),
                Widget.newBuilder(openTickets).setDashboardId(sales).setPositionY(8).build());
        // A name passed on: a new widget under the name (listed first), the old one renamed.
        story.widgetsReplaced(sales, widget(sales, "revenue-total", "kpi", 0, 0),
                Widget.newBuilder(widget(sales, "orders-by-region-2", "bar", 0, 12)).setName("orders-by-region").build(),
                Widget.newBuilder(widget(sales, "orders-by-region", "pie", 6, 0)).setName("regional-orders").build(),
                Widget.newBuilder(openTickets).setDashboardId(sales).setPositionY(8).build());
        story.draftRestored(1);
        story.versionPublished(3);
        story.draftSaved();
        story.brandingSet("#553c9a");
        return story;
    }

    private void assertSameRows(String sql, TenantStory story, List<? extends Record> folded) {
        assertThat(readModels.rows(sql, story.tenantId)).as(sql).hasSize(folded.size())
                .containsExactlyInAnyOrderElementsOf(rows(folded));
    }

    /** The fold's rows as JDBC reads them back (ReadModels): snake_case columns, uuid as text, jsonb as a tree. */
    private static List<Map<String, Object>> rows(List<? extends Record> rows) {
        return rows.stream().map(OneFoldTwoUsesTest::columns).toList();
    }

    private static Map<String, Object> columns(Record row) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (RecordComponent component : row.getClass().getRecordComponents()) {
            try {
                columns.put(snakeCase(component.getName()), value(component.getAccessor().invoke(row)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return columns;
    }

    private static Object value(Object value) {
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        return value instanceof JsonDocument document ? document.tree() : value;
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([A-Z])", "_$1").toLowerCase();
    }
}

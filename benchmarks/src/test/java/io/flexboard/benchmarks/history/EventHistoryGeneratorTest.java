package io.flexboard.benchmarks.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.flexboard.schemas.DashboardSnapshot;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.Widget;
import io.flexboard.schemas.event.ApiKeyIssuedEvent;
import io.flexboard.schemas.event.DashboardCreatedEvent;
import io.flexboard.schemas.event.DraftSavedEvent;
import io.flexboard.schemas.event.TenantCreatedEvent;
import io.flexboard.schemas.event.VersionArchivedEvent;
import io.flexboard.schemas.event.VersionPublishedEvent;
import io.flexboard.schemas.event.WidgetsReplacedEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The generated history is one the command side could have written: every rule of TenantAggregate holds. */
class EventHistoryGeneratorTest {

    private static final EventHistoryGenerator.Settings SETTINGS = new EventHistoryGenerator.Settings(
            25, 30_000, 3_000, Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"), 7);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventHistoryGenerator generator = new EventHistoryGenerator(SETTINGS);
    private static List<EventEnvelope> events;

    @BeforeAll
    static void generate() {
        events = generator.events().toList();
    }

    @Test
    void the_counts_are_exact_and_the_events_come_in_time_order_within_the_span() {
        assertThat(events).hasSize(30_000);
        assertThat(events.stream().map(EventEnvelope::getTenantId).distinct()).hasSize(26);
        assertThat(events.stream().filter(e -> e.getTenantId().equals(generator.bigTenantId()))).hasSize(3_000);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).getOccurredAt()).isAfterOrEqualTo(events.get(i - 1).getOccurredAt());
        }
        assertThat(events.get(0).getOccurredAt()).isAfterOrEqualTo(SETTINGS.start());
        assertThat(events.get(events.size() - 1).getOccurredAt()).isBefore(SETTINGS.end());
        Set<String> types = events.stream().map(e -> e.getPayload().getClass().getSimpleName()).collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrder("TenantCreatedEvent", "ApiKeyIssuedEvent", "DashboardCreatedEvent",
                "WidgetsReplacedEvent", "DraftSavedEvent", "VersionPublishedEvent", "VersionArchivedEvent");
    }

    @Test
    void every_tenants_stream_follows_the_aggregates_rules() throws Exception {
        Map<String, List<EventEnvelope>> byTenant = new LinkedHashMap<>();
        events.forEach(e -> byTenant.computeIfAbsent(e.getTenantId(), id -> new ArrayList<>()).add(e));
        for (List<EventEnvelope> stream : byTenant.values()) {
            new TenantRules().check(stream);
        }
    }

    @Test
    void the_same_settings_give_the_same_events_and_the_big_tenant_alone_is_its_share_of_them() {
        List<EventEnvelope> again = new EventHistoryGenerator(SETTINGS).events().toList();

        assertThat(again).isEqualTo(events);
        assertThat(generator.bigTenantEvents().toList())
                .isEqualTo(events.stream().filter(e -> e.getTenantId().equals(generator.bigTenantId())).toList());
    }

    /** What TenantAggregate checks, replayed over one generated stream. */
    private static final class TenantRules {
        private int maxDashboards;
        private int maxWidgets;
        private final Map<String, DashboardSnapshot> dashboards = new LinkedHashMap<>();
        private final Map<String, List<Widget>> widgets = new HashMap<>();
        private final Map<String, String> versionStatus = new HashMap<>();
        private final Map<String, Integer> versionNumbers = new HashMap<>();
        private int lastVersion;
        private String published;

        void check(List<EventEnvelope> stream) throws Exception {
            for (int i = 0; i < stream.size(); i++) {
                EventEnvelope event = stream.get(i);
                assertThat(event.getAggregateSequence()).isEqualTo(i);
                Object payload = event.getPayload();
                if (i == 0) {
                    assertThat(payload).isInstanceOf(TenantCreatedEvent.class);
                } else if (i == 1) {
                    assertThat(payload).isInstanceOf(ApiKeyIssuedEvent.class);
                }
                if (payload instanceof TenantCreatedEvent created) {
                    maxDashboards = created.getMaxDashboards();
                    maxWidgets = created.getMaxWidgetsPerDashboard();
                } else if (payload instanceof ApiKeyIssuedEvent key) {
                    assertThat(key.getKeyHash()).hasSize(64);
                } else if (payload instanceof DashboardCreatedEvent created) {
                    assertThat(dashboards).hasSizeLessThan(maxDashboards);
                    assertThat(dashboards.values()).noneMatch(d -> d.getSlug().equals(created.getSlug()));
                    dashboards.put(created.getDashboardId(), new DashboardSnapshot(created.getDashboardId(), created.getName(),
                            created.getSlug(), created.getDescription()));
                } else if (payload instanceof WidgetsReplacedEvent replaced) {
                    widgetsReplaced(replaced);
                } else if (payload instanceof DraftSavedEvent draft) {
                    assertThat(draft.getVersion()).isEqualTo(lastVersion + 1);
                    assertThat(draft.getParentVersion()).isEqualTo(lastVersion == 0 ? null : lastVersion);
                    assertThat(draft.getMetadata().getDashboards()).containsExactlyElementsOf(dashboards.values());
                    List<Widget> all = new ArrayList<>();
                    dashboards.keySet().forEach(id -> all.addAll(widgets.getOrDefault(id, List.of())));
                    assertThat(draft.getMetadata().getWidgets()).containsExactlyElementsOf(all);
                    lastVersion = draft.getVersion();
                    versionStatus.put(draft.getVersionId(), "draft");
                    versionNumbers.put(draft.getVersionId(), draft.getVersion());
                } else if (payload instanceof VersionArchivedEvent archived) {
                    assertThat(archived.getVersionId()).isEqualTo(published);
                    assertThat(stream.get(i + 1).getPayload()).isInstanceOf(VersionPublishedEvent.class);
                    versionStatus.put(archived.getVersionId(), "archived");
                    published = null;
                } else if (payload instanceof VersionPublishedEvent publishedEvent) {
                    assertThat(published).as("archived before another is published").isNull();
                    assertThat(versionStatus.get(publishedEvent.getVersionId())).isEqualTo("draft");
                    assertThat(versionNumbers.get(publishedEvent.getVersionId())).isEqualTo(publishedEvent.getVersion());
                    versionStatus.put(publishedEvent.getVersionId(), "published");
                    published = publishedEvent.getVersionId();
                } else {
                    throw new AssertionError("unexpected event " + payload);
                }
            }
        }

        private void widgetsReplaced(WidgetsReplacedEvent replaced) throws Exception {
            assertThat(dashboards).containsKey(replaced.getDashboardId());
            assertThat(replaced.getWidgets()).hasSizeLessThanOrEqualTo(maxWidgets).isNotEmpty();
            Set<String> otherNames = new HashSet<>();
            widgets.forEach((dashboard, list) -> {
                if (!dashboard.equals(replaced.getDashboardId())) {
                    list.forEach(w -> otherNames.add(w.getName()));
                }
            });
            Set<String> names = new HashSet<>();
            for (Widget widget : replaced.getWidgets()) {
                assertThat(widget.getName()).matches("[a-z0-9]+(-[a-z0-9]+)*").hasSizeLessThanOrEqualTo(64);
                assertThat(names.add(widget.getName()) && !otherNames.contains(widget.getName())).as("unique name " + widget.getName()).isTrue();
                assertThat(widget.getPositionX() + widget.getWidth()).isLessThanOrEqualTo(12);
                JsonNode config = JSON.readTree(widget.getConfigJson());
                assertThat(config.get("query").asString()).startsWith("SELECT");
                assertThat(config.get("type").asString()).isEqualTo(widget.getWidgetType()).isIn("bar", "line", "pie", "kpi", "table");
                assertThat(widget.getDashboardId()).isEqualTo(replaced.getDashboardId());
            }
            widgets.put(replaced.getDashboardId(), List.copyOf(replaced.getWidgets()));
        }
    }
}

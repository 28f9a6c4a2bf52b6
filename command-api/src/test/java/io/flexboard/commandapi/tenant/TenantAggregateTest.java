package io.flexboard.commandapi.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flexboard.commandapi.api.ActivateTenantCommand;
import io.flexboard.commandapi.api.CreateDashboardCommand;
import io.flexboard.commandapi.api.CreateTenantCommand;
import io.flexboard.commandapi.api.EventTooLargeException;
import io.flexboard.commandapi.api.InvalidCommandException;
import io.flexboard.commandapi.api.IssuedApiKey;
import io.flexboard.commandapi.api.PauseTenantCommand;
import io.flexboard.commandapi.api.PausedOrActive;
import io.flexboard.commandapi.api.PublishVersionCommand;
import io.flexboard.commandapi.api.ReplaceWidgetsCommand;
import io.flexboard.commandapi.api.RestoreVersionCommand;
import io.flexboard.commandapi.api.RestoredDraft;
import io.flexboard.commandapi.api.RuleViolationException;
import io.flexboard.commandapi.api.SaveDraftCommand;
import io.flexboard.commandapi.api.Unchanged;
import io.flexboard.commandapi.api.UnknownEntityException;
import io.flexboard.commandapi.api.WidgetInput;
import io.flexboard.commandapi.input.StorableInput;
import io.flexboard.schemas.DashboardSnapshot;
import io.flexboard.schemas.PublishedConfiguration;
import io.flexboard.schemas.Widget;
import io.flexboard.schemas.event.ApiKeyIssuedEvent;
import io.flexboard.schemas.event.DashboardCreatedEvent;
import io.flexboard.schemas.event.DraftSavedEvent;
import io.flexboard.schemas.event.TenantActivatedEvent;
import io.flexboard.schemas.event.TenantCreatedEvent;
import io.flexboard.schemas.event.TenantPausedEvent;
import io.flexboard.schemas.event.VersionArchivedEvent;
import io.flexboard.schemas.event.VersionPublishedEvent;
import io.flexboard.schemas.event.WidgetsReplacedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One test per rule of the tenant aggregate, given events / when command / then events or refusal. */
class TenantAggregateTest {

    private static final String TENANT = "7d0c1f56-2a7b-4c1e-9a4f-3f1d8c2b0a01";
    private static final String SALES = "5b6a1e0c-1111-4c1e-9a4f-3f1d8c2b0a02";
    private static final String OPS = "5b6a1e0c-2222-4c1e-9a4f-3f1d8c2b0a03";
    private static final String HR = "5b6a1e0c-3333-4c1e-9a4f-3f1d8c2b0a04";
    private static final String REVENUE_WIDGET = "9c1d2e3f-4444-4c1e-9a4f-3f1d8c2b0a05";
    private static final IssuedApiKey KEY = new IssuedApiKey("key-1", "ab".repeat(32), "fbk_abcdef");
    private static final Map<String, Object> ALICE = Map.of("actor", "alice");

    private AggregateTestFixture<TenantAggregate> fixture;
    private final Set<String> claimedSlugs = new HashSet<>();
    private final InMemoryDashboardOwners owners = new InMemoryDashboardOwners();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TenantAggregate.class);
        // As in StorableInputConfig: every command passes the storable-text check before the aggregate.
        fixture.registerCommandHandlerInterceptor(new StorableInput());
        fixture.registerInjectableResource((TenantSlugs) (slug, tenantId) -> claimedSlugs.add(slug));
        fixture.registerInjectableResource(owners);
    }

    // --- tenants -------------------------------------------------------------------------------

    @Test
    void a_new_tenant_gets_the_specs_default_license_and_its_first_api_key() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand(TENANT, "Acme Corp", "acme", null, null, null, KEY))
                .expectEvents(tenantCreated(5, 20),
                        new ApiKeyIssuedEvent(TENANT, KEY.keyId(), KEY.keyHash(), KEY.keyPrefix(), "default"));
    }

    @Test
    void a_tenant_slug_already_used_by_another_tenant_is_refused() {
        claimedSlugs.add("acme");

        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand(TENANT, "Acme Corp", "acme", null, null, null, KEY))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void a_tenant_without_name_and_with_an_unsafe_slug_is_refused_naming_both_fields() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand(TENANT, " ", "Acme Corp!", null, 0, null, KEY))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("field=name"),
                        org.hamcrest.Matchers.containsString("field=slug"),
                        org.hamcrest.Matchers.containsString("field=max_dashboards")));
    }

    @Test
    void text_postgresql_cannot_store_never_reaches_the_tenant() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand(TENANT, "Acme\u0000Corp", "acme", null, null, null, KEY))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("field=name"))
                .expectNoEvents();
    }

    // --- pause and activate --------------------------------------------------------------------

    @Test
    void a_tenant_is_paused_with_the_admins_reason() {
        fixture.given(tenantCreated(5, 20))
                .when(new PauseTenantCommand(TENANT, null, "  invoice overdue "))
                .expectEvents(new TenantPausedEvent(TENANT, "invoice overdue"))
                .expectResultMessagePayload(new PausedOrActive(true, "invoice overdue"));
    }

    @Test
    void a_blank_pause_reason_is_no_reason() {
        fixture.given(tenantCreated(5, 20))
                .when(new PauseTenantCommand(TENANT, null, " "))
                .expectEvents(new TenantPausedEvent(TENANT, null));
    }

    @Test
    void a_pause_reason_over_500_characters_is_refused_naming_the_field() {
        fixture.given(tenantCreated(5, 20))
                .when(new PauseTenantCommand(TENANT, null, "x".repeat(501)))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("field=reason"));
    }

    @Test
    void pausing_a_paused_tenant_changes_nothing_and_keeps_the_first_reason() {
        fixture.given(tenantCreated(5, 20), new TenantPausedEvent(TENANT, "invoice overdue"))
                .when(new PauseTenantCommand(TENANT, null, "another reason"))
                .expectNoEvents()
                .expectResultMessagePayload(new Unchanged(new PausedOrActive(true, "invoice overdue"), 1));
    }

    @Test
    void a_paused_tenant_is_activated_again() {
        fixture.given(tenantCreated(5, 20), new TenantPausedEvent(TENANT, "invoice overdue"))
                .when(new ActivateTenantCommand(TENANT, null))
                .expectEvents(new TenantActivatedEvent(TENANT))
                .expectResultMessagePayload(new PausedOrActive(false, null));
    }

    @Test
    void activating_an_active_tenant_changes_nothing() {
        fixture.given(tenantCreated(5, 20), new TenantPausedEvent(TENANT, null), new TenantActivatedEvent(TENANT))
                .when(new ActivateTenantCommand(TENANT, null))
                .expectNoEvents()
                .expectResultMessagePayload(new Unchanged(new PausedOrActive(false, null), 2));
    }

    @Test
    void a_paused_tenant_keeps_taking_the_builders_commands() {
        fixture.given(tenantCreated(5, 20), new TenantPausedEvent(TENANT, null), draftSaved("v1", 1))
                .when(new PublishVersionCommand(TENANT, null, "v1"), ALICE)
                .expectEvents(new VersionPublishedEvent(TENANT, "v1", 1, "alice"));
    }

    @Test
    void a_stale_expected_version_is_refused_even_when_the_command_would_change_nothing() {
        fixture.given(tenantCreated(5, 20), new TenantPausedEvent(TENANT, null))
                .when(new PauseTenantCommand(TENANT, 0L, null))
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
    }

    // --- dashboards ----------------------------------------------------------------------------

    @Test
    void a_dashboard_is_added_to_the_tenant() {
        fixture.given(tenantCreated(5, 20))
                .when(new CreateDashboardCommand(TENANT, null, SALES, "Sales", "sales", "Monthly sales"))
                .expectEvents(new DashboardCreatedEvent(TENANT, SALES, "Sales", "sales", "Monthly sales"));
        assertThat(owners.tenantOf(SALES)).contains(TENANT);
    }

    @Test
    void a_dashboard_slug_is_unique_within_the_tenant() {
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"))
                .when(new CreateDashboardCommand(TENANT, null, OPS, "Sales again", "sales", null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void a_tenant_has_no_more_dashboards_than_its_license_allows() {
        fixture.given(tenantCreated(1, 20), dashboardCreated(SALES, "sales"))
                .when(new CreateDashboardCommand(TENANT, null, OPS, "Ops", "ops", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("allows 1 dashboards"));
    }

    // --- widgets -------------------------------------------------------------------------------

    @Test
    void widgets_get_the_grid_defaults_and_their_type_from_the_config() {
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"))
                .when(replaceWidgets(SALES, input(null, "sales-by-month", null, barConfig())))
                .expectEvents(new WidgetsReplacedEvent(TENANT, SALES, List.of(
                        new Widget("new-1", SALES, "sales-by-month", "bar", "{\"query\":\"SELECT 1\",\"type\":\"bar\"}", 0, 0, 6, 4))));
    }

    @Test
    void a_widget_without_a_query_is_refused_naming_the_field() {
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"))
                .when(replaceWidgets(SALES, input(null, "sales-by-month", null, Map.of("type", "bar"))))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("field=widgets[0].config.query"));
    }

    @Test
    void a_widget_of_an_unknown_type_is_refused_naming_the_field() {
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"))
                .when(replaceWidgets(SALES, input(null, "sales-by-month", null, Map.of("query", "SELECT 1", "type", "donut"))))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("field=widgets[0].config.type"));
    }

    @Test
    void a_widget_type_that_contradicts_the_config_is_refused() {
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"))
                .when(replaceWidgets(SALES, input(null, "sales-by-month", "line", barConfig())))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("field=widgets[0].widget_type"));
    }

    @Test
    void gauge_map_and_scatter_widgets_are_stored_with_their_type_from_the_config() {
        Map<String, Object> gauge = config("gauge", "chartConfig", "{\"min\": 0, \"max\": 100, \"target\": 80}");
        Map<String, Object> map = config("map", "chartConfig",
                "{\"map\": {\"region\": \"TH\", \"nameField\": \"province\", \"valueField\": \"orders\"}}");
        Map<String, Object> scatter = config("scatter", "chartConfig", "{\"series\": [{\"field\": \"margin\", \"type\": \"scatter\"}]}");

        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"))
                .when(replaceWidgets(SALES, input(null, "score", "gauge", gauge), input(null, "by-province", null, map),
                        input(null, "margins", "scatter", scatter)))
                .expectEvents(new WidgetsReplacedEvent(TENANT, SALES, List.of(
                        new Widget("new-1", SALES, "score", "gauge",
                                "{\"query\":\"SELECT 1\",\"type\":\"gauge\",\"chartConfig\":{\"min\":0,\"max\":100,\"target\":80}}", 0, 0, 6, 4),
                        new Widget("new-2", SALES, "by-province", "map", "{\"query\":\"SELECT 1\",\"type\":\"map\",\"chartConfig\":"
                                + "{\"map\":{\"region\":\"TH\",\"nameField\":\"province\",\"valueField\":\"orders\"}}}", 0, 0, 6, 4),
                        new Widget("new-3", SALES, "margins", "scatter", "{\"query\":\"SELECT 1\",\"type\":\"scatter\",\"chartConfig\":"
                                + "{\"series\":[{\"field\":\"margin\",\"type\":\"scatter\"}]}}", 0, 0, 6, 4))));
    }

    @Test
    void a_widget_type_that_contradicts_a_phase_3_config_type_is_refused() {
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"))
                .when(replaceWidgets(SALES, input(null, "score", "kpi", config("gauge", "title", "\"Score\""))))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("field=widgets[0].widget_type, message=must equal config.type ('gauge')"));
    }

    @Test
    void a_config_layout_that_disagrees_with_the_grid_fields_is_stored_as_sent_and_the_grid_fields_place_the_widget() {
        Map<String, Object> config = config("bar", "layout", "{\"x\": 0, \"y\": 0, \"width\": 12, \"height\": 6}");

        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"))
                .when(replaceWidgets(SALES, new WidgetInput(null, "sales-by-month", null, config, 6, 2, 6, 4)))
                .expectEvents(new WidgetsReplacedEvent(TENANT, SALES, List.of(new Widget("new-1", SALES, "sales-by-month", "bar",
                        "{\"query\":\"SELECT 1\",\"type\":\"bar\",\"layout\":{\"x\":0,\"y\":0,\"width\":12,\"height\":6}}", 6, 2, 6, 4))));
    }

    @Test
    void a_config_layout_beyond_the_twelve_columns_is_refused_naming_its_width() {
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"))
                .when(replaceWidgets(SALES, input(null, "sales-by-month", null,
                        config("bar", "layout", "{\"x\": 8, \"y\": 0, \"width\": 6, \"height\": 4}"))))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(
                        "field=widgets[0].config.layout.width, message=layout.x + layout.width must be at most 12, got 8 + 6"));
    }

    @Test
    void a_widget_must_fit_the_twelve_column_grid() {
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"))
                .when(replaceWidgets(SALES, new WidgetInput(null, "sales-by-month", null, barConfig(), 8, 0, 6, 4)))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("field=widgets[0].width"));
    }

    @Test
    void a_widget_name_is_unique_within_the_tenant_across_dashboards() {
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"), dashboardCreated(OPS, "ops"),
                        widgetsReplaced(SALES, widget("w1", SALES, "revenue")))
                .when(replaceWidgets(OPS, input(null, "revenue", null, barConfig())))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void a_widget_name_appears_only_once_in_one_list() {
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"))
                .when(replaceWidgets(SALES, input(null, "revenue", null, barConfig()), input(null, "revenue", null, barConfig())))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("field=widgets[1].name"));
    }

    @Test
    void a_dashboard_holds_no_more_widgets_than_the_license_allows() {
        fixture.given(tenantCreated(5, 1), dashboardCreated(SALES, "sales"))
                .when(replaceWidgets(SALES, input(null, "one", null, barConfig()), input(null, "two", null, barConfig())))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("allows 1 widgets per dashboard"));
    }

    @Test
    void widgets_of_an_unknown_dashboard_are_refused() {
        fixture.given(tenantCreated(5, 20))
                .when(replaceWidgets(SALES, input(null, "one", null, barConfig())))
                .expectException(UnknownEntityException.class);
    }

    @Test
    void a_new_widget_gets_the_id_the_server_minted() {
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"))
                .when(replaceWidgets(SALES, input(null, "revenue", null, barConfig())))
                .expectEvents(widgetsReplaced(SALES, widget("new-1", SALES, "revenue")));
    }

    @Test
    void a_widget_sent_back_keeps_its_id() {
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"),
                        widgetsReplaced(SALES, widget(REVENUE_WIDGET, SALES, "revenue")))
                .when(replaceWidgets(SALES, input(REVENUE_WIDGET, "revenue", null, barConfig())))
                .expectEvents(widgetsReplaced(SALES, widget(REVENUE_WIDGET, SALES, "revenue")));
    }

    @Test
    void a_widget_id_that_is_not_a_uuid_is_refused_naming_the_field() {
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"))
                .when(replaceWidgets(SALES, input("not-a-uuid", "revenue", null, barConfig())))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("field=widgets[0].id"))
                .expectNoEvents();
    }

    @Test
    void a_widget_id_this_tenant_never_issued_is_refused_so_another_tenants_widget_cannot_be_taken() {
        String anotherTenantsWidget = "0e9b8f4c-9d7a-4a51-8a3e-5d2c1b0a9f88";
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"))
                .when(replaceWidgets(SALES, input(null, "revenue", null, barConfig()),
                        input(anotherTenantsWidget, "stolen", null, barConfig())))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("widgets[1].id is not a widget of this tenant"))
                .expectNoEvents();
    }

    @Test
    void a_widget_query_over_4000_characters_is_refused_naming_the_field() {
        Map<String, Object> config = barConfig();
        config.put("query", "SELECT " + "x".repeat(4000));
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"))
                .when(replaceWidgets(SALES, input(null, "revenue", null, config)))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("field=widgets[0].config.query"));
    }

    @Test
    void a_widget_config_over_8_kib_as_json_is_refused_naming_the_field() {
        Map<String, Object> config = barConfig();
        config.put("description", "d".repeat(8 * 1024));
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"))
                .when(replaceWidgets(SALES, input(null, "revenue", null, config)))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("field=widgets[0].config,"));
    }

    @Test
    void widgets_after_which_the_tenants_draft_would_exceed_the_record_limit_are_refused() {
        // 130 widgets of almost 8 KiB: each is allowed, together the draft would pass 1,000,000 bytes.
        WidgetInput[] widgets = java.util.stream.IntStream.range(0, 130)
                .mapToObj(i -> input(null, "widget-" + i, null, largeConfig())).toArray(WidgetInput[]::new);
        fixture.given(tenantCreated(5, 200), dashboardCreated(SALES, "sales"))
                .when(replaceWidgets(SALES, widgets))
                .expectException(EventTooLargeException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("the limit is 1000000"))
                .expectNoEvents();
    }

    @Test
    void a_dashboard_after_which_the_tenants_draft_would_exceed_the_record_limit_is_refused() {
        fixture.given(tenantCreated(5, 200), dashboardCreated(SALES, "sales"), widgetsReplaced(SALES, largeWidgets(121)))
                .when(new CreateDashboardCommand(TENANT, null, OPS, "Ops", "ops", "\u20ac".repeat(2000)))
                .expectException(EventTooLargeException.class)
                .expectNoEvents();
    }

    @Test
    void a_draft_of_a_tenant_that_grew_past_the_record_limit_before_the_rule_is_refused() {
        fixture.given(tenantCreated(5, 200), dashboardCreated(SALES, "sales"), widgetsReplaced(SALES, largeWidgets(130)))
                .when(new SaveDraftCommand(TENANT, null, "v1", null), ALICE)
                .expectException(EventTooLargeException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("the draft would be"))
                .expectNoEvents();
    }

    // --- versions ------------------------------------------------------------------------------

    @Test
    void a_draft_is_a_snapshot_of_every_dashboard_and_widget_numbered_after_the_last_version() {
        Widget revenue = widget("w1", SALES, "revenue");
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"), dashboardCreated(OPS, "ops"),
                        widgetsReplaced(SALES, revenue), draftSaved("v1", 1))
                .when(new SaveDraftCommand(TENANT, null, "v2", "second"), ALICE)
                .expectEvents(new DraftSavedEvent(TENANT, "v2", 2, "second", "alice", new PublishedConfiguration(
                        List.of(new DashboardSnapshot(SALES, "Sales", "sales", null),
                                new DashboardSnapshot(OPS, "Ops", "ops", null)),
                        List.of(revenue), null), 1, null, null))
                .expectResultMessagePayload(2);
    }

    @Test
    void publishing_a_draft_archives_the_previously_published_version() {
        fixture.given(tenantCreated(5, 20), draftSaved("v1", 1), published("v1", 1), draftSaved("v2", 2))
                .when(new PublishVersionCommand(TENANT, null, "v2"), ALICE)
                .expectEvents(new VersionArchivedEvent(TENANT, "v1", 1),
                        new VersionPublishedEvent(TENANT, "v2", 2, "alice"))
                .expectResultMessagePayload(2);
    }

    @Test
    void a_tenants_first_draft_has_no_parent_version() {
        fixture.given(tenantCreated(5, 20))
                .when(new SaveDraftCommand(TENANT, null, "v1", null), ALICE)
                .expectEvents(new DraftSavedEvent(TENANT, "v1", 1, null, "alice",
                        new PublishedConfiguration(List.of(), List.of(), null), null, null, null))
                .expectResultMessagePayload(1);
    }

    @Test
    void the_first_publish_archives_nothing() {
        fixture.given(tenantCreated(5, 20), draftSaved("v1", 1))
                .when(new PublishVersionCommand(TENANT, null, "v1"), ALICE)
                .expectEvents(new VersionPublishedEvent(TENANT, "v1", 1, "alice"));
    }

    @Test
    void only_drafts_can_be_published() {
        fixture.given(tenantCreated(5, 20), draftSaved("v1", 1), published("v1", 1))
                .when(new PublishVersionCommand(TENANT, null, "v1"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("only drafts can be published"));
    }

    @Test
    void an_archived_version_cannot_be_published_again() {
        fixture.given(tenantCreated(5, 20), draftSaved("v1", 1), published("v1", 1), draftSaved("v2", 2),
                        new VersionArchivedEvent(TENANT, "v1", 1), published("v2", 2))
                .when(new PublishVersionCommand(TENANT, null, "v1"))
                .expectException(RuleViolationException.class);
    }

    @Test
    void publishing_an_unknown_version_is_refused() {
        fixture.given(tenantCreated(5, 20))
                .when(new PublishVersionCommand(TENANT, null, "nope"))
                .expectException(UnknownEntityException.class);
    }

    @Test
    void a_stale_expected_version_is_refused() {
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"))
                .when(new CreateDashboardCommand(TENANT, 0L, OPS, "Ops", "ops", null))
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
    }

    // --- restoring a version --------------------------------------------------------------------

    @Test
    void a_restored_version_is_the_next_draft_with_its_snapshot_unchanged_its_parent_and_its_origin() {
        Widget revenue = widget("w1", SALES, "revenue");
        PublishedConfiguration v1 = snapshot(List.of(SALES), revenue);
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"), widgetsReplaced(SALES, revenue),
                        draftSaved("v1", 1, v1), draftSaved("v2", 2, v1))
                .when(new RestoreVersionCommand(TENANT, null, "v1", "v3", "back to the first"), ALICE)
                .expectEvents(new DraftSavedEvent(TENANT, "v3", 3, "back to the first", "alice", v1, 2, "v1", 1))
                .expectResultMessagePayload(new RestoredDraft(3, 2, 1));
    }

    @Test
    void restoring_sets_back_only_the_dashboards_that_differ_and_empties_those_created_since() {
        Widget revenue = widget("w1", SALES, "revenue");
        Widget uptime = widget("w2", OPS, "uptime");
        Widget orders = widget("w3", SALES, "orders");
        Widget headcount = widget("w4", HR, "headcount");
        PublishedConfiguration v1 = snapshot(List.of(SALES, OPS), revenue, uptime);
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"), dashboardCreated(OPS, "ops"),
                        widgetsReplaced(SALES, revenue), widgetsReplaced(OPS, uptime), draftSaved("v1", 1, v1),
                        widgetsReplaced(SALES, orders), dashboardCreated(HR, "hr"), widgetsReplaced(HR, headcount))
                .when(new RestoreVersionCommand(TENANT, null, "v1", "v2", null), ALICE)
                .expectEvents(widgetsReplaced(SALES, revenue), widgetsReplaced(HR),
                        new DraftSavedEvent(TENANT, "v2", 2, null, "alice", v1, 1, "v1", 1));
    }

    @Test
    void the_draft_after_a_restore_starts_from_the_restored_widgets() {
        Widget revenue = widget("w1", SALES, "revenue");
        Widget orders = widget("w3", SALES, "orders");
        PublishedConfiguration v1 = snapshot(List.of(SALES), revenue);
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"), widgetsReplaced(SALES, revenue),
                        draftSaved("v1", 1, v1), widgetsReplaced(SALES, orders), draftSaved("v2", 2, snapshot(List.of(SALES), orders)),
                        widgetsReplaced(SALES, revenue), new DraftSavedEvent(TENANT, "v3", 3, null, "alice", v1, 2, "v1", 1))
                .when(new SaveDraftCommand(TENANT, null, "v4", null), ALICE)
                .expectEvents(new DraftSavedEvent(TENANT, "v4", 4, null, "alice", v1, 3, null, null));
    }

    @Test
    void a_widget_moved_to_another_dashboard_leaves_it_before_its_old_dashboard_gets_it_back() {
        Widget revenueOnSales = widget("w1", SALES, "revenue");
        Widget revenueOnOps = widget("w1", OPS, "revenue");
        PublishedConfiguration v1 = snapshot(List.of(SALES, OPS), revenueOnSales);
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"), dashboardCreated(OPS, "ops"),
                        widgetsReplaced(SALES, revenueOnSales), draftSaved("v1", 1, v1),
                        widgetsReplaced(SALES), widgetsReplaced(OPS, revenueOnOps))
                .when(new RestoreVersionCommand(TENANT, null, "v1", "v2", null), ALICE)
                .expectEvents(widgetsReplaced(OPS), widgetsReplaced(SALES, revenueOnSales),
                        new DraftSavedEvent(TENANT, "v2", 2, null, "alice", v1, 1, "v1", 1));
    }

    @Test
    void widgets_that_swapped_dashboards_are_first_given_up_then_restored() {
        Widget revenueOnSales = widget("w1", SALES, "revenue");
        Widget uptimeOnOps = widget("w2", OPS, "uptime");
        Widget keptOnSales = widget("w3", SALES, "orders");
        PublishedConfiguration v1 = snapshot(List.of(SALES, OPS), revenueOnSales, keptOnSales, uptimeOnOps);
        fixture.given(tenantCreated(5, 20), dashboardCreated(SALES, "sales"), dashboardCreated(OPS, "ops"),
                        widgetsReplaced(SALES, revenueOnSales, keptOnSales), widgetsReplaced(OPS, uptimeOnOps),
                        draftSaved("v1", 1, v1),
                        widgetsReplaced(SALES, keptOnSales), widgetsReplaced(OPS, widget("w1", OPS, "revenue")),
                        widgetsReplaced(SALES, keptOnSales, widget("w2", SALES, "uptime")))
                .when(new RestoreVersionCommand(TENANT, null, "v1", "v2", null), ALICE)
                .expectEvents(widgetsReplaced(SALES, keptOnSales), widgetsReplaced(OPS, uptimeOnOps),
                        widgetsReplaced(SALES, revenueOnSales, keptOnSales),
                        new DraftSavedEvent(TENANT, "v2", 2, null, "alice", v1, 1, "v1", 1));
    }

    @Test
    void published_and_archived_versions_can_be_restored_too() {
        fixture.given(tenantCreated(5, 20), draftSaved("v1", 1), published("v1", 1), draftSaved("v2", 2),
                        new VersionArchivedEvent(TENANT, "v1", 1), published("v2", 2))
                .when(new RestoreVersionCommand(TENANT, null, "v1", "v3", null), ALICE)
                .expectEvents(new DraftSavedEvent(TENANT, "v3", 3, null, "alice", new PublishedConfiguration(List.of(), List.of(), null),
                        2, "v1", 1));
        fixture.given(tenantCreated(5, 20), draftSaved("v1", 1), published("v1", 1))
                .when(new RestoreVersionCommand(TENANT, null, "v1", "v2", null), ALICE)
                .expectResultMessagePayload(new RestoredDraft(2, 1, 1));
    }

    @Test
    void restoring_an_unknown_version_is_refused() {
        fixture.given(tenantCreated(5, 20), draftSaved("v1", 1))
                .when(new RestoreVersionCommand(TENANT, null, "nope", "v2", null))
                .expectException(UnknownEntityException.class)
                .expectNoEvents();
    }

    @Test
    void a_restore_message_over_500_characters_is_refused_naming_the_field() {
        fixture.given(tenantCreated(5, 20), draftSaved("v1", 1))
                .when(new RestoreVersionCommand(TENANT, null, "v1", "v2", "x".repeat(501)))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("field=message"));
    }

    // --- fixtures in the domain's words ----------------------------------------------------------

    private static TenantCreatedEvent tenantCreated(int maxDashboards, int maxWidgets) {
        return new TenantCreatedEvent(TENANT, "Acme Corp", "acme", "basic", maxDashboards, maxWidgets);
    }

    private static DashboardCreatedEvent dashboardCreated(String id, String slug) {
        return new DashboardCreatedEvent(TENANT, id, Character.toUpperCase(slug.charAt(0)) + slug.substring(1), slug, null);
    }

    private static WidgetsReplacedEvent widgetsReplaced(String dashboardId, Widget... widgets) {
        return new WidgetsReplacedEvent(TENANT, dashboardId, List.of(widgets));
    }

    private static DraftSavedEvent draftSaved(String versionId, int number) {
        return draftSaved(versionId, number, new PublishedConfiguration(List.of(), List.of(), null));
    }

    private static DraftSavedEvent draftSaved(String versionId, int number, PublishedConfiguration snapshot) {
        return new DraftSavedEvent(TENANT, versionId, number, null, "alice", snapshot, number == 1 ? null : number - 1,
                null, null);
    }

    /** The tenant's dashboards (as {@link #dashboardCreated} names them) and widgets at the moment of a draft. */
    private static PublishedConfiguration snapshot(List<String> dashboardIds, Widget... widgets) {
        Map<String, String> slugs = Map.of(SALES, "sales", OPS, "ops", HR, "hr");
        List<DashboardSnapshot> dashboards = dashboardIds.stream().map(id -> {
            DashboardCreatedEvent created = dashboardCreated(id, slugs.get(id));
            return new DashboardSnapshot(id, created.getName(), created.getSlug(), null);
        }).toList();
        return new PublishedConfiguration(dashboards, List.of(widgets), null);
    }

    private static VersionPublishedEvent published(String versionId, int number) {
        return new VersionPublishedEvent(TENANT, versionId, number, "alice");
    }

    private static Widget widget(String id, String dashboardId, String name) {
        return new Widget(id, dashboardId, name, "bar", "{\"query\":\"SELECT 1\",\"type\":\"bar\"}", 0, 0, 6, 4);
    }

    /** The server mints new-1, new-2, … for the widgets sent without an id. */
    private static ReplaceWidgetsCommand replaceWidgets(String dashboardId, WidgetInput... widgets) {
        List<String> minted = java.util.stream.IntStream.rangeClosed(1, widgets.length).mapToObj(i -> "new-" + i).toList();
        return new ReplaceWidgetsCommand(TENANT, null, dashboardId, List.of(widgets), minted);
    }

    private static WidgetInput input(String id, String name, String widgetType, Map<String, Object> config) {
        return new WidgetInput(id, name, widgetType, config, null, null, null, null);
    }

    /** A widget config just under the 8 KiB limit. */
    private static Map<String, Object> largeConfig() {
        Map<String, Object> config = barConfig();
        config.put("description", "d".repeat(8 * 1024 - 100));
        return config;
    }

    private static Widget[] largeWidgets(int count) {
        String configJson = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(largeConfig());
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new Widget("5b6a1e0c-aaaa-4c1e-9a4f-" + String.format("%012d", i), SALES, "widget-" + i, "bar",
                        configJson, 0, 0, 6, 4))
                .toArray(Widget[]::new);
    }

    /** {@code {"query": "SELECT 1", "type": type, key: value}}, in that order, the value written as JSON. */
    private static Map<String, Object> config(String type, String key, String valueJson) {
        Map<String, Object> config = new java.util.LinkedHashMap<>();
        config.put("query", "SELECT 1");
        config.put("type", type);
        config.put(key, tools.jackson.databind.json.JsonMapper.builder().build().readValue(valueJson, Object.class));
        return config;
    }

    private static Map<String, Object> barConfig() {
        Map<String, Object> config = new java.util.LinkedHashMap<>();
        config.put("query", "SELECT 1");
        config.put("type", "bar");
        return config;
    }
}

package io.flexboard.fold;

import java.time.Instant;
import java.util.List;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.Widget;
import io.flexboard.schemas.event.ApiKeyIssuedEvent;
import org.junit.jupiter.api.Test;

import static io.flexboard.fold.TenantStory.uuid;
import static io.flexboard.fold.TenantStory.widget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ReadModelFoldTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void given_a_new_tenant_when_folded_then_it_is_active_with_its_license_no_dashboards_and_created_when_the_event_happened() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);

        InMemoryReadModel model = folded(acme);

        assertThat(model.tenant(uuid(acme.tenantId))).contains(new TenantRow(uuid(acme.tenantId), "Acme", "acme", "basic", 5, 20,
                TenantRow.ACTIVE, null, 0, START, START, null));
    }

    @Test
    void given_a_dashboard_whose_widgets_are_replaced_twice_when_folded_then_only_the_last_list_is_there_in_its_order() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        String sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0));
        Widget revenue = widget(sales, "revenue-total", "kpi", 0, 0);
        Widget orders = widget(sales, "orders-by-region", "pie", 6, 0);
        acme.widgetsReplaced(sales, revenue, orders);

        InMemoryReadModel model = folded(acme);

        assertThat(model.widgets(uuid(sales))).extracting(WidgetRow::name, WidgetRow::sortOrder)
                .containsExactly(tuple("revenue-total", 0),
                        tuple("orders-by-region", 1));
        assertThat(model.widgets(uuid(sales)).get(0).config()).isEqualTo(JsonDocument.ofText(revenue.getConfigJson()));
        assertThat(model.dashboard(uuid(sales))).hasValueSatisfying(dashboard -> {
            assertThat(dashboard.widgetCount()).isEqualTo(2);
            assertThat(dashboard.createdAt()).isEqualTo(acme.occurredAt(1));
            assertThat(dashboard.updatedAt()).isEqualTo(acme.occurredAt(3));
        });
        assertThat(model.tenant(uuid(acme.tenantId))).hasValueSatisfying(tenant -> {
            assertThat(tenant.dashboardCount()).isEqualTo(1);
            assertThat(tenant.updatedAt()).as("a derived counter is no change to the tenant").isEqualTo(START);
        });
    }

    @Test
    void given_a_second_version_published_when_folded_then_the_first_is_archived_keeping_when_it_went_live_and_agents_get_the_second() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        String sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0));
        acme.versionPublished(acme.draftSaved("first"));
        Widget revenue = widget(sales, "revenue-total", "kpi", 0, 0);
        acme.widgetsReplaced(sales, revenue);
        acme.versionPublished(acme.draftSaved("second"));

        InMemoryReadModel model = folded(acme);

        assertThat(model.versions(uuid(acme.tenantId))).extracting(VersionRow::version, VersionRow::status, VersionRow::publishedAt)
                .containsExactly(tuple(1, "archived", acme.occurredAt(4)),
                        tuple(2, "published", acme.occurredAt(8)));
        PublishedVersionRow published = model.publishedVersion(uuid(acme.tenantId)).orElseThrow();
        assertThat(published.versionId()).isEqualTo(uuid(acme.versionId(2)));
        assertThat(published.version()).isEqualTo(2);
        assertThat(published.publishedConfiguration().tree().path("version").asInt()).isEqualTo(2);
        assertThat(published.publishedConfiguration().tree().path("config").propertyNames()).containsExactly("revenue-total");
        assertThat(published.publishedConfiguration().tree().path("widgets").get(0).has("config")).isFalse();
        assertThat(model.versions(uuid(acme.tenantId)).get(1).metadata().tree().path("widgets").get(0).path("config").path("query").asString())
                .isEqualTo("SELECT month, total FROM revenue_total");
    }

    @Test
    void given_a_draft_that_restores_an_older_version_when_folded_then_it_names_its_parent_and_the_restored_version_with_its_snapshot() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        String sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0));
        acme.draftSaved("first");
        acme.widgetsReplaced(sales);
        acme.draftSaved("empty");
        acme.draftRestored(1);

        List<VersionRow> versions = folded(acme).versions(uuid(acme.tenantId));

        assertThat(versions).extracting(VersionRow::version, VersionRow::parentVersion, VersionRow::restoredFromVersionId,
                VersionRow::restoredFromVersion).containsExactly(
                tuple(1, null, null, null),
                tuple(2, 1, null, null),
                tuple(3, 2, uuid(acme.versionId(1)), 1));
        assertThat(versions.get(2).metadata()).isEqualTo(versions.get(0).metadata());
    }

    @Test
    void given_a_tenant_paused_then_activated_when_folded_then_each_moves_its_status_and_updated_at_and_activation_clears_the_reason() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        acme.tenantPaused("invoice overdue");
        InMemoryReadModel model = folded(acme);
        assertThat(model.tenant(uuid(acme.tenantId))).hasValueSatisfying(tenant -> {
            assertThat(tenant.status()).isEqualTo(TenantRow.PAUSED);
            assertThat(tenant.pausedReason()).isEqualTo("invoice overdue");
            assertThat(tenant.updatedAt()).isEqualTo(acme.occurredAt(1));
        });

        acme.tenantActivated();
        model.apply(acme.events().get(2));

        assertThat(model.tenant(uuid(acme.tenantId))).hasValueSatisfying(tenant -> {
            assertThat(tenant.status()).isEqualTo(TenantRow.ACTIVE);
            assertThat(tenant.pausedReason()).isNull();
            assertThat(tenant.updatedAt()).isEqualTo(acme.occurredAt(2));
        });
    }

    @Test
    void given_branding_set_then_cleared_when_folded_then_the_tenant_holds_it_in_the_contract_shape_until_cleared_and_updated_at_moves() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        acme.brandingSet("#1a365d");
        InMemoryReadModel model = folded(acme);

        TenantRow branded = model.tenant(uuid(acme.tenantId)).orElseThrow();
        assertThat(branded.updatedAt()).isEqualTo(acme.occurredAt(1));
        assertThat(branded.branding().tree().path("colors").path("primary").asString()).isEqualTo("#1a365d");
        assertThat(branded.branding().tree().path("logo").path("media_type").asString()).isEqualTo("image/png");
        assertThat(branded.branding().tree().path("logo").path("data_base64").asString()).isEqualTo("iVBORw0KGgo=");
        assertThat(branded.branding().tree().path("font").asString()).isEqualTo("Inter");
        assertThat(branded.branding().tree().path("custom_css").asString()).isEqualTo(".fb-title { font-weight: 700; }");
        assertThat(branded.branding().tree().propertyNames()).containsExactly("logo", "colors", "font", "custom_css");

        acme.brandingCleared();
        model.apply(acme.events().get(2));

        assertThat(model.tenant(uuid(acme.tenantId))).hasValueSatisfying(tenant -> {
            assertThat(tenant.branding()).isNull();
            assertThat(tenant.updatedAt()).isEqualTo(acme.occurredAt(2));
        });
    }

    @Test
    void given_a_version_published_before_branding_and_one_after_when_folded_then_only_the_later_carries_branding_to_agents() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        String sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0));
        acme.versionPublished(acme.draftSaved("plain"));
        InMemoryReadModel beforeBranding = folded(acme);
        acme.brandingSet("#1a365d");
        acme.versionPublished(acme.draftSaved("branded"));

        InMemoryReadModel model = folded(acme);

        assertThat(beforeBranding.publishedVersion(uuid(acme.tenantId)).orElseThrow().publishedConfiguration().tree().has("branding")).isFalse();
        assertThat(model.versions(uuid(acme.tenantId)).get(0).metadata().tree().has("branding")).isFalse();
        var sync = model.publishedVersion(uuid(acme.tenantId)).orElseThrow().publishedConfiguration().tree();
        assertThat(sync.path("version").asInt()).isEqualTo(2);
        assertThat(sync.path("branding").path("colors").path("primary").asString()).isEqualTo("#1a365d");
        assertThat(sync.path("branding").path("logo").path("data_base64").asString()).isEqualTo("iVBORw0KGgo=");
        assertThat(sync.path("config").propertyNames()).containsExactly("sales-by-month");
    }

    @Test
    void given_every_kind_of_event_when_folded_then_each_leaves_one_audit_entry_with_its_type_and_a_human_summary() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        acme.apiKeyIssued();
        String sales = acme.dashboardCreated("Sales", "sales");
        acme.by("bob").widgetsReplaced(sales, widget(sales, "a", "bar", 0, 0), widget(sales, "b", "kpi", 6, 0),
                widget(sales, "c", "pie", 0, 4));
        acme.widgetsReplaced(sales, widget(sales, "a", "bar", 0, 0));
        acme.draftSaved("first");
        acme.versionPublished(1);
        acme.draftSaved("second");
        acme.by("carol").versionPublished(2);
        acme.draftRestored(1);
        acme.tenantPaused("invoice overdue");
        acme.tenantActivated();
        acme.brandingSet("#1a365d");
        acme.brandingCleared();

        List<HistoryEntryRow> history = folded(acme).history(uuid(acme.tenantId));

        assertThat(history).extracting(HistoryEntryRow::eventType, HistoryEntryRow::summary).containsExactly(
                tuple("tenant_created", "alice created tenant acme (basic license)"),
                tuple("api_key_issued", "alice issued API key " + keyPrefix(acme) + "…"),
                tuple("dashboard_created", "alice created dashboard sales"),
                tuple("widgets_replaced", "bob replaced the widgets of dashboard sales (3 widgets)"),
                tuple("widgets_replaced", "bob replaced the widgets of dashboard sales (1 widget)"),
                tuple("draft_saved", "bob saved draft version 1"),
                tuple("version_published", "bob published version 1"),
                tuple("draft_saved", "bob saved draft version 2"),
                tuple("version_archived", "carol archived version 1"),
                tuple("version_published", "carol published version 2"),
                tuple("draft_saved", "carol saved draft version 3, restoring version 1"),
                tuple("tenant_paused", "carol paused the tenant: invoice overdue"),
                tuple("tenant_activated", "carol activated the tenant"),
                tuple("tenant_branding_set", "carol set the tenant's branding"),
                tuple("tenant_branding_cleared", "carol removed the tenant's branding"));
        assertThat(history).extracting(HistoryEntryRow::aggregateSequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L,
                8L, 9L, 10L, 11L, 12L, 13L, 14L);
        assertThat(history.get(3).dashboardId()).isEqualTo(uuid(sales));
        assertThat(history.get(3).version()).isNull();
        assertThat(history.get(8).version()).isEqualTo(1);
        assertThat(history.get(9).dashboardId()).isNull();
        EventEnvelope published = acme.events().get(9);
        assertThat(history.get(9)).isEqualTo(new HistoryEntryRow(uuid(acme.tenantId), 9, published.getEventId(),
                acme.occurredAt(9), "version_published", "carol", published.getCorrelationId(), null, 2,
                "carol published version 2", published));
    }

    @Test
    void given_a_publish_of_a_version_the_read_model_never_saw_when_folded_then_it_refuses_rather_than_invent_a_published_version() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        acme.draftSaved("first");
        acme.versionPublished(1);
        InMemoryReadModel model = new InMemoryReadModel();
        model.apply(acme.events().get(0));
        EventEnvelope publish = acme.events().get(2);

        assertThatThrownBy(() -> ReadModelFold.fold(publish, model))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Version " + uuid(acme.versionId(1))).hasMessageContaining("not in the read model");
    }

    @Test
    void given_widgets_replaced_on_a_dashboard_the_read_model_never_saw_when_folded_then_it_refuses() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        String sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales);
        InMemoryReadModel model = new InMemoryReadModel();
        model.apply(acme.events().get(0));

        assertThatThrownBy(() -> ReadModelFold.fold(acme.events().get(2), model))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Dashboard " + sales);
    }

    @Test
    void given_events_that_read_earlier_rows_when_asked_what_they_read_then_they_name_exactly_those_rows() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        String sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales);
        acme.versionPublished(acme.draftSaved("first"));
        acme.versionPublished(acme.draftSaved("second"));
        List<EventEnvelope> events = acme.events();

        assertThat(ReadModelFold.reads(events.get(0))).isEqualTo(FoldReads.NOTHING);
        assertThat(ReadModelFold.reads(events.get(1))).isEqualTo(FoldReads.NOTHING);
        assertThat(ReadModelFold.reads(events.get(2))).isEqualTo(new FoldReads(uuid(sales), null));
        assertThat(ReadModelFold.reads(events.get(3))).isEqualTo(FoldReads.NOTHING);
        assertThat(ReadModelFold.reads(events.get(4))).isEqualTo(new FoldReads(null, uuid(acme.versionId(1))));
        assertThat(ReadModelFold.reads(events.get(6))).as("archive").isEqualTo(new FoldReads(null, uuid(acme.versionId(1))));
        assertThat(ReadModelFold.reads(events.get(7))).isEqualTo(new FoldReads(null, uuid(acme.versionId(2))));
    }

    @Test
    void given_a_key_from_before_names_when_folded_then_it_is_the_default_key_created_by_its_actor_and_live() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        String first = acme.apiKeyIssued();

        ApiKeyRow key = folded(acme).apiKeys(uuid(acme.tenantId)).get(0);

        assertThat(key.keyId()).isEqualTo(uuid(first));
        assertThat(key.name()).isEqualTo("default");
        assertThat(key.createdBy()).isEqualTo("alice");
        assertThat(key.createdAt()).isEqualTo(acme.occurredAt(1));
        assertThat(key.revokedAt()).isNull();
    }

    @Test
    void given_a_named_key_revoked_when_folded_then_it_keeps_its_name_and_carries_the_revocation_time_and_an_audit_entry() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        String old = acme.apiKeyIssued();
        String rotated = acme.by("bob").apiKeyIssued("plant-2 agents");
        acme.apiKeyRevoked(old);

        InMemoryReadModel model = folded(acme);

        assertThat(model.apiKeys(uuid(acme.tenantId))).extracting(ApiKeyRow::keyId, ApiKeyRow::name, ApiKeyRow::createdBy,
                ApiKeyRow::revokedAt).containsExactly(
                tuple(uuid(old), "default", "alice", acme.occurredAt(3)),
                tuple(uuid(rotated), "plant-2 agents", "bob", null));
        assertThat(model.history(uuid(acme.tenantId))).extracting(HistoryEntryRow::eventType, HistoryEntryRow::summary)
                .endsWith(tuple("api_key_issued", "bob issued API key 'plant-2 agents' ("
                                + model.apiKeys(uuid(acme.tenantId)).get(1).keyPrefix() + "…)"),
                        tuple("api_key_revoked", "bob revoked API key " + old));
    }

    @Test
    void given_a_batch_that_issues_and_revokes_a_key_when_reduced_then_the_key_is_inserted_revoked_and_an_older_key_is_updated() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        String older = acme.apiKeyIssued();
        InMemoryReadModel before = folded(acme);
        String brief = acme.apiKeyIssued("brief");
        acme.apiKeyRevoked(brief);
        acme.apiKeyRevoked(older);

        BatchChanges batch = new BatchChanges();
        acme.events().subList(2, 5).forEach(event -> ReadModelFold.fold(event, batch.over(before)).forEach(batch::add));

        assertThat(batch.apiKeysInserted()).extracting(ApiKeyRow::keyId, ApiKeyRow::revokedAt)
                .containsExactly(tuple(uuid(brief), acme.occurredAt(3)));
        assertThat(batch.apiKeysRevoked()).extracting(RowChange.ApiKeyRevoked::keyId).containsExactly(uuid(older));
    }

    private static String keyPrefix(TenantStory tenant) {
        return ((ApiKeyIssuedEvent) tenant.events().get(1).getPayload()).getKeyPrefix();
    }

    private static InMemoryReadModel folded(TenantStory tenant) {
        InMemoryReadModel model = new InMemoryReadModel();
        tenant.events().forEach(model::apply);
        return model;
    }
}

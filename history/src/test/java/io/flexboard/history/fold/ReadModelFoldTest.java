package io.flexboard.history.fold;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.Widget;
import io.flexboard.schemas.event.ApiKeyIssuedEvent;
import org.junit.jupiter.api.Test;

import static io.flexboard.history.fold.TenantEvents.widget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ReadModelFoldTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void givenANewTenant_whenFolded_thenItIsActiveWithItsLicenseNoDashboardsAndCreatedWhenTheEventHappened() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);

        InMemoryReadModel model = folded(acme);

        assertThat(model.tenant(acme.tenantId)).contains(new TenantRow(acme.tenantId, "Acme", "acme", "basic", 5, 20,
                true, null, 0, START, START, null));
    }

    @Test
    void givenADashboardWhoseWidgetsAreReplacedTwice_whenFolded_thenOnlyTheLastListIsThereInItsOrder() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        UUID sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0));
        Widget revenue = widget(sales, "revenue-total", "kpi", 0, 0);
        Widget orders = widget(sales, "orders-by-region", "pie", 6, 0);
        acme.widgetsReplaced(sales, revenue, orders);

        InMemoryReadModel model = folded(acme);

        assertThat(model.widgets(sales)).extracting(WidgetRow::name, WidgetRow::sortOrder)
                .containsExactly(tuple("revenue-total", 0),
                        tuple("orders-by-region", 1));
        assertThat(model.widgets(sales).get(0).config()).isEqualTo(JsonDocument.ofText(revenue.getConfigJson()));
        assertThat(model.dashboard(sales)).hasValueSatisfying(dashboard -> {
            assertThat(dashboard.widgetCount()).isEqualTo(2);
            assertThat(dashboard.createdAt()).isEqualTo(acme.occurredAt(1));
            assertThat(dashboard.updatedAt()).isEqualTo(acme.occurredAt(3));
        });
        assertThat(model.tenant(acme.tenantId)).hasValueSatisfying(tenant -> {
            assertThat(tenant.dashboardCount()).isEqualTo(1);
            assertThat(tenant.updatedAt()).as("a derived counter is no change to the tenant").isEqualTo(START);
        });
    }

    @Test
    void givenASecondVersionPublished_whenFolded_thenTheFirstIsArchivedKeepingWhenItWentLiveAndAgentsGetTheSecond() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        UUID sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0));
        acme.versionPublished(acme.draftSaved("first"));
        Widget revenue = widget(sales, "revenue-total", "kpi", 0, 0);
        acme.widgetsReplaced(sales, revenue);
        acme.versionPublished(acme.draftSaved("second"));

        InMemoryReadModel model = folded(acme);

        assertThat(model.versions(acme.tenantId)).extracting(VersionRow::version, VersionRow::status, VersionRow::publishedAt)
                .containsExactly(tuple(1, "archived", acme.occurredAt(4)),
                        tuple(2, "published", acme.occurredAt(8)));
        PublishedVersionRow published = model.publishedVersion(acme.tenantId).orElseThrow();
        assertThat(published.versionId()).isEqualTo(acme.versionId(2));
        assertThat(published.version()).isEqualTo(2);
        assertThat(published.publishedConfiguration().tree().path("version").asInt()).isEqualTo(2);
        assertThat(published.publishedConfiguration().tree().path("config").propertyNames()).containsExactly("revenue-total");
        assertThat(published.publishedConfiguration().tree().path("widgets").get(0).has("config")).isFalse();
        assertThat(model.versions(acme.tenantId).get(1).metadata().tree().path("widgets").get(0).path("config").path("query").asString())
                .isEqualTo("SELECT month, total FROM revenue_total");
    }

    @Test
    void givenADraftThatRestoresAnOlderVersion_whenFolded_thenItNamesItsParentAndTheRestoredVersionWithItsSnapshot() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        UUID sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0));
        acme.draftSaved("first");
        acme.widgetsReplaced(sales);
        acme.draftSaved("empty");
        acme.draftRestored(1);

        List<VersionRow> versions = folded(acme).versions(acme.tenantId);

        assertThat(versions).extracting(VersionRow::version, VersionRow::parentVersion, VersionRow::restoredFromVersionId,
                VersionRow::restoredFromVersion).containsExactly(
                tuple(1, null, null, null),
                tuple(2, 1, null, null),
                tuple(3, 2, acme.versionId(1), 1));
        assertThat(versions.get(2).metadata()).isEqualTo(versions.get(0).metadata());
    }

    @Test
    void givenATenantPausedThenActivated_whenFolded_thenEachMovesItsStatusAndUpdatedAtAndActivationClearsTheReason() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        acme.paused("invoice overdue");
        InMemoryReadModel model = folded(acme);
        assertThat(model.tenant(acme.tenantId)).hasValueSatisfying(tenant -> {
            assertThat(tenant.isActive()).isFalse();
            assertThat(tenant.pausedReason()).isEqualTo("invoice overdue");
            assertThat(tenant.updatedAt()).isEqualTo(acme.occurredAt(1));
        });

        acme.activated();
        model.apply(acme.events().get(2));

        assertThat(model.tenant(acme.tenantId)).hasValueSatisfying(tenant -> {
            assertThat(tenant.isActive()).isTrue();
            assertThat(tenant.pausedReason()).isNull();
            assertThat(tenant.updatedAt()).isEqualTo(acme.occurredAt(2));
        });
    }

    @Test
    void givenBrandingSetThenCleared_whenFolded_thenTheTenantHoldsItInTheContractShapeUntilClearedAndUpdatedAtMoves() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        acme.brandingSet(TenantEvents.branding("#1a365d"));
        InMemoryReadModel model = folded(acme);

        TenantRow branded = model.tenant(acme.tenantId).orElseThrow();
        assertThat(branded.updatedAt()).isEqualTo(acme.occurredAt(1));
        assertThat(branded.branding().tree().path("colors").path("primary").asString()).isEqualTo("#1a365d");
        assertThat(branded.branding().tree().path("logo").path("media_type").asString()).isEqualTo("image/png");
        assertThat(branded.branding().tree().path("logo").path("data_base64").asString()).isEqualTo("iVBORw0KGgo=");
        assertThat(branded.branding().tree().path("font").asString()).isEqualTo("Inter");
        assertThat(branded.branding().tree().path("custom_css").asString()).isEqualTo(".fb-title { font-weight: 700; }");
        assertThat(branded.branding().tree().propertyNames()).containsExactly("logo", "colors", "font", "custom_css");

        acme.brandingCleared();
        model.apply(acme.events().get(2));

        assertThat(model.tenant(acme.tenantId)).hasValueSatisfying(tenant -> {
            assertThat(tenant.branding()).isNull();
            assertThat(tenant.updatedAt()).isEqualTo(acme.occurredAt(2));
        });
    }

    @Test
    void givenAVersionPublishedBeforeBrandingAndOneAfter_whenFolded_thenOnlyTheLaterCarriesBrandingToAgents() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        UUID sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0));
        acme.versionPublished(acme.draftSaved("plain"));
        InMemoryReadModel beforeBranding = folded(acme);
        acme.brandingSet(TenantEvents.branding("#1a365d"));
        acme.versionPublished(acme.draftSaved("branded"));

        InMemoryReadModel model = folded(acme);

        assertThat(beforeBranding.publishedVersion(acme.tenantId).orElseThrow().publishedConfiguration().tree().has("branding")).isFalse();
        assertThat(model.versions(acme.tenantId).get(0).metadata().tree().has("branding")).isFalse();
        var sync = model.publishedVersion(acme.tenantId).orElseThrow().publishedConfiguration().tree();
        assertThat(sync.path("version").asInt()).isEqualTo(2);
        assertThat(sync.path("branding").path("colors").path("primary").asString()).isEqualTo("#1a365d");
        assertThat(sync.path("branding").path("logo").path("data_base64").asString()).isEqualTo("iVBORw0KGgo=");
        assertThat(sync.path("config").propertyNames()).containsExactly("sales-by-month");
    }

    @Test
    void givenEveryKindOfEvent_whenFolded_thenEachLeavesOneAuditEntryWithItsTypeAndAHumanSummary() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        acme.apiKeyIssued();
        UUID sales = acme.dashboardCreated("Sales", "sales");
        acme.by("bob").widgetsReplaced(sales, widget(sales, "a", "bar", 0, 0), widget(sales, "b", "kpi", 6, 0),
                widget(sales, "c", "pie", 0, 4));
        acme.widgetsReplaced(sales, widget(sales, "a", "bar", 0, 0));
        acme.draftSaved("first");
        acme.versionPublished(1);
        acme.draftSaved("second");
        acme.by("carol").versionPublished(2);
        acme.draftRestored(1);
        acme.paused("invoice overdue");
        acme.activated();
        acme.brandingSet(TenantEvents.branding("#1a365d"));
        acme.brandingCleared();

        List<HistoryEntryRow> history = folded(acme).history(acme.tenantId);

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
        assertThat(history.get(3).dashboardId()).isEqualTo(sales);
        assertThat(history.get(3).version()).isNull();
        assertThat(history.get(8).version()).isEqualTo(1);
        assertThat(history.get(9).dashboardId()).isNull();
        EventEnvelope published = acme.events().get(9);
        assertThat(history.get(9)).isEqualTo(new HistoryEntryRow(acme.tenantId, 9, published.getEventId(),
                acme.occurredAt(9), "version_published", "carol", published.getCorrelationId(), null, 2,
                "carol published version 2", published));
    }

    @Test
    void givenAPublishOfAVersionTheReadModelNeverSaw_whenFolded_thenItRefusesRatherThanInventAPublishedVersion() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        acme.draftSaved("first");
        acme.versionPublished(1);
        InMemoryReadModel model = new InMemoryReadModel();
        model.apply(acme.events().get(0));
        EventEnvelope publish = acme.events().get(2);

        assertThatThrownBy(() -> ReadModelFold.fold(publish, model))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Version " + acme.versionId(1)).hasMessageContaining("not in the read model");
    }

    @Test
    void givenWidgetsReplacedOnADashboardTheReadModelNeverSaw_whenFolded_thenItRefuses() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        UUID sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales);
        InMemoryReadModel model = new InMemoryReadModel();
        model.apply(acme.events().get(0));

        assertThatThrownBy(() -> ReadModelFold.fold(acme.events().get(2), model))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Dashboard " + sales);
    }

    @Test
    void givenEventsThatReadEarlierRows_whenAskedWhatTheyRead_thenTheyNameExactlyThoseRows() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        UUID sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales);
        acme.versionPublished(acme.draftSaved("first"));
        acme.versionPublished(acme.draftSaved("second"));
        List<EventEnvelope> events = acme.events();

        assertThat(ReadModelFold.reads(events.get(0))).isEqualTo(FoldReads.NOTHING);
        assertThat(ReadModelFold.reads(events.get(1))).isEqualTo(FoldReads.NOTHING);
        assertThat(ReadModelFold.reads(events.get(2))).isEqualTo(new FoldReads(sales, null));
        assertThat(ReadModelFold.reads(events.get(3))).isEqualTo(FoldReads.NOTHING);
        assertThat(ReadModelFold.reads(events.get(4))).isEqualTo(new FoldReads(null, acme.versionId(1)));
        assertThat(ReadModelFold.reads(events.get(6))).as("archive").isEqualTo(new FoldReads(null, acme.versionId(1)));
        assertThat(ReadModelFold.reads(events.get(7))).isEqualTo(new FoldReads(null, acme.versionId(2)));
    }

    @Test
    void givenAKeyFromBeforeNames_whenFolded_thenItIsTheDefaultKeyCreatedByItsActorAndLive() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        UUID first = acme.apiKeyIssued();

        ApiKeyRow key = folded(acme).apiKeys(acme.tenantId).get(0);

        assertThat(key.keyId()).isEqualTo(first);
        assertThat(key.name()).isEqualTo("default");
        assertThat(key.createdBy()).isEqualTo("alice");
        assertThat(key.createdAt()).isEqualTo(acme.occurredAt(1));
        assertThat(key.revokedAt()).isNull();
    }

    @Test
    void givenANamedKeyRevoked_whenFolded_thenItKeepsItsNameAndCarriesTheRevocationTimeAndAnAuditEntry() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        UUID old = acme.apiKeyIssued();
        UUID rotated = acme.by("bob").apiKeyIssued("plant-2 agents");
        acme.apiKeyRevoked(old);

        InMemoryReadModel model = folded(acme);

        assertThat(model.apiKeys(acme.tenantId)).extracting(ApiKeyRow::keyId, ApiKeyRow::name, ApiKeyRow::createdBy,
                ApiKeyRow::revokedAt).containsExactly(
                tuple(old, "default", "alice", acme.occurredAt(3)),
                tuple(rotated, "plant-2 agents", "bob", null));
        assertThat(model.history(acme.tenantId)).extracting(HistoryEntryRow::eventType, HistoryEntryRow::summary)
                .endsWith(tuple("api_key_issued", "bob issued API key 'plant-2 agents' ("
                                + model.apiKeys(acme.tenantId).get(1).keyPrefix() + "…)"),
                        tuple("api_key_revoked", "bob revoked API key " + old));
    }

    @Test
    void givenABatchThatIssuesAndRevokesAKey_whenReduced_thenTheKeyIsInsertedRevokedAndAnOlderKeyIsUpdated() {
        TenantEvents acme = TenantEvents.tenantCreated("Acme", "acme", START);
        UUID older = acme.apiKeyIssued();
        InMemoryReadModel before = folded(acme);
        UUID brief = acme.apiKeyIssued("brief");
        acme.apiKeyRevoked(brief);
        acme.apiKeyRevoked(older);

        BatchChanges batch = new BatchChanges();
        acme.events().subList(2, 5).forEach(event -> ReadModelFold.fold(event, batch.over(before)).forEach(batch::add));

        assertThat(batch.apiKeysInserted()).extracting(ApiKeyRow::keyId, ApiKeyRow::revokedAt)
                .containsExactly(tuple(brief, acme.occurredAt(3)));
        assertThat(batch.apiKeysRevoked()).extracting(RowChange.ApiKeyRevoked::keyId).containsExactly(older);
    }

    private static String keyPrefix(TenantEvents tenant) {
        return ((ApiKeyIssuedEvent) tenant.events().get(1).getPayload()).getKeyPrefix();
    }

    private static InMemoryReadModel folded(TenantEvents tenant) {
        InMemoryReadModel model = new InMemoryReadModel();
        tenant.events().forEach(model::apply);
        return model;
    }
}

package io.flexboard.fold;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flexboard.fold.RowChange.DashboardInserted;
import io.flexboard.fold.RowChange.TenantStatusSet;
import io.flexboard.fold.RowChange.WidgetsReplaced;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.Widget;
import org.junit.jupiter.api.Test;

import static io.flexboard.fold.TenantStory.uuid;
import static io.flexboard.fold.TenantStory.widget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryReadModelTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void givenAnEventAppliedOnce_whenItIsAppliedAgain_thenItIsSkippedAsTheProjectorSkipsADuplicate() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        acme.dashboardCreated("Sales", "sales");
        InMemoryReadModel model = new InMemoryReadModel();
        acme.events().forEach(model::apply);

        boolean applied = model.apply(acme.events().get(1));

        assertThat(applied).isFalse();
        assertThat(model.tenant(uuid(acme.tenantId)).orElseThrow().dashboardCount()).isEqualTo(1);
        assertThat(model.position(uuid(acme.tenantId))).isEqualTo(1);
    }

    @Test
    void givenAMissingEvent_whenTheNextOneIsApplied_thenItIsRefusedAsAGap() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        acme.apiKeyIssued();
        acme.dashboardCreated("Sales", "sales");
        InMemoryReadModel model = new InMemoryReadModel();
        model.apply(acme.events().get(0));
        EventEnvelope third = acme.events().get(2);

        assertThatThrownBy(() -> model.apply(third)).isInstanceOf(IllegalStateException.class).hasMessageContaining("gap");
        assertThat(model.dashboards(uuid(acme.tenantId))).isEmpty();
    }

    @Test
    void givenAWidgetNameUsedOnAnotherDashboardOfTheTenant_whenReplaced_thenTheUniqueConstraintRefusesIt() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        String sales = acme.dashboardCreated("Sales", "sales");
        String ops = acme.dashboardCreated("Ops", "ops");
        acme.widgetsReplaced(sales, widget(sales, "revenue", "kpi", 0, 0));
        InMemoryReadModel model = new InMemoryReadModel();
        acme.events().forEach(model::apply);
        WidgetRow sameName = new WidgetRow(UUID.randomUUID(), uuid(acme.tenantId), uuid(ops), "revenue", "kpi",
                JsonDocument.ofText("{}"), 0, 0, 6, 4, 0);

        assertThatThrownBy(() -> model.apply(new WidgetsReplaced(uuid(acme.tenantId), uuid(ops), List.of(sameName))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("widgets_tenant_id_name_key");
    }

    @Test
    void givenWidgetsReplacedOnTheSameDashboard_whenANameComesBack_thenItIsFreeAgainAsAfterTheSqlDelete() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        String sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, widget(sales, "revenue", "kpi", 0, 0));
        acme.widgetsReplaced(sales, widget(sales, "revenue", "kpi", 6, 0));
        InMemoryReadModel model = new InMemoryReadModel();

        acme.events().forEach(model::apply);

        assertThat(model.widgets(uuid(sales))).extracting(WidgetRow::positionX).containsExactly(6);
    }

    @Test
    void givenADashboardOfATenantThatDoesNotExist_whenInserted_thenTheForeignKeyRefusesIt() {
        DashboardRow orphan = new DashboardRow(UUID.randomUUID(), UUID.randomUUID(), "Sales", "sales", null, 0, START, START);

        assertThatThrownBy(() -> new InMemoryReadModel().apply(new DashboardInserted(orphan)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("foreign key");
    }

    @Test
    void givenAnUnknownTenant_whenItsStatusIsSet_thenNothingChangesAsAnUpdateOfNoRow() {
        InMemoryReadModel model = new InMemoryReadModel();

        model.apply(new TenantStatusSet(UUID.randomUUID(), TenantRow.PAUSED, "unpaid", START));

        assertThat(model.tenants()).isEmpty();
    }

    @Test
    void givenTwoDashboardsCreatedInTheSameMillisecond_whenListed_thenTheyAreInPostgresqlsUuidOrder() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        InMemoryReadModel model = new InMemoryReadModel();
        acme.events().forEach(model::apply);
        UUID highBit = UUID.fromString("f0000000-0000-0000-0000-000000000000");
        UUID lowBit = UUID.fromString("10000000-0000-0000-0000-000000000000");
        model.apply(new DashboardInserted(new DashboardRow(highBit, uuid(acme.tenantId), "B", "b", null, 0, START, START)));
        model.apply(new DashboardInserted(new DashboardRow(lowBit, uuid(acme.tenantId), "A", "a", null, 0, START, START)));

        assertThat(model.dashboards(uuid(acme.tenantId))).extracting(DashboardRow::id).containsExactly(lowBit, highBit);
    }

    @Test
    void givenACopy_whenTheOriginalFoldsOn_thenTheCopyStaysAtItsMoment() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        String sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, widget(sales, "revenue", "kpi", 0, 0));
        InMemoryReadModel model = new InMemoryReadModel();
        acme.events().forEach(model::apply);
        InMemoryReadModel before = model.copy();

        acme.widgetsReplaced(sales);
        model.apply(acme.events().get(3));

        assertThat(model.widgets(uuid(sales))).isEmpty();
        assertThat(before.widgets(uuid(sales))).extracting(WidgetRow::name).containsExactly("revenue");
        assertThat(before.history(uuid(acme.tenantId))).hasSize(3);
        assertThat(model.history(uuid(acme.tenantId))).hasSize(4);
    }

    @Test
    void givenAModelWithoutEventHistory_whenEventsAreFolded_thenTheTablesFillButNoAuditEntryIsKept() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        acme.dashboardCreated("Sales", "sales");
        InMemoryReadModel model = InMemoryReadModel.withoutEventHistory();

        acme.events().forEach(model::apply);

        assertThat(model.dashboards(uuid(acme.tenantId))).hasSize(1);
        assertThat(model.history(uuid(acme.tenantId))).isEmpty();
    }
    @Test
    void givenAnotherTenantsWidgetId_whenAnEventOfThisTenantCarriesIt_thenTheOtherTenantsWidgetStaysItsOwn() {
        TenantStory victim = TenantStory.newTenant("Victim", "victim", START);
        String victimSales = victim.dashboardCreated("Sales", "sales");
        victim.widgetsReplaced(victimSales, widget(victimSales, "revenue", "kpi", 0, 0));
        TenantStory attacker = TenantStory.newTenant("Attacker", "attacker", START);
        String attackerSales = attacker.dashboardCreated("Sales", "sales");
        // As an event could already be in the topic: the victim's widget id on the attacker's dashboard.
        Widget stolen = Widget.newBuilder(widget(victimSales, "revenue", "kpi", 0, 0))
                .setDashboardId(attackerSales).setName("stolen").build();
        attacker.widgetsReplaced(attackerSales, stolen);
        InMemoryReadModel model = new InMemoryReadModel();
        victim.events().forEach(model::apply);

        attacker.events().forEach(model::apply);
        assertThat(model.widgets(uuid(attackerSales))).singleElement().extracting(WidgetRow::tenantId).isEqualTo(uuid(attacker.tenantId));
        attacker.widgetsReplaced(attackerSales);
        model.apply(attacker.events().get(attacker.events().size() - 1));

        assertThat(model.widgets(uuid(victimSales))).singleElement().satisfies(widget -> {
            assertThat(widget.tenantId()).isEqualTo(uuid(victim.tenantId));
            assertThat(widget.name()).isEqualTo("revenue");
        });
        assertThat(model.widgets(uuid(attackerSales))).isEmpty();
    }

    @Test
    void givenAnotherTenantsDashboard_whenAnEventOfThisTenantReplacesItsWidgets_thenTheFoldRefusesIt() {
        TenantStory victim = TenantStory.newTenant("Victim", "victim", START);
        String victimSales = victim.dashboardCreated("Sales", "sales");
        TenantStory attacker = TenantStory.newTenant("Attacker", "attacker", START);
        attacker.widgetsReplaced(victimSales, widget(victimSales, "planted", "kpi", 0, 0));
        InMemoryReadModel model = new InMemoryReadModel();
        victim.events().forEach(model::apply);
        model.apply(attacker.events().get(0));

        assertThatThrownBy(() -> model.apply(attacker.events().get(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("belongs to tenant " + uuid(victim.tenantId));
        assertThat(model.widgets(uuid(victimSales))).isEmpty();
    }
}

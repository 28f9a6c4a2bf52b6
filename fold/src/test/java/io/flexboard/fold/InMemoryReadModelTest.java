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
    void given_an_event_applied_once_when_it_is_applied_again_then_it_is_skipped_as_the_projector_skips_a_duplicate() {
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
    void given_a_missing_event_when_the_next_one_is_applied_then_it_is_refused_as_a_gap() {
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
    void given_a_widget_name_used_on_another_dashboard_of_the_tenant_when_replaced_then_the_unique_constraint_refuses_it() {
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
    void given_widgets_replaced_on_the_same_dashboard_when_a_name_comes_back_then_it_is_free_again_as_after_the_sql_delete() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        String sales = acme.dashboardCreated("Sales", "sales");
        acme.widgetsReplaced(sales, widget(sales, "revenue", "kpi", 0, 0));
        acme.widgetsReplaced(sales, widget(sales, "revenue", "kpi", 6, 0));
        InMemoryReadModel model = new InMemoryReadModel();

        acme.events().forEach(model::apply);

        assertThat(model.widgets(uuid(sales))).extracting(WidgetRow::positionX).containsExactly(6);
    }

    @Test
    void given_a_dashboard_of_a_tenant_that_does_not_exist_when_inserted_then_the_foreign_key_refuses_it() {
        DashboardRow orphan = new DashboardRow(UUID.randomUUID(), UUID.randomUUID(), "Sales", "sales", null, 0, START, START);

        assertThatThrownBy(() -> new InMemoryReadModel().apply(new DashboardInserted(orphan)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("foreign key");
    }

    @Test
    void given_an_unknown_tenant_when_its_status_is_set_then_nothing_changes_as_an_update_of_no_row() {
        InMemoryReadModel model = new InMemoryReadModel();

        model.apply(new TenantStatusSet(UUID.randomUUID(), TenantRow.PAUSED, "unpaid", START));

        assertThat(model.tenants()).isEmpty();
    }

    @Test
    void given_two_dashboards_created_in_the_same_millisecond_when_listed_then_they_are_in_postgresqls_uuid_order() {
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
    void given_a_copy_when_the_original_folds_on_then_the_copy_stays_at_its_moment() {
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
    void given_a_model_without_event_history_when_events_are_folded_then_the_tables_fill_but_no_audit_entry_is_kept() {
        TenantStory acme = TenantStory.newTenant("Acme", "acme", START);
        acme.dashboardCreated("Sales", "sales");
        InMemoryReadModel model = InMemoryReadModel.withoutEventHistory();

        acme.events().forEach(model::apply);

        assertThat(model.dashboards(uuid(acme.tenantId))).hasSize(1);
        assertThat(model.history(uuid(acme.tenantId))).isEmpty();
    }
    @Test
    void given_another_tenants_widget_id_when_an_event_of_this_tenant_carries_it_then_the_other_tenants_widget_stays_its_own() {
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
    void given_another_tenants_dashboard_when_an_event_of_this_tenant_replaces_its_widgets_then_the_fold_refuses_it() {
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

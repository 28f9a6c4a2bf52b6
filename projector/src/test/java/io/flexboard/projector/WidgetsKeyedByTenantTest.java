package io.flexboard.projector;

import java.util.List;
import java.util.Map;

import io.flexboard.fold.TenantStory;
import io.flexboard.schemas.Widget;
import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static io.flexboard.fold.TenantStory.newTenant;
import static io.flexboard.fold.TenantStory.widget;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A widget belongs to its tenant in the read models: an event already in the topic that carries
 * another tenant's widget id (command-api refuses such ids now, older events may hold them) writes
 * and deletes rows of its own tenant only.
 */
@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class WidgetsKeyedByTenantTest extends ProjectorIntegrationTest {

    private static final String WIDGETS = """
            select id, dashboard_id, name, widget_type, config::text as config, position_x, sort_order
              from widgets where tenant_id = ? order by name""";

    @Test
    void given_another_tenants_widget_id_when_an_event_carries_it_and_later_drops_it_then_the_other_tenants_widget_never_changes() {
        TenantStory victim = newTenant("Victim");
        String victimSales = victim.dashboardCreated("Sales", "sales");
        Widget revenue = widget(victimSales, "revenue-total", "kpi", 0, 0);
        victim.widgetsReplaced(victimSales, revenue, widget(victimSales, "sales-by-month", "bar", 6, 0));
        TenantStory attacker = newTenant("Attacker");
        String attackerBoard = attacker.dashboardCreated("Board", "board");
        Widget stolen = Widget.newBuilder(widget(attackerBoard, "stolen", "bar", 0, 0))
                .setWidgetId(revenue.getWidgetId()).build();
        attacker.widgetsReplaced(attackerBoard, stolen);
        events.send(victim.events());
        awaitPosition(victim, 2);
        List<Map<String, Object>> victimsWidgets = readModels.rows(WIDGETS, victim.tenantId);

        events.send(attacker.events());
        awaitPosition(attacker, 2);

        assertThat(readModels.rows(WIDGETS, victim.tenantId)).isEqualTo(victimsWidgets).hasSize(2);
        assertThat(readModels.rows(WIDGETS, attacker.tenantId)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("name", "stolen")
                        .containsEntry("dashboard_id", attackerBoard));

        attacker.widgetsReplaced(attackerBoard);
        events.send(attacker.events().subList(3, 4));
        awaitPosition(attacker, 3);

        assertThat(readModels.rows(WIDGETS, attacker.tenantId)).isEmpty();
        assertThat(readModels.rows(WIDGETS, victim.tenantId)).isEqualTo(victimsWidgets);
    }
}

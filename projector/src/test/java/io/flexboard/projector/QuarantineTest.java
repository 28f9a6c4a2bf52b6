package io.flexboard.projector;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flexboard.fold.TenantStory;
import io.flexboard.schemas.Widget;
import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.flexboard.fold.TenantStory.newTenant;
import static io.flexboard.fold.TenantStory.widget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One bad event never stops everyone: an event the read models refuse for good is quarantined to
 * its tenant, the tenant's later events are held, every other tenant flows, and an operator's skip
 * or retry releases the held events in order and exactly once. A transient failure quarantines nothing.
 */
@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class QuarantineTest extends ProjectorIntegrationTest {

    private WebTestClient admin;

    @BeforeEach
    void adminClient() {
        admin = http.mutate().defaultHeader("Authorization", "Bearer " + ADMIN_TOKEN).build();
    }

    @Test
    void given_a_widget_config_postgres_refuses_when_projected_then_only_its_tenant_waits_until_an_operator_skips_it() {
        TenantStory canary = newTenant("Canary");
        canary.apiKeyIssued();
        TenantStory poisoned = newTenant("Poisoned");
        String dashboard = poisoned.dashboardCreated("Sales", "sales");
        events.send(canary.events());
        events.send(poisoned.events());
        awaitPosition(canary, 1);
        awaitPosition(poisoned, 1);
        double quarantinedBefore = quarantinedTenantsGauge();

        poisoned.widgetsReplaced(dashboard, widgetWithNulInItsConfig(dashboard));
        String ops = poisoned.dashboardCreated("Ops", "ops");
        poisoned.widgetsReplaced(ops, widget(ops, "revenue-total", "kpi", 0, 0));
        canary.dashboardCreated("Canary board", "canary-board");
        events.send(poisoned.events().subList(2, 5));
        events.send(canary.events().subList(2, 3));

        awaitPosition(canary, 2);
        await().atMost(PROJECTION_TIMEOUT).until(() -> heldEvents(poisoned) == 2);
        assertThat(readModels.position(poisoned.tenantId)).isEqualTo(1);
        Map<String, Object> quarantine = quarantineOf(poisoned);
        assertThat(quarantine).containsEntry("event_id", poisoned.event(2).getEventId())
                .containsEntry("event_type", "widgets_replaced").containsEntry("aggregate_sequence", 2L);
        assertThat((String) quarantine.get("error")).contains("SQLState 22");
        await().atMost(PROJECTION_TIMEOUT).until(() -> quarantinedTenantsGauge() == quarantinedBefore + 1);
        admin.get().uri("/api/ops/quarantines").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.quarantined[?(@.tenant_id == '%s')].event_id".formatted(poisoned.tenantId))
                .isEqualTo(poisoned.event(2).getEventId())
                .jsonPath("$.quarantined[?(@.tenant_id == '%s')].held_events".formatted(poisoned.tenantId)).isEqualTo(2);

        // A retry while nothing was fixed quarantines the same event again, with the database's new words.
        admin.post().uri("/api/ops/quarantines/{tenant}/retry", poisoned.tenantId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("actor", "ops@vendor.example", "reason", "try again"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.outcome").isEqualTo("quarantined")
                .jsonPath("$.new_error").value(error -> assertThat((String) error).contains("SQLState 22"));
        assertThat(readModels.position(poisoned.tenantId)).isEqualTo(1);
        assertThat(heldEvents(poisoned)).isEqualTo(2);

        admin.post().uri("/api/ops/quarantines/{tenant}/skip", poisoned.tenantId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("actor", "ops@vendor.example", "reason", "NUL in a widget config, ticket 42"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.action").isEqualTo("SKIP")
                .jsonPath("$.outcome").isEqualTo("released")
                .jsonPath("$.held_released").isEqualTo(2);

        assertThat(readModels.position(poisoned.tenantId)).isEqualTo(4);
        assertThat(historySequences(poisoned)).containsExactly(0L, 1L, 3L, 4L);
        assertThat(readModels.rows("select name from widgets where dashboard_id = ?", ops))
                .containsExactly(Map.of("name", "revenue-total"));
        assertThat(readModels.rows("select name from widgets where dashboard_id = ?", dashboard)).isEmpty();
        assertThat(readModels.all("select * from quarantined_events where tenant_id = '%s'".formatted(poisoned.tenantId))).isEmpty();
        assertThat(readModels.rows("""
                select action, actor, reason, outcome, held_released from quarantine_resolutions
                 where tenant_id = ? and action = 'skip'""", poisoned.tenantId))
                .containsExactly(Map.of("action", "skip", "actor", "ops@vendor.example",
                        "reason", "NUL in a widget config, ticket 42", "outcome", "released", "held_released", 2));
        admin.get().uri("/api/ops/quarantines").exchange()
                .expectBody()
                .jsonPath("$.resolutions[?(@.tenant_id == '%s' && @.action == 'SKIP')].event_id".formatted(poisoned.tenantId))
                .isEqualTo(poisoned.event(2).getEventId());
        await().atMost(PROJECTION_TIMEOUT).until(() -> quarantinedTenantsGauge() == quarantinedBefore);

        // Released: the tenant's next event is applied as it arrives.
        poisoned.tenantPaused("billing");
        events.send(poisoned.events().subList(5, 6));
        awaitPosition(poisoned, 5);
        assertThat(historySequences(poisoned)).containsExactly(0L, 1L, 3L, 4L, 5L);
    }

    @Test
    void given_an_event_the_fold_cannot_take_when_fixed_and_retried_then_it_and_the_events_held_behind_it_across_a_restart_are_applied_in_order_once() {
        TenantStory canary = newTenant("Canary");
        TenantStory poisoned = newTenant("Poisoned");
        poisoned.apiKeyIssued();
        poisoned.dashboardCreated("Sales", "sales");
        poisoned.dashboardCreated("Ops", "ops");
        poisoned.apiKeyIssued();
        failureHook.armPoisonFor(poisoned.event(2));
        events.send(poisoned.events());

        await().atMost(PROJECTION_TIMEOUT).until(() -> heldEvents(poisoned) == 2);
        assertThat(readModels.position(poisoned.tenantId)).isEqualTo(1);
        assertThat((String) quarantineOf(poisoned).get("error")).contains("Simulated fold failure");

        // A restart in the middle keeps the quarantine and the held events, and holds what comes next.
        projectorContainer().stop();
        projectorContainer().start();
        poisoned.tenantPaused("audit");
        events.send(poisoned.events().subList(5, 6));
        events.send(canary.events());
        awaitPosition(canary, 0);
        await().atMost(PROJECTION_TIMEOUT).until(() -> heldEvents(poisoned) == 3);
        assertThat(readModels.position(poisoned.tenantId)).isEqualTo(1);

        failureHook.disarm();
        admin.post().uri("/api/ops/quarantines/{tenant}/retry", poisoned.tenantId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("actor", "ops@vendor.example", "reason", "fold fixed in 1.4.2"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.action").isEqualTo("RETRY")
                .jsonPath("$.outcome").isEqualTo("released")
                .jsonPath("$.held_released").isEqualTo(3);

        assertThat(readModels.position(poisoned.tenantId)).isEqualTo(5);
        assertThat(historySequences(poisoned)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(readModels.row("select dashboard_count, status from tenants where id = ?", poisoned.tenantId))
                .containsEntry("dashboard_count", 2).containsEntry("status", "paused");
        assertThat(readModels.rows("select * from api_keys where tenant_id = ?", poisoned.tenantId)).hasSize(2);
        assertThat(heldEvents(poisoned)).isZero();
    }

    @Test
    void given_the_database_connection_is_killed_mid_batch_when_the_batch_is_retried_then_nothing_is_quarantined_and_every_event_is_applied_once() {
        TenantStory story = newTenant("Flaky network");
        story.apiKeyIssued();
        story.dashboardCreated("Sales", "sales");
        failureHook.killConnectionOnceAt(story.event(1));

        events.send(story.events());

        awaitPosition(story, 2);
        assertThat(failureHook.failures()).isEqualTo(1);
        assertThat(readModels.all("select * from quarantined_events where tenant_id = '%s'".formatted(story.tenantId))).isEmpty();
        assertThat(historySequences(story)).containsExactly(0L, 1L, 2L);
        assertThat(readModels.row("select dashboard_count from tenants where id = ?", story.tenantId))
                .containsEntry("dashboard_count", 1);
    }

    @Test
    void given_malformed_or_foreign_resolutions_when_sent_then_each_is_refused_naming_the_field_and_the_quarantine_stays() {
        TenantStory poisoned = newTenant("Poisoned");
        poisoned.apiKeyIssued();
        failureHook.armPoisonFor(poisoned.event(1));
        events.send(poisoned.events());
        await().atMost(PROJECTION_TIMEOUT).until(() -> !readModels.all(
                "select * from quarantined_events where tenant_id = '%s'".formatted(poisoned.tenantId)).isEmpty());

        // A tenant id that is no UUID: 400 naming tenantId.
        resolve("not-a-uuid", Map.of("actor", "a", "reason", "r")).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("tenantId");
        // No body: 400 naming both fields.
        admin.post().uri("/api/ops/quarantines/{tenant}/skip", poisoned.tenantId).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("actor").jsonPath("$.errors[1].field").isEqualTo("reason");
        // A NUL in the reason, a blank actor: 400 naming each.
        resolve(poisoned.tenantId, Map.of("actor", " ", "reason", "a\u0000b")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("actor").jsonPath("$.errors[1].field").isEqualTo("reason");
        // A huge reason: 400 naming it.
        resolve(poisoned.tenantId, Map.of("actor", "a", "reason", "x".repeat(5000))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        // Not JSON, or not an object: 400.
        admin.post().uri("/api/ops/quarantines/{tenant}/skip", poisoned.tenantId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"actor\":").exchange().expectStatus().isBadRequest();
        admin.post().uri("/api/ops/quarantines/{tenant}/skip", poisoned.tenantId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[1]").exchange().expectStatus().isBadRequest();
        // A tenant that is not quarantined: 404.
        resolve(UUID.randomUUID().toString(), Map.of("actor", "a", "reason", "r")).expectStatus().isNotFound();
        // No admin token: 401.
        http.get().uri("/api/ops/quarantines").exchange().expectStatus().isUnauthorized();

        assertThat(readModels.position(poisoned.tenantId)).isZero();
        assertThat(quarantineOf(poisoned)).containsEntry("aggregate_sequence", 1L);
        assertThat(readModels.rows("select * from quarantine_resolutions where tenant_id = ?", poisoned.tenantId)).isEmpty();
    }

    private WebTestClient.ResponseSpec resolve(String tenantId, Map<String, String> body) {
        return admin.post().uri("/api/ops/quarantines/{tenant}/skip", tenantId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** PostgreSQL's jsonb refuses the \u0000 escape (SQLState 22P05), as a text column refuses a NUL. */
    private static Widget widgetWithNulInItsConfig(String dashboard) {
        Widget widget = widget(dashboard, "sales-by-month", "bar", 0, 0);
        widget.setConfigJson("{\"title\":\"Sales\\u0000\"}");
        return widget;
    }

    private Map<String, Object> quarantineOf(TenantStory story) {
        return readModels.row("select * from quarantined_events where tenant_id = ?", story.tenantId);
    }

    private long heldEvents(TenantStory story) {
        return readModels.number("select count(*) from held_events where tenant_id = '%s'".formatted(story.tenantId));
    }

    private List<Long> historySequences(TenantStory story) {
        return readModels.rows("select aggregate_sequence from event_history where tenant_id = ? order by aggregate_sequence",
                story.tenantId).stream().map(row -> ((Number) row.get("aggregate_sequence")).longValue()).toList();
    }

    private double quarantinedTenantsGauge() {
        return meters.get("flexboard.projector.quarantined.tenants").gauge().value();
    }
}

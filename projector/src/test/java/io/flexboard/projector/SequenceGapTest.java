package io.flexboard.projector;

import io.flexboard.fold.TenantStory;
import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static io.flexboard.fold.TenantStory.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A gap quarantines its tenant at the event after it, with the reason; every other tenant flows. */
@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class SequenceGapTest extends ProjectorIntegrationTest {

    @Test
    void given_a_tenants_stream_misses_an_event_when_the_next_one_arrives_then_it_is_quarantined_and_other_tenants_flow() {
        TenantStory story = newTenant("Hooli");
        story.apiKeyIssued();
        story.loseNextEvent();
        story.dashboardCreated("Sales", "sales");
        story.dashboardCreated("Ops", "ops");
        TenantStory canary = newTenant("Canary");
        events.send(story.events().subList(0, 2));
        awaitPosition(story, 1);
        double gapsBefore = meters.counter("flexboard.projector.sequence.gaps").count();

        events.send(story.events().subList(2, 4));
        events.send(canary.events());

        awaitPosition(canary, 0);
        await().atMost(PROJECTION_TIMEOUT).until(() -> readModels.number(
                "select count(*) from held_events where tenant_id = '%s'".formatted(story.tenantId)) == 1);
        assertThat(meters.counter("flexboard.projector.sequence.gaps").count()).isGreaterThan(gapsBefore);
        assertThat(readModels.row("select aggregate_sequence, error from quarantined_events where tenant_id = ?", story.tenantId))
                .containsEntry("aggregate_sequence", 3L)
                .hasEntrySatisfying("error", error -> assertThat((String) error)
                        .contains("Sequence gap for tenant " + story.tenantId + ": applied up to 1, next expected 2, received 3"));
        assertThat(readModels.position(story.tenantId)).isEqualTo(1);
        assertThat(readModels.rows("select * from dashboards where tenant_id = ?", story.tenantId)).isEmpty();
    }
}

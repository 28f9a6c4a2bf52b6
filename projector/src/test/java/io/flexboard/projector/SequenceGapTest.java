package io.flexboard.projector;

import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;

import static io.flexboard.projector.TenantStory.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gap stops the projector on purpose (the batch is retried forever), so this test gets its own
 * broker and context, closed afterwards, to leave the other tests' consumer alone.
 */
@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@DirtiesContext
class SequenceGapTest extends ProjectorIntegrationTest {

    @Test
    void givenATenantsStreamMissesAnEvent_whenTheNextOneArrives_thenItIsNotAppliedAndTheBatchIsRetried() {
        TenantStory story = newTenant("Hooli");
        story.apiKeyIssued();
        story.loseNextEvent();
        story.dashboardCreated("Sales", "sales");
        events.send(story.events().subList(0, 2));
        awaitPosition(story, 1);
        double gapsBefore = gapsCounted();

        events.send(story.events().subList(2, 3));

        await().atMost(PROJECTION_TIMEOUT).until(() -> gapsCounted() - gapsBefore >= 3);
        assertThat(readModels.position(story.tenantId)).isEqualTo(1);
        assertThat(readModels.rows("select * from dashboards where tenant_id = ?", story.tenantId)).isEmpty();
        assertThat(readModels.row("select dashboard_count from tenants where id = ?", story.tenantId))
                .containsEntry("dashboard_count", 0);
    }

    private double gapsCounted() {
        return meters.counter("flexboard.projector.sequence.gaps").count();
    }
}

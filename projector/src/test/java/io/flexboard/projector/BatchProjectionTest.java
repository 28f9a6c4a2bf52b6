package io.flexboard.projector;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flexboard.fold.TenantStory;
import io.flexboard.projector.projection.BatchProjection;
import io.flexboard.projector.projection.BatchResult;
import io.flexboard.projector.projection.SequenceGapException;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.context.EmbeddedKafka;
import reactor.test.StepVerifier;

import static io.flexboard.fold.TenantStory.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

/** What one batch projection emits: how many events it applied and skipped, or the gap it refused (keeping nothing). */
@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class BatchProjectionTest extends ProjectorIntegrationTest {

    @Autowired
    BatchProjection projection;

    @Test
    void given_a_new_tenants_events_when_projected_then_each_is_applied_once_and_a_redelivery_is_all_duplicates() {
        TenantStory story = newTenant("Initech");
        story.apiKeyIssued();
        story.dashboardCreated("Sales", "sales");
        List<EventEnvelope> stream = story.events();
        Set<UUID> tenant = Set.of(UUID.fromString(story.tenantId));

        StepVerifier.create(projection.project(stream))
                .expectNext(new BatchResult(stream.size(), 0, tenant))
                .expectComplete()
                .verify(PROJECTION_TIMEOUT);
        StepVerifier.create(projection.project(stream))
                .expectNext(new BatchResult(0, stream.size(), tenant))
                .expectComplete()
                .verify(PROJECTION_TIMEOUT);

        assertThat(readModels.position(story.tenantId)).isEqualTo(story.lastSequence());
    }

    @Test
    void given_a_batch_with_a_gap_when_projected_then_it_fails_naming_the_gap_and_keeps_none_of_its_events() {
        TenantStory story = newTenant("Hooli");
        story.apiKeyIssued();
        story.loseNextEvent();
        story.dashboardCreated("Sales", "sales");

        StepVerifier.create(projection.project(story.events()))
                .expectErrorSatisfies(failure -> assertThat(failure).isInstanceOfSatisfying(SequenceGapException.class, gap -> {
                    assertThat(gap.tenantId()).isEqualTo(UUID.fromString(story.tenantId));
                    assertThat(gap.position()).isEqualTo(1);
                    assertThat(gap.sequence()).isEqualTo(3);
                }))
                .verify(PROJECTION_TIMEOUT);

        assertThat(readModels.position(story.tenantId)).isNull();
        assertThat(readModels.rows("select * from tenants where id = ?", story.tenantId)).isEmpty();
    }
}

package io.flexboard.projector;

import java.nio.charset.StandardCharsets;

import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;

import static io.flexboard.projector.TenantStory.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An undecodable record stops the projector on purpose (retried until a projector that reads it
 * is deployed), so this test gets its own broker and context, closed afterwards.
 */
@EmbeddedKafka(partitions = 1, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@DirtiesContext
class UndecodableRecordTest extends ProjectorIntegrationTest {

    @Test
    void givenARecordThatIsNotAnEvent_whenConsumed_thenNothingFromItOnIsAppliedAndItIsRetried() {
        TenantStory story = newTenant("Initech");
        story.apiKeyIssued();
        events.send(story.events().subList(0, 1));
        awaitPosition(story, 0);

        events.sendGarbage(story.tenantId, "not an event envelope".getBytes(StandardCharsets.UTF_8));
        events.send(story.events().subList(1, 2));

        await().atMost(PROJECTION_TIMEOUT).until(() -> undecodableCounted() >= 2);
        assertThat(readModels.position(story.tenantId)).isEqualTo(0);
        assertThat(readModels.rows("select * from api_keys where tenant_id = ?", story.tenantId)).isEmpty();
    }

    private double undecodableCounted() {
        return meters.counter("flexboard.projector.events", "outcome", "undecodable").count();
    }
}

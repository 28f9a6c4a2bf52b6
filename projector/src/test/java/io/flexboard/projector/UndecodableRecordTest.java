package io.flexboard.projector;

import java.nio.charset.StandardCharsets;

import io.flexboard.fold.TenantStory;
import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static io.flexboard.fold.TenantStory.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An undecodable record quarantines the tenant its key names, with its raw bytes for a retry by a
 * projector that reads it; the tenant's later events are held, other tenants (one partition: the
 * same one) flow.
 */
@EmbeddedKafka(partitions = 1, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class UndecodableRecordTest extends ProjectorIntegrationTest {

    @Test
    void given_a_record_that_is_not_an_event_when_consumed_then_its_tenant_is_quarantined_and_the_others_flow() {
        TenantStory story = newTenant("Initech");
        story.apiKeyIssued();
        TenantStory canary = newTenant("Canary");
        events.send(story.events().subList(0, 1));
        awaitPosition(story, 0);
        byte[] garbage = "not an event envelope".getBytes(StandardCharsets.UTF_8);

        events.sendGarbage(story.tenantId, garbage);
        events.send(story.events().subList(1, 2));
        events.send(canary.events());

        awaitPosition(canary, 0);
        await().atMost(PROJECTION_TIMEOUT).until(() -> readModels.number(
                "select count(*) from held_events where tenant_id = '%s'".formatted(story.tenantId)) == 1);
        assertThat(eventsCounted("undecodable")).isPositive();
        assertThat(readModels.row("select event_id, record, error from quarantined_events where tenant_id = ?", story.tenantId))
                .containsEntry("event_id", null)
                .containsEntry("record", garbage)
                .hasEntrySatisfying("error", error -> assertThat((String) error).startsWith("undecodable record at flexboard.events-0@"));
        assertThat(readModels.position(story.tenantId)).isEqualTo(0);
        assertThat(readModels.rows("select * from api_keys where tenant_id = ?", story.tenantId)).isEmpty();
    }
}

package io.flexboard.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.flexboard.fold.TenantStory;
import io.flexboard.projector.apikey.ApiKeyRevocationNotification;
import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** Named keys reach api_keys with name, issuer and revocation; a revocation is announced to agent-bridge on commit. */
@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ApiKeyRevocationProjectionTest extends ProjectorIntegrationTest {

    PublishedNotifications bridge;

    @BeforeEach
    void listen() {
        bridge = new PublishedNotifications(TestDatabase.JDBC_URL, ApiKeyRevocationNotification.CHANNEL);
    }

    @AfterEach
    void stopListening() throws Exception {
        bridge.close();
    }

    @Test
    void given_two_keys_when_the_old_one_is_revoked_then_its_row_carries_the_revocation_and_bridges_hear_its_hash_once() {
        TenantStory story = TenantStory.newTenant("Acme");
        String old = story.apiKeyIssued();
        String rotated = story.apiKeyIssued("plant-2 agents");
        events.send(story.events());
        awaitPosition(story, 2);

        story.apiKeyRevoked(old);
        events.send(story.event(3));
        awaitPosition(story, 3);

        assertThat(readModels.rows("select key_id, name, created_by, revoked_at from api_keys where tenant_id = ?"
                + " order by created_at", story.tenantId)).extracting(row -> row.get("key_id").toString(),
                row -> row.get("name"), row -> row.get("revoked_at")).containsExactly(
                tuple(old, "default", story.occurredAt(3)),
                tuple(rotated, "plant-2 agents", null));
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> assertThat(bridge.forTenant(story.tenantId))
                .containsExactly(story.tenantId + ":" + TenantStory.keyHash(old)));
    }

    @Test
    void given_a_key_issued_and_revoked_in_one_batch_then_it_is_stored_revoked_and_still_announced() {
        TenantStory story = TenantStory.newTenant("Globex");
        String brief = story.apiKeyIssued("brief");
        story.apiKeyRevoked(brief);
        events.send(story.events());
        awaitPosition(story, 2);

        assertThat(readModels.row("select revoked_at from api_keys where key_id = ?::uuid", brief))
                .containsEntry("revoked_at", story.occurredAt(2));
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> assertThat(bridge.forTenant(story.tenantId))
                .containsExactly(story.tenantId + ":" + TenantStory.keyHash(brief)));
    }
}

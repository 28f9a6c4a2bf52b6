package io.flexboard.projector;

import java.util.List;

import io.flexboard.fold.TenantStory;
import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static io.flexboard.fold.TenantStory.tenantWithPublishedVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PublishedVersionNotificationTest extends ProjectorIntegrationTest {

    PublishedNotifications bridge;

    @BeforeEach
    void listen() {
        bridge = new PublishedNotifications();
    }

    @AfterEach
    void stopListening() throws Exception {
        bridge.close();
    }

    @Test
    void given_a_listening_bridge_when_batches_with_publishes_commit_then_it_is_notified_of_tenant_and_version_once_published_versions_has_it() {
        TenantStory story = tenantWithPublishedVersion("Acme");
        events.send(story.events());
        await().atMost(PROJECTION_TIMEOUT).until(() -> !bridge.forTenant(story.tenantId).isEmpty());
        assertThat(readModels.row("select version from published_versions where tenant_id = ?", story.tenantId))
                .containsEntry("version", 1);

        story.draftSaved();
        story.versionPublished(2);
        events.send(story.events().subList(6, 9));

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> assertThat(bridge.forTenant(story.tenantId))
                .containsExactly(story.tenantId + ":1", story.tenantId + ":2"));
    }

    @Test
    void given_a_listening_bridge_when_a_tenant_is_paused_and_activated_then_each_is_announced_with_the_published_version() {
        TenantStory story = tenantWithPublishedVersion("Initech");
        events.send(story.events());
        awaitPosition(story, 5);

        story.tenantPaused("invoice overdue");
        events.send(story.event(6));
        awaitPosition(story, 6);
        story.tenantActivated();
        events.send(story.event(7));

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> assertThat(bridge.forTenant(story.tenantId))
                .containsExactly(story.tenantId + ":1", story.tenantId + ":1", story.tenantId + ":1"));
    }

    @Test
    void given_a_tenant_that_never_published_when_it_is_paused_then_it_is_announced_with_version_zero() {
        TenantStory story = TenantStory.newTenant("Hooli");
        story.tenantPaused(null);
        events.send(story.events());

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> assertThat(bridge.forTenant(story.tenantId))
                .containsExactly(story.tenantId + ":0"));
    }

    @Test
    void given_a_batch_with_a_publish_rolls_back_when_it_is_retried_and_commits_then_the_bridge_is_notified_only_of_the_commit() {
        TenantStory story = tenantWithPublishedVersion("Globex");
        // The hook runs after the notification, so the NOTIFY was issued in every failed attempt.
        failureHook.armFor(story.event(5));
        events.send(story.events());

        await().atMost(PROJECTION_TIMEOUT).until(() -> failureHook.failures() >= 2);
        assertThat(bridge.forTenant(story.tenantId)).as("nothing from rolled-back batches").isEmpty();

        failureHook.disarm();
        awaitPosition(story, 5);
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> assertThat(bridge.forTenant(story.tenantId))
                .isEqualTo(List.of(story.tenantId + ":1")));
    }
}

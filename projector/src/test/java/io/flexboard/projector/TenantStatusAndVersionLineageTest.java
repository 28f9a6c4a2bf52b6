package io.flexboard.projector;

import io.flexboard.fold.TenantStory;
import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static io.flexboard.fold.TenantStory.tenantWithPublishedVersion;
import static io.flexboard.fold.TenantStory.widget;
import static io.flexboard.projector.ReadModels.columns;
import static org.assertj.core.api.Assertions.assertThat;

/** Pausing and activating a tenant, and where each version comes from (its parent, the version it restores). */
@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class TenantStatusAndVersionLineageTest extends ProjectorIntegrationTest {

    private static final String STATUS = "select status, paused_reason, updated_at from tenants where id = ?";
    private static final String BRANDING = """
            select branding -> 'colors' ->> 'primary' as primary, branding ->> 'font' as font,
                   branding -> 'logo' ->> 'media_type' as logo_type, updated_at from tenants where id = ?""";
    private static final String AGENTS_BRANDING = """
            select published_configuration -> 'branding' -> 'colors' ->> 'primary' as branding, version
              from published_versions where tenant_id = ?""";

    @Test
    void given_an_active_tenant_when_it_is_paused_then_it_is_inactive_with_the_reason_and_updated_at_the_pause() {
        TenantStory story = tenantWithPublishedVersion("Acme");
        story.tenantPaused("invoice overdue");

        events.send(story.events());
        awaitPosition(story, 6);

        assertThat(readModels.row(STATUS, story.tenantId))
                .isEqualTo(columns("status", "paused", "paused_reason", "invoice overdue", "updated_at", story.occurredAt(6)));
    }

    @Test
    void given_a_paused_tenant_when_it_is_activated_then_it_is_active_again_and_the_reason_is_gone() {
        TenantStory story = tenantWithPublishedVersion("Initech");
        story.tenantPaused("invoice overdue");
        story.tenantActivated();

        events.send(story.events());
        awaitPosition(story, 7);

        assertThat(readModels.row(STATUS, story.tenantId))
                .isEqualTo(columns("status", "active", "paused_reason", null, "updated_at", story.occurredAt(7)));
    }

    @Test
    void given_a_tenant_paused_without_a_reason_when_projected_then_it_is_inactive_with_no_reason() {
        TenantStory story = TenantStory.newTenant("Globex");
        story.tenantPaused(null);

        events.send(story.events());
        awaitPosition(story, 1);

        assertThat(readModels.row(STATUS, story.tenantId))
                .isEqualTo(columns("status", "paused", "paused_reason", null, "updated_at", story.occurredAt(1)));
    }

    @Test
    void given_branding_set_then_published_when_projected_then_the_tenant_holds_it_and_agents_get_it_only_with_the_next_published_version() {
        TenantStory story = tenantWithPublishedVersion("Hooli");
        story.brandingSet("#1a365d");

        events.send(story.events());
        awaitPosition(story, 6);

        assertThat(readModels.row(BRANDING, story.tenantId)).isEqualTo(columns("primary", "#1a365d", "font", "Inter",
                "logo_type", "image/png", "updated_at", story.occurredAt(6)));
        assertThat(readModels.row(AGENTS_BRANDING, story.tenantId)).isEqualTo(columns("branding", null, "version", 1));

        story.versionPublished(story.draftSaved());
        story.brandingCleared();
        events.send(story.events().subList(7, 11));
        awaitPosition(story, 10);

        assertThat(readModels.row(AGENTS_BRANDING, story.tenantId)).isEqualTo(columns("branding", "#1a365d", "version", 2));
        assertThat(readModels.row(BRANDING, story.tenantId)).isEqualTo(columns("primary", null, "font", null,
                "logo_type", null, "updated_at", story.occurredAt(10)));
    }

    @Test
    void given_drafts_saved_and_one_restored_when_projected_then_each_version_names_its_parent_and_the_restored_version() {
        TenantStory story = tenantWithPublishedVersion("Umbrella");
        String dashboard = story.dashboardId(0);
        story.widgetsReplaced(dashboard, widget(dashboard, "orders-by-region", "pie", 0, 0));
        story.draftSaved();
        story.draftRestored(1);

        events.send(story.events());
        awaitPosition(story, 8);

        assertThat(readModels.rows("select version, message, parent_version, restored_from_version_id, restored_from_version"
                + " from versions where tenant_id = ? order by version", story.tenantId)).containsExactly(
                columns("version", 1, "message", "draft 1", "parent_version", null,
                        "restored_from_version_id", null, "restored_from_version", null),
                columns("version", 2, "message", "draft 2", "parent_version", 1,
                        "restored_from_version_id", null, "restored_from_version", null),
                columns("version", 3, "message", "restore 1", "parent_version", 2,
                        "restored_from_version_id", story.versionId(1), "restored_from_version", 1));
        assertThat(readModels.row("select metadata from versions where tenant_id = ? and version = 3", story.tenantId))
                .isEqualTo(readModels.row("select metadata from versions where tenant_id = ? and version = 1", story.tenantId));
    }
}

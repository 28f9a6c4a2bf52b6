package io.flexboard.projector;

import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static io.flexboard.projector.ReadModels.columns;
import static io.flexboard.projector.TenantStory.occurredAt;
import static io.flexboard.projector.TenantStory.tenantWithPublishedVersion;
import static io.flexboard.projector.TenantStory.widget;
import static org.assertj.core.api.Assertions.assertThat;

/** Pausing and activating a tenant, and where each version comes from (its parent, the version it restores). */
@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class TenantStatusAndVersionLineageTest extends ProjectorIntegrationTest {

    private static final String STATUS = "select is_active, paused_reason, updated_at from tenants where id = ?";
    private static final String BRANDING = """
            select branding -> 'colors' ->> 'primary' as primary, branding ->> 'font' as font,
                   branding -> 'logo' ->> 'media_type' as logo_type, updated_at from tenants where id = ?""";
    private static final String AGENTS_BRANDING = """
            select published_configuration -> 'branding' -> 'colors' ->> 'primary' as branding, version
              from published_versions where tenant_id = ?""";

    @Test
    void givenAnActiveTenant_whenItIsPaused_thenItIsInactiveWithTheReasonAndUpdatedAtThePause() {
        TenantStory story = tenantWithPublishedVersion("Acme");
        story.tenantPaused("invoice overdue");

        events.send(story.events());
        awaitPosition(story, 6);

        assertThat(readModels.row(STATUS, story.tenantId))
                .isEqualTo(columns("is_active", false, "paused_reason", "invoice overdue", "updated_at", occurredAt(6)));
    }

    @Test
    void givenAPausedTenant_whenItIsActivated_thenItIsActiveAgainAndTheReasonIsGone() {
        TenantStory story = tenantWithPublishedVersion("Initech");
        story.tenantPaused("invoice overdue");
        story.tenantActivated();

        events.send(story.events());
        awaitPosition(story, 7);

        assertThat(readModels.row(STATUS, story.tenantId))
                .isEqualTo(columns("is_active", true, "paused_reason", null, "updated_at", occurredAt(7)));
    }

    @Test
    void givenATenantPausedWithoutAReason_whenProjected_thenItIsInactiveWithNoReason() {
        TenantStory story = TenantStory.newTenant("Globex");
        story.tenantPaused(null);

        events.send(story.events());
        awaitPosition(story, 1);

        assertThat(readModels.row(STATUS, story.tenantId))
                .isEqualTo(columns("is_active", false, "paused_reason", null, "updated_at", occurredAt(1)));
    }

    @Test
    void givenBrandingSetThenPublished_whenProjected_thenTheTenantHoldsItAndAgentsGetItOnlyWithTheNextPublishedVersion() {
        TenantStory story = tenantWithPublishedVersion("Hooli");
        story.brandingSet("#1a365d");

        events.send(story.events());
        awaitPosition(story, 6);

        assertThat(readModels.row(BRANDING, story.tenantId)).isEqualTo(columns("primary", "#1a365d", "font", "Inter",
                "logo_type", "image/png", "updated_at", occurredAt(6)));
        assertThat(readModels.row(AGENTS_BRANDING, story.tenantId)).isEqualTo(columns("branding", null, "version", 1));

        String v2 = story.draftSaved(2);
        story.versionArchived(story.versionId(1), 1);
        story.versionPublished(v2, 2);
        story.brandingCleared();
        events.send(story.events().subList(7, 11));
        awaitPosition(story, 10);

        assertThat(readModels.row(AGENTS_BRANDING, story.tenantId)).isEqualTo(columns("branding", "#1a365d", "version", 2));
        assertThat(readModels.row(BRANDING, story.tenantId)).isEqualTo(columns("primary", null, "font", null,
                "logo_type", null, "updated_at", occurredAt(10)));
    }

    @Test
    void givenDraftsSavedAndOneRestored_whenProjected_thenEachVersionNamesItsParentAndTheRestoredVersion() {
        TenantStory story = tenantWithPublishedVersion("Umbrella");
        String dashboard = story.dashboardId(0);
        story.widgetsReplaced(dashboard, widget(dashboard, "orders-by-region", "pie", 0, 0));
        story.draftSaved(2);
        story.draftRestored(3, 1);

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

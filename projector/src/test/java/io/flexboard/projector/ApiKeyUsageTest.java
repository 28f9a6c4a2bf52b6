package io.flexboard.projector;

import static io.flexboard.fold.TenantStory.newTenant;
import static io.flexboard.projector.AgentSyncs.lastHour;
import static io.flexboard.projector.AgentSyncs.minutesAfter;
import static io.flexboard.projector.AgentSyncs.syncOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;

import io.flexboard.fold.TenantStory;
import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** api_key_usage.last_used_at follows the sync reports of each key, written at most once a minute per key. */
@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ApiKeyUsageTest extends ProjectorIntegrationTest {

    TenantStory acme;
    String key;
    Instant hour;

    @BeforeEach
    void tenantWithAKey() {
        acme = newTenant("Acme");
        key = acme.apiKeyIssued();
        events.send(acme.events());
        awaitPosition(acme, 1);
        hour = lastHour();
    }

    @Test
    void given_syncs_seconds_apart_then_last_used_at_moves_only_once_a_minute_has_passed_and_never_back() {
        send(0, 0);
        awaitLastUsed(minutesAfter(hour, 0));

        send(0, 20);
        send(0, 50);
        send(0, 59);
        awaitSyncReports(4);
        assertThat(lastUsed()).as("within a minute of the stored time: not rewritten").isEqualTo(minutesAfter(hour, 0));

        send(1, 5);
        awaitLastUsed(minutesAfter(hour, 1).plusSeconds(5));
        send(0, 30);
        awaitSyncReports(6);
        assertThat(lastUsed()).as("an older report arriving late").isEqualTo(minutesAfter(hour, 1).plusSeconds(5));
    }

    @Test
    void given_reports_without_a_key_hash_or_with_another_tenants_or_an_unknown_hash_then_no_usage_is_recorded() {
        TenantStory globex = newTenant("Globex");
        events.send(globex.events());
        awaitPosition(globex, 0);

        syncReports.send(syncOf(acme.tenantId, "old-bridge", minutesAfter(hour, 1)).build());
        syncReports.send(syncOf(globex.tenantId, "foreign", minutesAfter(hour, 2)).setKeyHash(TenantStory.keyHash(key)).build());
        syncReports.send(syncOf(acme.tenantId, "unknown", minutesAfter(hour, 3)).setKeyHash("ab".repeat(32)).build());
        awaitSyncReports(acme.tenantId, 2);
        awaitSyncReports(globex.tenantId, 1);

        assertThat(readModels.all("select * from api_key_usage where tenant_id in ('" + acme.tenantId + "', '"
                + globex.tenantId + "')")).isEmpty();
    }

    private void send(long minutes, long seconds) {
        syncReports.send(syncOf(acme.tenantId, "agent-a", minutesAfter(hour, minutes).plusSeconds(seconds))
                .setKeyHash(TenantStory.keyHash(key)).build());
    }

    private Instant lastUsed() {
        return (Instant) readModels.row("select last_used_at from api_key_usage where tenant_id = ?", acme.tenantId)
                .get("last_used_at");
    }

    private void awaitLastUsed(Instant expected) {
        await().atMost(PROJECTION_TIMEOUT).until(() -> !readModels.rows(
                "select 1 from api_key_usage where tenant_id = ?", acme.tenantId).isEmpty() && expected.equals(lastUsed()));
    }

    private void awaitSyncReports(long count) {
        awaitSyncReports(acme.tenantId, count);
    }

    private void awaitSyncReports(String tenantId, long count) {
        await().atMost(PROJECTION_TIMEOUT).until(() -> readModels.rows(
                "select id from sync_reports where tenant_id = ?", tenantId).size() == count);
    }
}

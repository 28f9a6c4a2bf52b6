package io.flexboard.projector;

import static io.flexboard.projector.AgentSyncs.lastHour;
import static io.flexboard.projector.TenantStory.newTenant;

import java.time.Instant;

import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Sync reports on the real broker about one projected tenant, "Acme": the set-up the sync report read models'
 * tests share. Reports are timed within {@link #hour}, the current hour, as the hourly counts bucket them.
 */
@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
abstract class SyncReportsOfOneTenantTest extends ProjectorIntegrationTest {

    TenantStory tenant;
    Instant hour;

    @BeforeEach
    void projectedTenant() {
        tenant = newTenant("Acme");
        events.send(tenant.events());
        awaitPosition(tenant, 0);
        hour = lastHour();
    }
}

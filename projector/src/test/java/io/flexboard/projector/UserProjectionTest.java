package io.flexboard.projector;

import static io.flexboard.projector.ReadModels.columns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.event.UserChangedEvent;
import io.flexboard.schemas.event.UserCreatedEvent;
import io.flexboard.schemas.event.UserDisabledEvent;
import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** A user's events, through the real broker, into the users read model and the user's audit trail. */
@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class UserProjectionTest extends ProjectorIntegrationTest {

    private static final String USER = "select email, name, role, array_to_string(tenant_ids, ',') as tenants, is_active, "
            + "created_at, updated_at from users where id = ?";
    private static final Instant START = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void given_a_user_created_changed_and_disabled_when_projected_then_the_row_is_the_last_state_and_the_trail_names_each_step() {
        String userId = UUID.randomUUID().toString();
        String acme = UUID.randomUUID().toString();
        String globex = UUID.randomUUID().toString();

        events.send(List.of(
                event(userId, 0, new UserCreatedEvent(userId, "Ann@Example.com", "Ann", "viewer", List.of(acme), true)),
                event(userId, 1, new UserChangedEvent(userId, "Ann@Example.com", "Ann Smith", "tenant-admin",
                        List.of(acme, globex), false)),
                event(userId, 2, new UserDisabledEvent(userId))));
        awaitStream(userId, 2);

        assertThat(readModels.row(USER, userId)).isEqualTo(columns("email", "Ann@Example.com", "name", "Ann Smith",
                "role", "tenant-admin", "tenants", acme + "," + globex, "is_active", false,
                "created_at", START, "updated_at", START.plusSeconds(2)));
        assertThat(readModels.rows("select event_type from event_history where tenant_id = ? order by aggregate_sequence", userId))
                .extracting(row -> row.get("event_type")).containsExactly("user_created", "user_changed", "user_disabled");
    }

    @Test
    void given_a_change_in_a_later_batch_when_projected_then_it_keeps_the_creation_time() {
        String userId = UUID.randomUUID().toString();
        String acme = UUID.randomUUID().toString();
        events.send(List.of(event(userId, 0, new UserCreatedEvent(userId, "bob@example.com", "Bob", "viewer", List.of(acme), false))));
        awaitStream(userId, 0);

        events.send(List.of(event(userId, 1, new UserChangedEvent(userId, "robert@example.com", "Bob", "super-admin", List.of(), true))));
        awaitStream(userId, 1);

        assertThat(readModels.row(USER, userId)).isEqualTo(columns("email", "robert@example.com", "name", "Bob",
                "role", "super-admin", "tenants", "", "is_active", true,
                "created_at", START, "updated_at", START.plusSeconds(1)));
    }

    private void awaitStream(String userId, long sequence) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readModels.position(userId)).isEqualTo(sequence));
    }

    private static EventEnvelope event(String userId, long sequence, Object payload) {
        return EventEnvelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTenantId(userId)
                .setAggregateSequence(sequence)
                .setOccurredAt(START.plusSeconds(sequence))
                .setActor("admin")
                .setCorrelationId("c-" + sequence)
                .setPayload(payload)
                .build();
    }
}

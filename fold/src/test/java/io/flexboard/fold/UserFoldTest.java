package io.flexboard.fold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.event.UserChangedEvent;
import io.flexboard.schemas.event.UserCreatedEvent;
import io.flexboard.schemas.event.UserDisabledEvent;
import org.junit.jupiter.api.Test;

/** A user's events fold into the users read model and the audit trail of the user's own stream. */
class UserFoldTest {

    private static final UUID ANN = UUID.fromString("5d2b1c1e-0000-4000-8000-000000000001");
    private static final UUID ACME = UUID.fromString("6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f001");
    private static final Instant START = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void given_a_user_created_changed_and_disabled_when_folded_then_the_row_keeps_its_creation_and_ends_inactive() {
        InMemoryReadModel model = new InMemoryReadModel();
        model.apply(event(0, new UserCreatedEvent(ANN.toString(), "ann@example.com", "Ann", "viewer", List.of(ACME.toString()), true)));
        model.apply(event(1, new UserChangedEvent(ANN.toString(), "ann@example.com", "Ann Smith", "tenant-admin",
                List.of(ACME.toString()), false)));
        model.apply(event(2, new UserDisabledEvent(ANN.toString())));

        assertThat(model.users()).containsExactly(new UserRow(ANN, "ann@example.com", "Ann Smith", "tenant-admin", List.of(ACME),
                false, START, START.plusSeconds(2)));
        assertThat(model.history(ANN)).extracting(HistoryEntryRow::eventType, HistoryEntryRow::summary).containsExactly(
                org.assertj.core.groups.Tuple.tuple("user_created", "admin created user ann@example.com (viewer)"),
                org.assertj.core.groups.Tuple.tuple("user_changed", "admin changed user ann@example.com (tenant-admin)"),
                org.assertj.core.groups.Tuple.tuple("user_disabled", "admin disabled the user"));
    }

    @Test
    void given_one_batch_creating_changing_and_disabling_a_user_when_reduced_then_one_insert_of_the_last_state() {
        BatchChanges batch = new BatchChanges();
        ReadModelFold.fold(event(0, new UserCreatedEvent(ANN.toString(), "ann@example.com", "Ann", "viewer",
                List.of(ACME.toString()), false)), batch.over(new InMemoryReadModel())).forEach(batch::add);
        ReadModelFold.fold(event(1, new UserChangedEvent(ANN.toString(), "ann@example.com", "Ann", "super-admin", List.of(), false)),
                batch.over(new InMemoryReadModel())).forEach(batch::add);
        ReadModelFold.fold(event(2, new UserDisabledEvent(ANN.toString())), batch.over(new InMemoryReadModel())).forEach(batch::add);

        assertThat(batch.usersInserted()).containsExactly(new UserRow(ANN, "ann@example.com", "Ann", "super-admin", List.of(),
                false, START, START.plusSeconds(2)));
        assertThat(batch.usersChanged()).isEmpty();
        assertThat(batch.usersDisabled()).isEmpty();
    }

    private static EventEnvelope event(long sequence, Object payload) {
        return EventEnvelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTenantId(ANN.toString())
                .setAggregateSequence(sequence)
                .setOccurredAt(START.plusSeconds(sequence))
                .setActor("admin")
                .setCorrelationId("c-" + sequence)
                .setPayload(payload)
                .build();
    }
}

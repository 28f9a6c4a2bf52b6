package io.flexboard.queryapi.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.fold.InMemoryReadModel;
import io.flexboard.queryapi.config.QueryApiSettings;
import io.flexboard.queryapi.history.FoldCheckpoints.Checkpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FoldCheckpointsTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private final UUID acme = UUID.randomUUID();

    @Test
    void given_checkpoints_when_a_moment_is_asked_then_the_latest_whose_prefix_happened_by_then_serves_it() {
        FoldCheckpoints checkpoints = checkpoints(8, 10);
        checkpoints.offer(acme, checkpoint(9, START.plusSeconds(9)));
        checkpoints.offer(acme, checkpoint(19, START.plusSeconds(25)));
        checkpoints.offer(acme, checkpoint(29, START.plusSeconds(29)));

        assertThat(checkpoints.before(acme, START.plusSeconds(24))).map(Checkpoint::sequence).contains(9L);
        assertThat(checkpoints.before(acme, START.plusSeconds(25))).map(Checkpoint::sequence).contains(19L);
        assertThat(checkpoints.before(acme, null)).map(Checkpoint::sequence).contains(29L);
        assertThat(checkpoints.before(acme, START)).isEmpty();
        assertThat(checkpoints.before(UUID.randomUUID(), null)).isEmpty();
    }

    @Test
    void given_more_tenants_than_kept_when_another_is_folded_then_the_least_recently_read_one_is_dropped() {
        FoldCheckpoints checkpoints = checkpoints(2, 10);
        UUID globex = UUID.randomUUID();
        UUID initech = UUID.randomUUID();
        checkpoints.offer(acme, checkpoint(9, START));
        checkpoints.offer(globex, checkpoint(9, START));
        checkpoints.before(acme, null);

        checkpoints.offer(initech, checkpoint(9, START));

        assertThat(checkpoints.before(acme, null)).isPresent();
        assertThat(checkpoints.before(globex, null)).isEmpty();
        assertThat(checkpoints.before(initech, null)).isPresent();
    }

    @Test
    void given_a_tenant_with_a_full_set_of_checkpoints_when_one_more_is_left_then_every_other_goes_but_the_first_and_latest_stay() {
        FoldCheckpoints checkpoints = checkpoints(8, 10);
        for (int i = 0; i <= FoldCheckpoints.PER_TENANT; i++) {
            checkpoints.offer(acme, checkpoint(i * 10L + 9, START.plusSeconds(i)));
        }

        assertThat(checkpoints.before(acme, START)).map(Checkpoint::sequence).contains(9L);
        assertThat(checkpoints.before(acme, null)).map(Checkpoint::sequence).contains(FoldCheckpoints.PER_TENANT * 10L + 9);
        assertThat(checkpoints.before(acme, START.plusSeconds(1))).as("its neighbour went").map(Checkpoint::sequence)
                .contains(9L);
    }

    @Test
    void given_folds_ending_between_periodic_checkpoints_when_they_offer_their_ends_then_only_the_furthest_end_is_kept() {
        FoldCheckpoints checkpoints = checkpoints(8, 10);
        checkpoints.offer(acme, checkpoint(9, START.plusSeconds(9)));
        checkpoints.offer(acme, checkpoint(14, START.plusSeconds(14)));

        checkpoints.offer(acme, checkpoint(12, START.plusSeconds(12)));
        assertThat(checkpoints.before(acme, START.plusSeconds(13))).as("behind the furthest end: not kept")
                .map(Checkpoint::sequence).contains(9L);

        checkpoints.offer(acme, checkpoint(17, START.plusSeconds(17)));
        assertThat(checkpoints.before(acme, START.plusSeconds(16))).as("the older end went").map(Checkpoint::sequence)
                .contains(9L);
        assertThat(checkpoints.before(acme, null)).map(Checkpoint::sequence).contains(17L);
    }

    @Test
    void given_a_checkpoint_kept_when_another_fold_offers_one_at_the_same_sequence_then_the_first_stays() {
        FoldCheckpoints checkpoints = checkpoints(8, 10);
        Checkpoint first = checkpoint(9, START);
        checkpoints.offer(acme, first);

        checkpoints.offer(acme, checkpoint(9, START));

        assertThat(checkpoints.before(acme, null)).containsSame(first);
    }

    @Test
    void given_no_tenants_to_keep_when_folds_offer_checkpoints_then_none_is_due_or_kept() {
        FoldCheckpoints checkpoints = checkpoints(0, 10);

        checkpoints.offer(acme, checkpoint(9, START));

        assertThat(checkpoints.due(9)).isFalse();
        assertThat(checkpoints.before(acme, null)).isEmpty();
    }

    @Test
    void given_checkpoints_every_ten_events_when_events_are_applied_then_one_is_due_after_every_tenth() {
        FoldCheckpoints checkpoints = checkpoints(8, 10);

        assertThat(checkpoints.due(8)).isFalse();
        assertThat(checkpoints.due(9)).isTrue();
        assertThat(checkpoints.due(19)).isTrue();
    }

    private static Checkpoint checkpoint(long sequence, Instant latest) {
        return new Checkpoint(sequence, latest, InMemoryReadModel.withoutEventHistory());
    }

    private static FoldCheckpoints checkpoints(int tenants, int every) {
        return new FoldCheckpoints(new QueryApiSettings(
                new QueryApiSettings.SyncStatusSettings(Duration.ofMinutes(10)),
                new QueryApiSettings.History(4, new QueryApiSettings.Checkpoints(tenants, every))));
    }
}

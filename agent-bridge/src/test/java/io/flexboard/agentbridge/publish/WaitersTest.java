package io.flexboard.agentbridge.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.problem.ProblemType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The parked syncs' answers as their owners see them: one answer, or a refusal, never an empty completion. */
class WaitersTest {

    private static final Executor AT_ONCE = Runnable::run;
    private static final Duration NOTHING_MORE = Duration.ofMillis(100);

    private final Waiters waiters = new Waiters(new SimpleMeterRegistry());
    private final UUID tenant = UUID.randomUUID();

    @Test
    void given_an_agent_parked_on_version_2_when_version_3_is_published_then_its_answer_is_the_update() {
        Waiters.Waiter waiter = waiters.register(tenant, 2, "key-a", AT_ONCE);
        PublishedAnswer version3 = publishedVersion(3);

        StepVerifier.create(waiter.answer())
                .then(() -> assertThat(waiters.wake(version3)).isEqualTo(1))
                .expectNext(version3)
                .verifyComplete();
        assertThat(waiters.count()).isZero();
        assertThat(waiters.hasWaiters(tenant)).isFalse();
    }

    @Test
    void given_an_agent_parked_on_the_published_version_when_it_is_published_again_then_it_stays_parked() {
        Waiters.Waiter waiter = waiters.register(tenant, 3, "key-a", AT_ONCE);

        StepVerifier.create(waiter.answer())
                .then(() -> assertThat(waiters.wake(publishedVersion(3))).isZero())
                .expectNoEvent(NOTHING_MORE)
                .thenCancel()
                .verify();
        assertThat(waiters.count()).isEqualTo(1);
    }

    @Test
    void given_agents_parked_with_two_keys_when_one_key_is_revoked_then_only_its_syncs_fail_401() {
        Waiters.Waiter revoked = waiters.register(tenant, 2, "key-a", AT_ONCE);
        Waiters.Waiter kept = waiters.register(tenant, 2, "key-b", AT_ONCE);

        StepVerifier.create(revoked.answer())
                .then(() -> assertThat(waiters.refuse(tenant, "key-a")).isEqualTo(1))
                .expectErrorSatisfies(failure -> assertThat(failure).isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.type()).isEqualTo(ProblemType.UNAUTHORIZED)))
                .verify();
        StepVerifier.create(kept.answer())
                .expectSubscription()
                .expectNoEvent(NOTHING_MORE)
                .thenCancel()
                .verify();
        assertThat(waiters.parkedKeys()).containsOnlyKeys("key-b");
    }

    @Test
    void given_agents_parked_on_any_version_when_the_replica_releases_them_then_each_gets_the_tenants_answer() {
        Waiters.Waiter behind = waiters.register(tenant, 2, "key-a", AT_ONCE);
        Waiters.Waiter upToDate = waiters.register(tenant, 3, "key-a", AT_ONCE);
        PublishedAnswer version3 = publishedVersion(3);

        assertThat(waiters.release(version3)).isEqualTo(2);

        StepVerifier.create(behind.answer()).expectNext(version3).verifyComplete();
        StepVerifier.create(upToDate.answer()).expectNext(version3).verifyComplete();
        assertThat(waiters.count()).isZero();
    }

    @Test
    void given_an_agent_that_hung_up_when_the_tenant_publishes_then_nobody_is_answered() {
        Waiters.Waiter gone = waiters.register(tenant, 2, "key-a", AT_ONCE);
        assertThat(waiters.deregister(gone)).isTrue();

        assertThat(waiters.wake(publishedVersion(3))).isZero();

        StepVerifier.create(gone.answer())
                .expectSubscription()
                .expectNoEvent(NOTHING_MORE)
                .thenCancel()
                .verify();
        assertThat(waiters.deregister(gone)).isFalse();
    }

    private PublishedAnswer publishedVersion(int version) {
        return PublishedAnswer.of(new PublishedVersions.PublishedVersion(tenant, version, "{\"dashboards\":[]}", false));
    }
}

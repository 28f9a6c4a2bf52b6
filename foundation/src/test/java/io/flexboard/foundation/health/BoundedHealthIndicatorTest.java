package io.flexboard.foundation.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class BoundedHealthIndicatorTest {

    @Test
    void given_a_check_that_answers_when_probed_then_its_health_is_answered_as_it_is() {
        Health up = Health.up().withDetail("database", "flexboard").build();

        StepVerifier.create(indicator(Duration.ofSeconds(1), () -> Mono.just(up)).health())
                .expectNext(up)
                .verifyComplete();
    }

    @Test
    void given_a_check_that_fails_when_probed_then_down_naming_the_failure() {
        StepVerifier.create(indicator(Duration.ofSeconds(1), () -> Mono.error(new IllegalStateException("refused"))).health())
                .assertNext(health -> {
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("error", "IllegalStateException: refused");
                })
                .verifyComplete();
    }

    @Test
    void given_a_check_that_throws_before_answering_when_probed_then_down_naming_the_failure() {
        StepVerifier.create(indicator(Duration.ofSeconds(1), () -> { throw new IllegalStateException("no pool"); }).health())
                .assertNext(health -> assertThat(health.getDetails()).containsEntry("error", "IllegalStateException: no pool"))
                .verifyComplete();
    }

    @Test
    void given_a_check_that_never_answers_when_probed_then_down_after_the_timeout_naming_it() {
        StepVerifier.withVirtualTime(() -> indicator(Duration.ofMillis(500), Mono::never).health())
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(499))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(health -> {
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("error", "no answer within 500 ms");
                })
                .verifyComplete();
    }

    private static BoundedHealthIndicator indicator(Duration timeout, Supplier<Mono<Health>> check) {
        return new BoundedHealthIndicator(timeout) {
            @Override
            protected Mono<Health> check() {
                return check.get();
            }
        };
    }
}

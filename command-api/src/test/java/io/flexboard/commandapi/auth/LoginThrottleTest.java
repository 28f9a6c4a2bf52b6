package io.flexboard.commandapi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(2, 4, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    });

    @Test
    void an_emails_free_failures_cost_nothing_and_each_further_one_doubles_the_wait() {
        String ann = LoginThrottle.emailKey(" Ann@Example.com");
        throttle.failed(ann);
        throttle.failed(ann);
        assertThat(throttle.waitFor(ann)).isEmpty();

        throttle.failed(ann);
        assertThat(throttle.waitFor(LoginThrottle.emailKey("ann@example.com"))).contains(Duration.ofSeconds(1));
        throttle.failed(ann);
        assertThat(throttle.waitFor(ann)).contains(Duration.ofSeconds(2));
    }

    @Test
    void a_client_guessing_many_emails_is_slowed_down_too() {
        String client = LoginThrottle.clientKey("203.0.113.9");
        for (int i = 0; i < 5; i++) {
            throttle.failed(LoginThrottle.emailKey("user" + i + "@example.com"), client);
        }

        assertThat(throttle.waitFor(LoginThrottle.emailKey("someone.new@example.com"), client)).isPresent();
        assertThat(throttle.waitFor(LoginThrottle.clientKey("198.51.100.1"))).isEmpty();
    }

    @Test
    void a_success_or_fifteen_quiet_minutes_forget_an_email() {
        String ann = LoginThrottle.emailKey("ann@example.com");
        for (int i = 0; i < 3; i++) {
            throttle.failed(ann);
        }
        throttle.succeeded(ann);
        assertThat(throttle.waitFor(ann)).isEmpty();

        for (int i = 0; i < 3; i++) {
            throttle.failed(ann);
        }
        now.set(now.get().plus(Duration.ofMinutes(16)));
        throttle.failed(ann);
        assertThat(throttle.waitFor(ann)).isEmpty();
    }
}

package io.flexboard.commandapi.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows repeated failed sign-ins down, per email and per client address: the first
 * {@code flexboard.auth.free-failures-per-email} failures of an email (more for a client,
 * {@code …-per-client}: many people may sign in from behind one gateway address) cost nothing, each further
 * one doubles a wait (1 s, 2 s, 4 s … at most 15 minutes) during which that email or client is answered 429
 * before any password is checked.
 * Fifteen quiet minutes forget a key. Kept in memory per replica (docs/SECURITY.md): a guesser spread over
 * three replicas gets three times the tries, still a few per quarter hour.
 */
@Component
class LoginThrottle {

    private static final Duration MAX_WAIT = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    /** Beyond this many tracked keys, forgotten ones are swept first: a flood of addresses cannot fill memory. */
    private static final int SWEEP_ABOVE = 100_000;

    private record Failures(int count, Instant last, Instant waitUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int freePerEmail;
    private final int freePerClient;
    private final Clock clock;

    @Autowired
    LoginThrottle(@Value("${flexboard.auth.free-failures-per-email:5}") int freePerEmail,
                  @Value("${flexboard.auth.free-failures-per-client:30}") int freePerClient) {
        this(freePerEmail, freePerClient, Clock.systemUTC());
    }

    LoginThrottle(int freePerEmail, int freePerClient, Clock clock) {
        this.freePerEmail = freePerEmail;
        this.freePerClient = freePerClient;
        this.clock = clock;
    }

    /** The throttling key of an email, any case. */
    static String emailKey(String email) {
        return "email:" + email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The throttling key of a client address. */
    static String clientKey(String client) {
        return "client:" + client;
    }

    /** How long the caller must still wait, if any of its keys is being slowed down. */
    Optional<Duration> waitFor(String... keys) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys) {
            Failures known = failures.get(key);
            if (known != null && known.waitUntil().isAfter(now)) {
                Duration wait = Duration.between(now, known.waitUntil());
                longest = wait.compareTo(longest) > 0 ? wait : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    void failed(String... keys) {
        Instant now = clock.instant();
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(known -> known.last().plus(FORGET_AFTER).isBefore(now));
        }
        for (String key : keys) {
            int freeFailures = key.startsWith("client:") ? freePerClient : freePerEmail;
            failures.compute(key, (k, known) -> {
                int count = known == null || known.last().plus(FORGET_AFTER).isBefore(now) ? 1 : known.count() + 1;
                Instant waitUntil = count <= freeFailures ? now : now.plus(backoff(count - freeFailures));
                return new Failures(count, now, waitUntil);
            });
        }
    }

    void succeeded(String key) {
        failures.remove(key);
    }

    private static Duration backoff(int over) {
        return over >= 10 ? MAX_WAIT : Duration.ofSeconds(1L << (over - 1)).compareTo(MAX_WAIT) > 0
                ? MAX_WAIT : Duration.ofSeconds(1L << (over - 1));
    }
}

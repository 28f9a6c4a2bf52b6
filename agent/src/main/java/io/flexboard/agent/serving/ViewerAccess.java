package io.flexboard.agent.serving;

import io.flexboard.agent.access.PasswordHash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.sun.net.httpserver.HttpExchange;

/**
 * The viewer credential, required for every path but {@code /status} when one is configured: HTTP Basic,
 * user {@code viewer}, the password checked against its PBKDF2 hash. TLS is the reverse proxy's job (docs/agent.md).
 */
final class ViewerAccess implements AutoCloseable {

    static final String USER = "viewer";
    /** Each failure from one client doubles its wait before the 401, from this up to {@link #MAX_DELAY}. */
    private static final Duration FIRST_DELAY = Duration.ofMillis(250);
    private static final Duration MAX_DELAY = Duration.ofSeconds(4);
    private static final int MAX_HEADER_LENGTH = 4096;

    private final PasswordHash password;
    /**
     * Authorization headers already checked, by their SHA-256: a PBKDF2 check costs a few hundred ms and a
     * dashboard makes a dozen requests at once. The password itself is never kept.
     */
    private final Cache<String, Boolean> admitted = Caffeine.newBuilder()
            .maximumSize(256).expireAfterWrite(Duration.ofMinutes(10)).build();
    /** Recent failures by client address; forgotten after a quiet quarter hour. */
    private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(15)).build();
    /** Delayed refusals are written from here, so a guessing client holds none of the server's threads. */
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "flexboard-agent-viewer-access");
        thread.setDaemon(true);
        return thread;
    });

    ViewerAccess(PasswordHash password) {
        this.password = password;
    }

    /**
     * Whether the request carries the viewer credential. When not, {@code refuse} is called with the
     * exchange, after a delay that grows with the client's recent failures (none when no credential was sent).
     */
    boolean admits(HttpExchange exchange, Consumer<HttpExchange> refuse) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String client = exchange.getRemoteAddress().getAddress().getHostAddress();
        if (header == null) {
            // A browser's first request never carries it: answer at once so the sign-in prompt shows.
            refuse.accept(exchange);
            return false;
        }
        String key = sha256(header);
        if (admitted.getIfPresent(key) != null) {
            return true;
        }
        if (header.length() <= MAX_HEADER_LENGTH && checks(header)) {
            admitted.put(key, Boolean.TRUE);
            failures.invalidate(client);
            return true;
        }
        int failed = failures.get(client, ignored -> new AtomicInteger()).incrementAndGet();
        long delay = Math.min(MAX_DELAY.toMillis(), FIRST_DELAY.toMillis() << Math.min(failed - 1, 10));
        delays.schedule(() -> refuse.accept(exchange), delay, TimeUnit.MILLISECONDS);
        return false;
    }

    private boolean checks(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        // Both parts are checked whatever the user name, so a wrong name costs as long as a wrong password.
        boolean user = MessageDigest.isEqual(decoded.substring(0, colon).getBytes(StandardCharsets.UTF_8),
                USER.getBytes(StandardCharsets.UTF_8));
        boolean secret = password.matches(decoded.substring(colon + 1));
        return user & secret;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public void close() {
        delays.shutdownNow();
    }
}

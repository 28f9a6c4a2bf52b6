package io.flexboard.agent.serving;

import static io.flexboard.agent.support.PublishedConfigurations.publishedVersion;
import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agent.access.PasswordHash;
import io.flexboard.agent.store.AppliedConfiguration;
import io.flexboard.agent.support.NoDataSources;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With a viewer credential configured, every path but /status needs HTTP Basic as user {@code viewer}. */
class ViewerAccessTest {

    private static final String PASSWORD = "correct horse battery staple ✓";
    /** Hashed once for the class: a hash costs a few hundred ms by design. */
    private static PasswordHash hash;

    private final ServedState served = new ServedState();
    private LocalConfigServer server;

    @BeforeAll
    static void hashThePassword() {
        hash = PasswordHash.of(PASSWORD);
    }

    @BeforeEach
    void start() throws IOException {
        served.replace(AppliedConfiguration.of(3, publishedVersion(3), Instant.parse("2026-03-01T10:00:00Z")));
        server = LocalConfigServer.start(InetAddress.getLoopbackAddress(), 0, Set.of(), Optional.of(hash), served,
                NoDataSources.widgetData());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @AfterAll
    static void forget() {
        hash = null;
    }

    @Test
    void a_request_without_the_credential_is_refused_at_once_with_a_basic_challenge_and_nothing_of_the_config() throws IOException {
        for (String path : new String[] {"/", "/config", "/api/data/sales", "/api/data-sources", "/assets/x.js", "/d/sales"}) {
            long started = System.nanoTime();
            String answer = RawRequest.get(path).header("Accept", "text/html").sendTo(server.port());

            assertThat(answer).as(path).startsWith("HTTP/1.1 401")
                    .contains("Www-authenticate: Basic realm=\"Flexboard viewer\", charset=\"UTF-8\"",
                            "\"type\":\"https://flexboard.io/problems/unauthorized\"", "Content-security-policy:")
                    .doesNotContain("SELECT", "X-config-version", "<div id=\"app\">");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(path).isLessThan(Duration.ofMillis(250));
        }
    }

    @Test
    void the_status_stays_open_for_health_checks() throws IOException {
        assertThat(RawRequest.get("/status").sendTo(server.port())).startsWith("HTTP/1.1 200");
    }

    @Test
    void the_viewer_user_with_the_password_gets_the_viewer_and_the_config() throws IOException {
        String config = RawRequest.get("/config").header("Authorization", basic("viewer", PASSWORD)).sendTo(server.port());
        String index = RawRequest.get("/").header("Authorization", basic("viewer", PASSWORD)).sendTo(server.port());

        assertThat(config).startsWith("HTTP/1.1 200").contains("X-config-version: 3");
        assertThat(index).startsWith("HTTP/1.1 200").contains("<div id=\"app\"></div>");
    }

    @Test
    void a_wrong_password_or_user_is_refused_after_a_delay_that_grows_per_client_and_the_answer_holds_no_secret() throws IOException {
        long first = timed(basic("viewer", "guess-1"));
        long second = timed(basic("viewer", "guess-2"));
        long wrongUser = timed(basic("admin", PASSWORD));

        assertThat(first).isGreaterThanOrEqualTo(250);
        assertThat(second).isGreaterThanOrEqualTo(500);
        assertThat(wrongUser).isGreaterThanOrEqualTo(1000);
        String answer = RawRequest.get("/config").header("Authorization", basic("viewer", "guess-3")).sendTo(server.port());
        assertThat(answer).startsWith("HTTP/1.1 401").doesNotContain("guess-3", hash.toString(), "pbkdf2");
    }

    @Test
    void malformed_foreign_and_huge_authorization_headers_are_refused_without_failing_the_server() throws IOException {
        String huge = "Basic " + Base64.getEncoder().encodeToString(("viewer:" + "x".repeat(60_000)).getBytes(StandardCharsets.UTF_8));
        for (String header : new String[] {"Basic", "Basic !!!not-base64!!!", "Basic " + b64("no-colon"), "Bearer " + PASSWORD,
                "basic " + b64("viewer:"), "Digest username=\"viewer\"", huge.substring(0, 7000),
                "Basic " + b64("viewer:" + PASSWORD.toUpperCase(java.util.Locale.ROOT)), "Basic " + b64("viewer:" + PASSWORD + ":")}) {
            String answer = RawRequest.get("/config").header("Authorization", header).sendTo(server.port());

            assertThat(answer).as(header.length() > 40 ? header.substring(0, 40) : header).startsWith("HTTP/1.1 401");
        }
        assertThat(RawRequest.get("/config").header("Authorization", basic("viewer", PASSWORD)).sendTo(server.port()))
                .startsWith("HTTP/1.1 200");
    }

    @Test
    void clients_guessing_in_parallel_hold_no_thread_the_viewer_needs() throws Exception {
        ExecutorService guessers = Executors.newFixedThreadPool(12);
        try {
            List<Future<String>> guesses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String guess = "guess-" + i;
                guesses.add(guessers.submit(() -> RawRequest.get("/config").header("Authorization", basic("viewer", guess)).sendTo(server.port())));
            }
            Thread.sleep(200);
            long started = System.nanoTime();
            String answer = RawRequest.get("/config").header("Authorization", basic("viewer", PASSWORD)).sendTo(server.port());
            long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

            assertThat(answer).startsWith("HTTP/1.1 200");
            // 12 refusals waiting up to 4 s each would hold the 4 server threads for 12 s if they slept on them.
            assertThat(tookMs).isLessThan(4000);
            for (Future<String> guess : guesses) {
                assertThat(guess.get()).startsWith("HTTP/1.1 401");
            }
        } finally {
            guessers.shutdownNow();
        }
    }

    private long timed(String authorization) throws IOException {
        long started = System.nanoTime();
        String answer = RawRequest.get("/config").header("Authorization", authorization).sendTo(server.port());
        assertThat(answer).startsWith("HTTP/1.1 401");
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private static String basic(String user, String password) {
        return "Basic " + b64(user + ":" + password);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

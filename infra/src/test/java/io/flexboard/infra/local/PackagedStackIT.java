package io.flexboard.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's start command, for real: {@code java -jar infra/target/flexboard-local.jar} as its own
 * process comes up healthy and serves the API. The other tests run the stack from the test classpath,
 * which cannot see what the repackaged jar lacks (a dependency dropped by a scope, a missing resource).
 */
class PackagedStackIT {

    private static final Path JAR = Path.of("target", "flexboard-local.jar");

    @TempDir
    Path dataDir;

    @Test
    void the_packaged_local_stack_starts_healthy_and_answers_the_api() throws Exception {
        assertThat(JAR).as("built by the package phase").isRegularFile();
        int port = freePort();
        Path log = dataDir.resolve("stack.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("FLEXBOARD_PORT", String.valueOf(port));
        builder.environment().put("FLEXBOARD_DATA_DIR", dataDir.resolve("data").toString());
        builder.environment().put("FLEXBOARD_ADMIN_TOKEN", "packaged-jar-token");
        Process stack = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(stack.isAlive()).as("the stack exited; its log:%n%s", Files.readString(log)).isTrue();
                return status(http, port, "/health", null) == 200;
            });

            assertThat(status(http, port, "/api/tenants", "packaged-jar-token")).isEqualTo(200);
            assertThat(status(http, port, "/api/tenants", null)).isEqualTo(401);
            assertThat(status(http, port, "/ops/lag.html", null)).isEqualTo(200);
            // The jar carries the builder UI: its page at / and at a client-side route.
            assertThat(status(http, port, "/", null)).isEqualTo(200);
            assertThat(status(http, port, "/tenants", null)).isEqualTo(200);
        } finally {
            stack.destroy();
            if (!stack.waitFor(60, TimeUnit.SECONDS)) {
                stack.destroyForcibly();
            }
        }
    }

    private static int status(HttpClient http, int port, String path, String token) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListeningYet) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

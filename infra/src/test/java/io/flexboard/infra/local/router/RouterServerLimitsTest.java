package io.flexboard.infra.local.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.infra.local.config.RouterLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import reactor.core.publisher.Mono;

/**
 * The router's limits against raw sockets: slow or stalled clients are cut off, oversized heads refused,
 * and a request parked longer than every timeout (a long-poll) is still answered. The timeouts here are
 * short; each socket read gives up after 15 s, so a missing limit fails the test instead of hanging it.
 */
class RouterServerLimitsTest {

    private static final Duration SHORT = Duration.ofMillis(400);
    private static final Duration LONG = Duration.ofSeconds(30);
    /** Longer than every short timeout: what a parked sync does. */
    private static final Duration PARKED = Duration.ofMillis(1500);

    /** GET /parked answers after {@link #PARKED}; POST reads the whole body first; anything else answers at once. */
    private static final HttpHandler HANDLER = (request, response) -> {
        if (request.getPath().value().equals("/parked")) {
            return Mono.delay(PARKED).then(answer(response, "parked"));
        }
        return DataBufferUtils.join(request.getBody()).map(body -> {
            int size = body.readableByteCount();
            DataBufferUtils.release(body);
            return size;
        }).defaultIfEmpty(0).flatMap(size -> answer(response, "read " + size));
    };

    private RouterServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_client_that_sends_half_a_request_line_and_stalls_is_answered_408_and_disconnected() throws IOException {
        start(new RouterLimits(LONG, SHORT, LONG, 16 * 1024, 8 * 1024));

        try (Socket socket = connect()) {
            send(socket, "GET /api/ten");

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 408 ").contains("application/problem+json", "request-timeout");
        }
    }

    @Test
    void a_client_trickling_its_headers_is_answered_408_at_the_head_timeout() throws Exception {
        start(new RouterLimits(LONG, SHORT, LONG, 16 * 1024, 8 * 1024));

        try (Socket socket = connect()) {
            Thread trickle = new Thread(() -> {
                try {
                    send(socket, "GET / HTTP/1.1\r\nHost: x\r\n");
                    for (int i = 0; i < 300; i++) { // one byte every 100 ms: 30 s of headers if nothing stops it
                        send(socket, "X");
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException closedByTheServer) {
                    // expected: the router closes the connection
                }
            });
            trickle.start();

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 408 ");
            trickle.interrupt();
        }
    }

    @Test
    void a_keep_alive_connection_with_nothing_to_send_is_closed_after_the_idle_timeout() throws IOException {
        start(new RouterLimits(SHORT, LONG, LONG, 16 * 1024, 8 * 1024));

        try (Socket socket = connect()) {
            send(socket, "GET /one HTTP/1.1\r\nHost: x\r\n\r\n");

            String answers = readUntilClosed(socket);

            assertThat(answers).startsWith("HTTP/1.1 200 ").contains("read 0").doesNotContain("408");
        }
    }

    @Test
    void a_keep_alive_connection_waiting_past_the_head_timeout_stays_open_and_serves_its_next_request() throws Exception {
        start(new RouterLimits(LONG, SHORT, LONG, 16 * 1024, 8 * 1024));

        try (Socket socket = connect()) {
            send(socket, "GET /one HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200 ").endsWith("read 0");
            Thread.sleep(SHORT.multipliedBy(3).toMillis());

            // Closing here (or a 408) would race a client sending its next request at that moment: a POST lost.
            send(socket, "POST /two HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc");
            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 200 ").endsWith("read 3");
        }
    }

    @Test
    void a_kept_alive_connection_whose_next_head_stalls_is_answered_408_at_the_head_timeout() throws IOException {
        start(new RouterLimits(LONG, SHORT, LONG, 16 * 1024, 8 * 1024));

        try (Socket socket = connect()) {
            send(socket, "GET /one HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200 ").endsWith("read 0");

            send(socket, "GET /tw");

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 408 ");
        }
    }

    /**
     * The next request is sent 200 ms after the parked answer, not at once: Reactor Netty (1.3.6 and 1.3.9
     * alike, with or without the router's handlers) leaves a request unanswered when it arrives on the
     * kept-alive connection before the previous answer's operations have ended — 2 to 4 in 60 under load,
     * 0 in 60 with the pause (docs/PERFORMANCE.md, "A known hang in the HTTP layer").
     */
    @Test
    void a_request_parked_longer_than_every_timeout_is_answered_and_the_connection_serves_the_next_one() throws Exception {
        start(new RouterLimits(Duration.ofSeconds(1), SHORT, SHORT, 16 * 1024, 8 * 1024));

        try (Socket socket = connect()) {
            send(socket, "GET /parked HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200 ").endsWith("parked");
            Thread.sleep(200);

            send(socket, "GET /next HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 200 ").endsWith("read 0");
        }
    }

    @Test
    void two_pipelined_requests_each_parked_longer_than_every_timeout_are_both_answered() throws IOException {
        start(new RouterLimits(SHORT, SHORT, SHORT, 16 * 1024, 8 * 1024));

        try (Socket socket = connect()) {
            // (a pipelined "Connection: close" would make Reactor Netty close after the first answer)
            send(socket, "GET /parked HTTP/1.1\r\nHost: x\r\n\r\nGET /parked HTTP/1.1\r\nHost: x\r\n\r\n");

            assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200 ").endsWith("parked");
            assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200 ").endsWith("parked");
        }
    }

    @Test
    void headers_larger_than_the_limit_are_answered_431() throws IOException {
        start(new RouterLimits(LONG, LONG, LONG, 2048, 8 * 1024));

        try (Socket socket = connect()) {
            send(socket, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(4096) + "\r\n\r\n");

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 431 ");
        }
    }

    @Test
    void a_request_line_longer_than_the_limit_is_answered_414() throws IOException {
        start(new RouterLimits(LONG, LONG, LONG, 16 * 1024, 1024));

        try (Socket socket = connect()) {
            send(socket, "GET /" + "a".repeat(2048) + " HTTP/1.1\r\nHost: x\r\n\r\n");

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 414 ");
        }
    }

    @Test
    void a_body_that_stops_arriving_is_answered_408() throws IOException {
        start(new RouterLimits(LONG, LONG, SHORT, 16 * 1024, 8 * 1024));

        try (Socket socket = connect()) {
            send(socket, "POST /api/agent/sync HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"tenant");

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 408 ");
        }
    }

    @Test
    void a_whole_body_sent_in_time_is_read() throws IOException {
        start(new RouterLimits(LONG, LONG, SHORT, 16 * 1024, 8 * 1024));

        try (Socket socket = connect()) {
            send(socket, "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 200 ").endsWith("read 5");
        }
    }

    private void start(RouterLimits limits) {
        server = RouterServer.start("127.0.0.1", 0, limits, HANDLER);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(15_000);
        return socket;
    }

    private static Mono<Void> answer(org.springframework.http.server.reactive.ServerHttpResponse response, String text) {
        response.setStatusCode(HttpStatus.OK);
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Everything until the router closes the connection (a read timeout fails the test). A close with
     * bytes of ours still unread arrives as a reset after the answer: what came before it counts.
     */
    private static String readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = socket.getInputStream().read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            if (received.size() == 0) {
                throw reset;
            }
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    /** One answer with a Content-Length, leaving the connection open. */
    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of the head: " + head);
            }
            head.append((char) b);
        }
        int length = Integer.parseInt(head.toString().lines()
                .filter(line -> line.toLowerCase().startsWith("content-length:"))
                .findFirst().orElseThrow().substring("content-length:".length()).trim());
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}

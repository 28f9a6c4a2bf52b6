package io.flexboard.agent.serving;

import static io.flexboard.agent.support.PublishedConfigurations.publishedVersion;
import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agent.support.NoDataSources;
import io.flexboard.agent.store.AppliedConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local server answers only requests that name it in {@code Host} (DNS rebinding). Raw sockets: Java's
 * HTTP client will not send a chosen Host header, and a browser under attack sends exactly such requests.
 */
class LocalConfigServerTest {

    private final ServedState served = new ServedState();
    private LocalConfigServer server;

    @BeforeEach
    void start() throws IOException {
        served.replace(AppliedConfiguration.of(3, publishedVersion(3), Instant.parse("2026-03-01T10:00:00Z")));
        server = LocalConfigServer.start(0, Set.of("agent.plant-7.local"), served, NoDataSources.widgetData());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void given_a_loopback_name_with_the_agents_port_or_no_port_when_the_config_is_asked_then_it_is_served() throws IOException {
        int port = server.port();
        for (String host : new String[] {"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LocalHost:" + port,
                "127.0.0.1", "localhost"}) {
            assertThat(get("/config", host)).as(host).startsWith("HTTP/1.1 200").contains("X-config-version: 3");
        }
    }

    @Test
    void given_a_configured_name_when_the_config_is_asked_then_it_is_served() throws IOException {
        assertThat(get("/config", "agent.plant-7.local:" + server.port())).startsWith("HTTP/1.1 200");
    }

    @Test
    void given_a_foreign_name_as_a_rebinding_page_sends_it_when_the_config_is_asked_then_misdirected_421_problem_without_the_config() throws IOException {
        int port = server.port();
        for (String host : new String[] {"attacker.example:" + port, "localhost.attacker.example:" + port,
                "127.0.0.1.nip.io:" + port, "localhost:" + (port == 65535 ? 1 : port + 1), "127.0.0.1:", "[::1", ""}) {
            String answer = get("/config", host);

            assertThat(answer).as(host).startsWith("HTTP/1.1 421")
                    .contains("Content-type: application/problem+json")
                    .contains("\"type\":\"https://flexboard.io/problems/misdirected-request\"", "Host")
                    .doesNotContain("SELECT", "X-config-version");
        }
    }

    @Test
    void given_no_host_header_when_the_status_is_asked_then_misdirected_421() throws IOException {
        assertThat(get("/status", null)).startsWith("HTTP/1.1 421");
    }

    /** One HTTP/1.0 GET with the given Host header (none when null); the whole answer, headers included. */
    private String get(String path, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\n" + (host == null ? "" : "Host: " + host + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

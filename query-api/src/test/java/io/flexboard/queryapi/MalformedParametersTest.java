package io.flexboard.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * Every query-api endpoint × every kind of malformed parameter answers 400 problem+json naming the
 * parameter: out-of-range instants, NUL, non-UUID ids, bad limits, tampered or wrongly shaped cursors,
 * unknown enum values, repeated parameters. Before, several of them reached PostgreSQL and answered 500.
 */
class MalformedParametersTest extends QueryApiIntegrationTest {

    private static final String FAR_FUTURE = "%2B300000-01-01T00:00:00Z";
    private static final String FAR_FUTURE_DECODED = "+300000-01-01T00:00:00Z";
    private static final String SOME_ID = "6f1c2b7e-0d55-4a4e-9c55-2a0f6f0b7a11";

    @LocalServerPort
    int port;

    UUID tenant;

    /** A tenant with a dashboard and an agent, so every page reaches its database query. */
    @BeforeEach
    void acme() {
        tenant = given.tenant("acme");
        given.dashboard(tenant, "sales");
        given.agentSeen(tenant, "agent-1", 0, Duration.ofSeconds(5));
    }

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                // GET /api/tenants
                malformed("/api/tenants?q=%00", "q"),
                malformed("/api/tenants?q=%FF%FE", "query"), // not UTF-8: refused, not searched as U+FFFD
                malformed("/api/tenants?q=%ED%A0%80", "query"), // an encoded lone surrogate
                malformed("/api/tenants?q=a&q=b", "q"),
                malformed("/api/tenants?status=sleeping", "status"),
                malformed("/api/tenants?limit=-1", "limit"),
                malformed("/api/tenants?limit=99999999999", "limit"),
                malformed("/api/tenants?cursor=%21%21not-base64", "cursor"),
                malformed("/api/tenants?cursor=" + cursor(FAR_FUTURE_DECODED + "|" + SOME_ID), "cursor"),
                malformed("/api/tenants?cursor=" + cursor("2026-03-02T09:00:00Z"), "cursor"),
                malformed("/api/tenants?cursor=" + cursor("2026-03-02T09:00:00Z|not-a-uuid"), "cursor"),
                malformed("/api/tenants?%00=1", "url"), // the foundation's firewall refuses the name
                // GET /api/tenants/{tenantId}
                malformed("/api/tenants/not-a-uuid", "tenantId"),
                malformed("/api/tenants/%00", "url"), // the foundation's firewall refuses the path
                // GET /api/tenants/{tenantId}/history
                malformed("/api/tenants/{tenant}/history?from=" + FAR_FUTURE, "from"),
                malformed("/api/tenants/{tenant}/history?to=" + FAR_FUTURE, "to"),
                malformed("/api/tenants/{tenant}/history?from=-0001-01-01T00:00:00Z", "from"),
                malformed("/api/tenants/{tenant}/history?from=yesterday", "from"),
                malformed("/api/tenants/{tenant}/history?actor=%00", "actor"),
                malformed("/api/tenants/{tenant}/history?actor=alice&actor=bob", "actor"),
                malformed("/api/tenants/{tenant}/history?type=TenantExploded", "type"),
                malformed("/api/tenants/{tenant}/history?dashboard_id=12", "dashboard_id"),
                malformed("/api/tenants/{tenant}/history?dashboard_id=1-2-3-4-5", "dashboard_id"),
                malformed("/api/tenants/{tenant}/history?limit=0", "limit"),
                malformed("/api/tenants/{tenant}/history?cursor=" + cursor("twelve"), "cursor"),
                malformed("/api/tenants/not-a-uuid/history", "tenantId"),
                // GET /api/tenants/{tenantId}/state
                malformed("/api/tenants/{tenant}/state?at=" + FAR_FUTURE, "at"),
                malformed("/api/tenants/{tenant}/state?at=10000-01-01T00:00:00Z", "at"),
                malformed("/api/tenants/{tenant}/state?at=now", "at"),
                malformed("/api/tenants/{tenant}/state?at=2026-03-02T09:00:00Z&at=2026-03-03T09:00:00Z", "at"),
                // GET /api/tenants/{tenantId}/diff
                malformed("/api/tenants/{tenant}/diff?from=2026-03-02T09:00:00Z&to=" + FAR_FUTURE, "to"),
                malformed("/api/tenants/{tenant}/diff?from=" + FAR_FUTURE + "&to=2026-03-02T09:00:00Z", "from"),
                malformed("/api/tenants/{tenant}/diff?from_version=0&to_version=2", "from_version"),
                malformed("/api/tenants/{tenant}/diff?from_version=1&to_version=99999999999", "to_version"),
                malformed("/api/tenants/{tenant}/diff?from_version=1&from_version=2&to_version=3", "from_version"),
                // GET /api/tenants/{tenantId}/versions and /{versionId}
                malformed("/api/tenants/{tenant}/versions?limit=201", "limit"),
                malformed("/api/tenants/{tenant}/versions?cursor=" + cursor("seven"), "cursor"),
                malformed("/api/tenants/{tenant}/versions?limit=1&limit=2", "limit"),
                malformed("/api/tenants/{tenant}/versions/not-a-uuid", "versionId"),
                // GET /api/tenants/{tenantId}/dashboards and /api/dashboards/{dashboardId}
                malformed("/api/tenants/{tenant}/dashboards?cursor=" + cursor(FAR_FUTURE_DECODED + "|" + SOME_ID), "cursor"),
                malformed("/api/tenants/{tenant}/dashboards?cursor=" + cursor("|"), "cursor"),
                malformed("/api/tenants/{tenant}/dashboards?limit=abc", "limit"),
                malformed("/api/dashboards/not-a-uuid", "dashboardId"),
                // GET /api/tenants/{tenantId}/agents
                malformed("/api/tenants/{tenant}/agents?state=asleep", "state"),
                malformed("/api/tenants/{tenant}/agents?cursor=" + cursor("2026-03-02T09:00:00Z|agent\u0000one"), "cursor"),
                malformed("/api/tenants/{tenant}/agents?cursor=" + cursor(FAR_FUTURE_DECODED + "|agent-1"), "cursor"),
                malformed("/api/tenants/{tenant}/agents?cursor=" + cursor("2026-03-02T09:00:00Z|"), "cursor"),
                malformed("/api/tenants/{tenant}/agents?state=stale&state=error", "state"),
                // GET /api/sync-status
                malformed("/api/sync-status?status=green", "status"),
                malformed("/api/sync-status?cursor=" + cursor(FAR_FUTURE_DECODED + "|" + SOME_ID), "cursor"),
                malformed("/api/sync-status?limit=0", "limit"),
                // GET /api/overview and /api/ops/lag take no parameters: none is still never a 500
                malformed("/api/overview?x=1&x=2", "x"),
                malformed("/api/ops/lag?window=%00", "window"));
    }

    @ParameterizedTest(name = "{0} answers 400 naming {1}")
    @MethodSource("malformedRequests")
    void a_malformed_parameter_answers_400_problem_naming_it(String path, String parameter) {
        URI uri = URI.create("http://localhost:" + port + path.replace("{tenant}", tenant.toString()));

        String body = builder().get().uri(uri).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        // the detail names it ("Invalid value for 'from'", "cursor is not valid…"), or a field error does
        assertThat(body).containsPattern("(\"detail\":\"[^\"]*\\b" + Pattern.quote(parameter) + "\\b|\"field\":\""
                + Pattern.quote(parameter) + "\")");
    }

    /**
     * No client library sends a broken percent-escape, so a raw socket does. Spring's reactor-netty adapter
     * cannot build the request's URI and answers an empty 400 before any filter or handler: 4xx, not problem+json.
     */
    @Test
    void a_query_string_that_is_no_percent_encoding_answers_an_empty_400() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("GET /api/tenants?q=%ZZ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + ADMIN_TOKEN + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400 ");
        }
    }

    private static Arguments malformed(String path, String parameter) {
        return Arguments.of(path, parameter);
    }

    /** A cursor as the server would encode it, around a sort key the server never issued. */
    private static String cursor(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }
}

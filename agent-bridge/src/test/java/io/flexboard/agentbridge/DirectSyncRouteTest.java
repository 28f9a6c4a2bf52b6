package io.flexboard.agentbridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The direct sync route answers exactly as WebFlux's full path does. Each case is sent twice: to
 * {@code /api/agent/sync} (the direct route) and to {@code /api/agent/sync?full} (a query string sends it the
 * full path, to the same controller); status, headers and body must be the same, and only the first may be
 * counted as answered directly.
 */
class DirectSyncRouteTest extends AgentBridgeIntegrationTest {

    private static final String UNKNOWN_KEY = "fbk_nobody_0000000000000000";

    static Stream<Arguments> syncs() {
        return Stream.of(
                sent("an agent on the published version, answered at once", ACME_KEY, "{\"tenant_id\": \"{acme}\", \"current_version\": 2}"),
                sent("an agent behind, answered with the configuration", ACME_KEY,
                        "{\"tenant_id\": \"{acme}\", \"current_version\": 1, \"agent_id\": \"plant-7\", \"agent_version\": \"2.1.0\"}"),
                sent("an agent of a tenant without a publish", GLOBEX_KEY, "{\"tenant_id\": \"{globex}\"}"),
                sent("another tenant than the key's", ACME_KEY, "{\"tenant_id\": \"{globex}\"}"),
                sent("an unknown key", UNKNOWN_KEY, "{\"tenant_id\": \"{acme}\"}"),
                sent("an unknown key with a broken body", UNKNOWN_KEY, "{"),
                sent("broken JSON", ACME_KEY, "{\"tenant_id\": "),
                sent("trailing garbage", ACME_KEY, "{\"tenant_id\": \"{acme}\"} garbage"),
                sent("JSON null", ACME_KEY, "null"),
                sent("a JSON array", ACME_KEY, "[1, 2]"),
                sent("a JSON string", ACME_KEY, "\"sync\""),
                sent("a wrong JSON type", ACME_KEY, "{\"tenant_id\": \"{acme}\", \"current_version\": \"latest\"}"),
                sent("a number too large", ACME_KEY, "{\"tenant_id\": \"{acme}\", \"current_version\": 99999999999999999999}"),
                sent("invalid fields", ACME_KEY, "{\"tenant_id\": \"x\", \"current_version\": -1, \"last_status\": \"fine\"}"),
                sent("an unknown field", ACME_KEY, "{\"tenant_id\": \"{acme}\", \"current_version\": 2, \"colour\": \"red\"}"),
                sent("invalid UTF-8", ACME_KEY, "{\"tenant_id\": \"\u00ff\u00fe\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syncs")
    void answers_as_the_full_path_does(String label, String key, String body) {
        UUID acme = given.tenantWithPublishedVersion(2, ACME_KEY);
        UUID globex = given.tenantWithApiKey(GLOBEX_KEY);
        String sent = body.replace("{acme}", acme.toString()).replace("{globex}", globex.toString());

        double before = counted("flexboard.agentbridge.direct.syncs");
        EntityExchangeResult<byte[]> direct = post("/api/agent/sync", key, sent);
        double after = counted("flexboard.agentbridge.direct.syncs");
        EntityExchangeResult<byte[]> full = post("/api/agent/sync?full", key, sent);

        assertThat(after - before).as("answered by the direct route").isEqualTo(1);
        assertThat(counted("flexboard.agentbridge.direct.syncs")).as("the query string took the full path").isEqualTo(after);
        assertThat(direct.getStatus()).isEqualTo(full.getStatus());
        assertThat(headerNames(direct.getResponseHeaders())).isEqualTo(headerNames(full.getResponseHeaders()));
        assertThat(direct.getResponseHeaders().getContentType()).isEqualTo(full.getResponseHeaders().getContentType());
        assertThat(new String(direct.getResponseBodyContent())).isEqualTo(new String(full.getResponseBodyContent()));
    }

    @Test
    void echoes_a_plain_correlation_id_and_replaces_an_unsafe_one() {
        UUID acme = given.tenantWithPublishedVersion(1, ACME_KEY);
        String body = "{\"tenant_id\": \"" + acme + "\", \"current_version\": 1}";

        assertThat(postWith("plant-7.sync:42", body).getResponseHeaders().getFirst("X-Correlation-Id")).isEqualTo("plant-7.sync:42");
        assertThat(postWith("evil id;drop", body).getResponseHeaders().getFirst("X-Correlation-Id"))
                .isNotEqualTo("evil id;drop").matches("[0-9a-f-]{36}");
    }

    @Test
    void counts_its_answers_under_the_meters_every_other_route_has() {
        UUID acme = given.tenantWithPublishedVersion(1, ACME_KEY);

        post("/api/agent/sync", ACME_KEY, "{\"tenant_id\": \"" + acme + "\", \"current_version\": 1}");

        assertThat(meters.get("http.server.requests").tag("uri", "/api/agent/sync").tag("status", "200")
                .tag("outcome", "SUCCESS").timer().count()).isPositive();
        assertThat(meters.get("http.requests").tag("uri", "/api/agent/sync").tag("status", "200").counter().count()).isPositive();
    }

    private EntityExchangeResult<byte[]> post(String uri, String key, String body) {
        return client.post().uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .header("X-Correlation-Id", "same-for-both")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .exchange()
                .expectBody().returnResult();
    }

    private EntityExchangeResult<byte[]> postWith(String correlationId, String body) {
        return client.post().uri("/api/agent/sync")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_KEY)
                .header("X-Correlation-Id", correlationId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectBody().returnResult();
    }

    private static Set<String> headerNames(HttpHeaders headers) {
        return headers.headerNames().stream().map(name -> name.toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Arguments sent(String label, String key, String body) {
        return Arguments.of(label, key, body);
    }
}

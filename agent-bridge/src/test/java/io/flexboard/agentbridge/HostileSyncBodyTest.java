package io.flexboard.agentbridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

/**
 * Sync bodies a hostile or broken agent might send: each answers 400 problem+json naming the field,
 * never a 500, and none reaches the sync reports (so none can stop the projector's agent read model).
 */
class HostileSyncBodyTest extends AgentBridgeIntegrationTest {

    static Stream<Arguments> hostileBodies() {
        return Stream.of(
                hostile("tenant_id with NUL", "{\"tenant_id\": \"\\u0000\"}", "tenant_id"),
                hostile("tenant_id of 100,000 characters", "{\"tenant_id\": \"" + "7".repeat(100_000) + "\"}", "tenant_id"),
                hostile("tenant_id a number", "{\"tenant_id\": 12}", "tenant_id"),
                hostile("current_version above a long", "{\"tenant_id\": \"{tenant}\", \"current_version\": 99999999999999999999}", "current_version"),
                hostile("current_version text", "{\"tenant_id\": \"{tenant}\", \"current_version\": \"latest\"}", "current_version"),
                hostile("wait_seconds 1e400", "{\"tenant_id\": \"{tenant}\", \"wait_seconds\": 1e400}", "wait_seconds"),
                hostile("wait_seconds an array", "{\"tenant_id\": \"{tenant}\", \"wait_seconds\": [55]}", "wait_seconds"),
                hostile("agent_id with NUL", "{\"tenant_id\": \"{tenant}\", \"agent_id\": \"plant\\u00007\"}", "agent_id"),
                hostile("agent_id of 100,000 characters", "{\"tenant_id\": \"{tenant}\", \"agent_id\": \"" + "a".repeat(100_000) + "\"}", "agent_id"),
                hostile("agent_id a lone surrogate", "{\"tenant_id\": \"{tenant}\", \"agent_id\": \"\\ud800\"}", "agent_id"),
                hostile("agent_version with NUL", "{\"tenant_id\": \"{tenant}\", \"agent_version\": \"1.0\\u0000\"}", "agent_version"),
                hostile("agent_version with a lone surrogate", "{\"tenant_id\": \"{tenant}\", \"agent_version\": \"1.0\\udc00\"}", "agent_version"),
                hostile("agent_version of 129 characters", "{\"tenant_id\": \"{tenant}\", \"agent_version\": \"" + "1".repeat(129) + "\"}", "agent_version"),
                hostile("data_sources text", "{\"tenant_id\": \"{tenant}\", \"data_sources\": \"erp\"}", "data_sources"),
                hostile("data_sources of 1001 entries", "{\"tenant_id\": \"{tenant}\", \"data_sources\": ["
                        + String.join(",", java.util.Collections.nCopies(1001, "{\"id\": \"erp\", \"type\": \"csv\"}")) + "]}", "data_sources"),
                hostile("a data source id of 10 KB", "{\"tenant_id\": \"{tenant}\", \"data_sources\": [{\"id\": \""
                        + "e".repeat(10_240) + "\", \"type\": \"csv\"}]}", "data_sources[0].id"),
                hostile("a data source id with NUL", "{\"tenant_id\": \"{tenant}\", \"data_sources\": [{\"id\": \"erp\\u0000\", \"type\": \"csv\"}]}", "data_sources[0].id"),
                hostile("a data source id with a newline", "{\"tenant_id\": \"{tenant}\", \"data_sources\": [{\"id\": \"ok\"}, {\"id\": \"erp\\nDROP\", \"type\": \"csv\"}]}", "data_sources[1].id"),
                hostile("a data source without an id", "{\"tenant_id\": \"{tenant}\", \"data_sources\": [{\"type\": \"csv\"}]}", "data_sources[0].id"),
                hostile("a data source type outside the known set", "{\"tenant_id\": \"{tenant}\", \"data_sources\": [{\"id\": \"erp\", \"type\": \"oracle\"}]}", "data_sources[0].type"),
                hostile("a data source null", "{\"tenant_id\": \"{tenant}\", \"data_sources\": [null]}", "data_sources[0]"),
                hostile("one data source id with two types", "{\"tenant_id\": \"{tenant}\", \"data_sources\": [{\"id\": \"erp\", \"type\": \"mysql\"},"
                        + " {\"id\": \"erp\", \"type\": \"sqlserver\"}]}", "data_sources[1].id"));
    }

    @ParameterizedTest(name = "{0} answers 400 naming {2}")
    @MethodSource("hostileBodies")
    void a_hostile_sync_body_answers_400_naming_the_field(String label, String body, String field) {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);

        String answer = sync(ACME_KEY, body.replace("{tenant}", tenant.toString()))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(answer).containsAnyOf("\"field\":\"" + field + "\"", "'" + field + "'");
    }

    /** The label names the case: some bodies are 100,000 characters long. */
    private static Arguments hostile(String label, String body, String field) {
        return Arguments.of(label, body, field);
    }
}

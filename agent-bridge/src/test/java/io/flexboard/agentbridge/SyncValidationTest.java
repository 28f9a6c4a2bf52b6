package io.flexboard.agentbridge;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The optional fields of newer agents: each is checked, and every bad one is named. */
class SyncValidationTest extends AgentBridgeIntegrationTest {

    @Test
    void given_a_negative_wait_seconds_when_syncing_then_validation_failed_naming_it() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"wait_seconds\": -1}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("wait_seconds")
                .jsonPath("$.success").isEqualTo(false);
    }

    @Test
    void given_an_agent_id_with_a_space_when_syncing_then_validation_failed_naming_it() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"agent_id\": \"plant 7\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("agent_id");
    }

    @Test
    void given_an_agent_id_of_129_characters_when_syncing_then_validation_failed_naming_it() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"agent_id\": \"" + "a".repeat(129) + "\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("agent_id");
    }

    @Test
    void given_a_negative_applied_version_when_syncing_then_validation_failed_naming_it() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"applied_version\": -2}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("applied_version");
    }

    @Test
    void given_an_unknown_last_status_when_syncing_then_validation_failed_naming_it() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"last_status\": \"fine\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("last_status");
    }

    @Test
    void given_every_new_field_bad_when_syncing_then_each_is_named() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": -1, \"wait_seconds\": -5,"
                + " \"agent_id\": \"\", \"applied_version\": -1, \"last_status\": \"failed\"}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(5)
                .jsonPath("$.errors[*].field").value(fields -> org.assertj.core.api.Assertions.assertThat(fields.toString())
                        .contains("current_version", "wait_seconds", "agent_id", "applied_version", "last_status"));
    }

    @Test
    void given_every_new_field_valid_and_a_long_last_error_when_syncing_then_answered() {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 0, \"wait_seconds\": 0,"
                + " \"agent_id\": \"plant-7.eu:rack@2_a\", \"applied_version\": 0, \"last_status\": \"partial\","
                + " \"last_error\": \"" + "x".repeat(5000) + "\", \"hostname\": \"ignored\"}")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.has_updates").isEqualTo(true)
                .jsonPath("$.latest_version").isEqualTo(1);
    }

    @Test
    void given_a_thousand_bad_data_sources_when_syncing_then_only_the_first_ten_are_named() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);
        String bad = String.join(",", java.util.Collections.nCopies(1000, "{\"id\": \"-bad\", \"type\": \"csv\"}"));

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"data_sources\": [" + bad + "]}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(10)
                .jsonPath("$.errors[0].field").isEqualTo("data_sources[0].id")
                .jsonPath("$.errors[9].field").isEqualTo("data_sources[9].id");
    }

    @Test
    void given_a_thousand_data_sources_when_syncing_then_answered() {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);
        StringBuilder sources = new StringBuilder();
        for (int i = 0; i < io.flexboard.agentbridge.sync.SyncRequest.MAX_DATA_SOURCES; i++) {
            sources.append(i == 0 ? "" : ",").append("{\"id\": \"source-").append(i).append("\", \"type\": \"postgresql\"}");
        }

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"data_sources\": [" + sources + "]}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.latest_version").isEqualTo(1);
    }
}

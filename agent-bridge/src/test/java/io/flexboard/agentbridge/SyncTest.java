package io.flexboard.agentbridge;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class SyncTest extends AgentBridgeIntegrationTest {

    @Test
    void given_a_tenant_without_published_version_when_its_agent_syncs_then_latest_version_zero_and_no_updates() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 0, \"agent_version\": \"1.0.0\"}")
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().json("{\"success\": true, \"has_updates\": false, \"latest_version\": 0}", true);
    }

    @Test
    void given_published_version_3_when_an_agent_at_version_2_syncs_then_update_with_the_stored_metadata_as_is() {
        UUID tenant = given.tenantWithPublishedVersion(3, ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 2, \"agent_version\": \"1.0.0\"}")
                .expectStatus().isOk()
                .expectBody()
                .json("{\"success\": true, \"has_updates\": true, \"latest_version\": 3, \"metadata\": "
                        + given.publishedConfiguration(3) + "}", true);
    }

    @Test
    void given_published_version_3_when_an_agent_at_version_3_syncs_then_no_updates_and_no_metadata_key() {
        UUID tenant = given.tenantWithPublishedVersion(3, ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 3}")
                .expectStatus().isOk()
                .expectBody()
                .json("{\"success\": true, \"has_updates\": false, \"latest_version\": 3}", true)
                .jsonPath("$.metadata").doesNotExist();
    }

    @Test
    void given_published_version_3_when_an_agent_ahead_at_version_7_syncs_then_it_is_sent_back_to_version_3() {
        UUID tenant = given.tenantWithPublishedVersion(3, ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 7}")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.has_updates").isEqualTo(true)
                .jsonPath("$.latest_version").isEqualTo(3)
                .jsonPath("$.metadata.version").isEqualTo(3);
    }

    @Test
    void given_a_new_agent_without_current_version_and_with_unknown_fields_when_it_syncs_then_it_gets_the_latest() {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"hostname\": \"agent-7\"}")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.has_updates").isEqualTo(true)
                .jsonPath("$.latest_version").isEqualTo(1)
                .jsonPath("$.metadata.config['sales-by-month'].type").isEqualTo("bar");
    }
}

package io.flexboard.agentbridge;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class SyncTest extends AgentBridgeIntegrationTest {

    @Test
    void givenATenantWithoutPublishedVersion_whenItsAgentSyncs_thenLatestVersionZeroAndNoUpdates() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 0, \"agent_version\": \"1.0.0\"}")
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().json("{\"success\": true, \"has_updates\": false, \"latest_version\": 0}", true);
    }

    @Test
    void givenPublishedVersion3_whenAnAgentAtVersion2Syncs_thenUpdateWithTheStoredMetadataAsIs() {
        UUID tenant = given.tenantWithPublishedVersion(3, ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 2, \"agent_version\": \"1.0.0\"}")
                .expectStatus().isOk()
                .expectBody()
                .json("{\"success\": true, \"has_updates\": true, \"latest_version\": 3, \"metadata\": "
                        + given.publishedConfiguration(3) + "}", true);
    }

    @Test
    void givenPublishedVersion3_whenAnAgentAtVersion3Syncs_thenNoUpdatesAndNoMetadataKey() {
        UUID tenant = given.tenantWithPublishedVersion(3, ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 3}")
                .expectStatus().isOk()
                .expectBody()
                .json("{\"success\": true, \"has_updates\": false, \"latest_version\": 3}", true)
                .jsonPath("$.metadata").doesNotExist();
    }

    @Test
    void givenPublishedVersion3_whenAnAgentAheadAtVersion7Syncs_thenItIsSentBackToVersion3() {
        UUID tenant = given.tenantWithPublishedVersion(3, ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 7}")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.has_updates").isEqualTo(true)
                .jsonPath("$.latest_version").isEqualTo(3)
                .jsonPath("$.metadata.version").isEqualTo(3);
    }

    @Test
    void givenANewAgentWithoutCurrentVersionAndWithUnknownFields_whenItSyncs_thenItGetsTheLatest() {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"hostname\": \"agent-7\"}")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.has_updates").isEqualTo(true)
                .jsonPath("$.latest_version").isEqualTo(1)
                .jsonPath("$.metadata.config['sales-by-month'].type").isEqualTo("bar");
    }
}

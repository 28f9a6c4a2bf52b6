package io.flexboard.queryapi;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** GET /api/tenants/{tenantId}/api-keys: a tenant's keys, oldest first, never a key or its hash. */
class ApiKeyApiTest extends QueryApiIntegrationTest {

    private static final Instant USED = Instant.parse("2026-03-02T09:15:00Z");
    private static final Instant REVOKED = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void given_a_live_a_revoked_and_an_unused_key_when_listed_then_each_shows_its_name_issuer_use_and_revocation_but_no_secret() {
        UUID tenant = given.tenant("acme");
        UUID first = given.apiKey(tenant, "default", "alice");
        UUID rotated = given.apiKey(tenant, "plant-2 agents", "bob");
        UUID unused = given.apiKey(tenant, "spare", null);
        given.apiKeyUsed(tenant, first, USED);
        given.apiKeyRevoked(first, REVOKED);

        builder().get().uri("/api/tenants/{id}/api-keys", tenant).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.LINK)
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].id").isEqualTo(first.toString())
                .jsonPath("$[0].name").isEqualTo("default")
                .jsonPath("$[0].prefix").isEqualTo("fbk_" + first.toString().substring(0, 6))
                .jsonPath("$[0].created_by").isEqualTo("alice")
                .jsonPath("$[0].created_at").isNotEmpty()
                .jsonPath("$[0].last_used_at").isEqualTo("2026-03-02T09:15:00Z")
                .jsonPath("$[0].revoked_at").isEqualTo("2026-03-02T10:00:00Z")
                .jsonPath("$[0].key_hash").doesNotExist()
                .jsonPath("$[0].api_key").doesNotExist()
                .jsonPath("$[1].id").isEqualTo(rotated.toString())
                .jsonPath("$[1].revoked_at").isEmpty()
                .jsonPath("$[1].last_used_at").isEmpty()
                .jsonPath("$[2].id").isEqualTo(unused.toString())
                .jsonPath("$[2].created_by").isEmpty();
    }

    @Test
    void given_another_tenants_keys_when_a_tenants_keys_are_listed_then_only_its_own_appear_and_an_unknown_tenant_is_404() {
        UUID acme = given.tenant("acme");
        UUID globex = given.tenant("globex");
        given.apiKey(globex, "default", "alice");

        builder().get().uri("/api/tenants/{id}/api-keys", acme).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        builder().get().uri("/api/tenants/{id}/api-keys", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://flexboard.io/problems/not-found");
        builder().get().uri("/api/tenants/{id}/api-keys", "acme").exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void given_more_keys_than_a_page_when_paged_then_the_cursor_walks_them_all_once_and_a_tampered_cursor_is_400() {
        UUID tenant = given.tenant("acme");
        UUID[] keys = new UUID[5];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = given.apiKey(tenant, "site " + i, "alice");
        }

        String next = builder().get().uri("/api/tenants/{id}/api-keys?limit=3", tenant).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(3).jsonPath("$[2].id").isEqualTo(keys[2].toString())
                .returnResult().getResponseHeaders().getFirst(HttpHeaders.LINK);
        String path = next.substring(next.indexOf('<') + 1, next.indexOf('>'));
        builder().get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.LINK)
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].id").isEqualTo(keys[3].toString())
                .jsonPath("$[1].id").isEqualTo(keys[4].toString());
        builder().get().uri("/api/tenants/{id}/api-keys?cursor=bm9wZQ", tenant).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://flexboard.io/problems/malformed-request");
    }
}

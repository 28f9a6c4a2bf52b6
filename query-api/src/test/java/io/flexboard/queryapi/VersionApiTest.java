package io.flexboard.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class VersionApiTest extends QueryApiIntegrationTest {

    @Test
    void givenATenantWithVersions_whenListed_thenNewestFirstWithSpecFields() {
        UUID tenant = given.tenantWithVersions(2);
        given.version(tenant, 3, "draft");

        builder().get().uri("/api/tenants/{id}/versions", tenant).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].id").isNotEmpty()
                .jsonPath("$[0].version").isEqualTo(3)
                .jsonPath("$[0].status").isEqualTo("draft")
                .jsonPath("$[0].message").isEqualTo("Version 3")
                .jsonPath("$[0].created_at").isNotEmpty()
                .jsonPath("$[0].published_at").isEmpty()
                .jsonPath("$[0].created_by").isEqualTo("builder@vendor.example")
                .jsonPath("$[0].metadata").doesNotExist()
                .jsonPath("$[1].version").isEqualTo(2)
                .jsonPath("$[1].status").isEqualTo("published")
                .jsonPath("$[1].published_at").isNotEmpty()
                .jsonPath("$[2].status").isEqualTo("archived");
    }

    @Test
    void givenFiveVersions_whenPagedByTwo_thenCursorContinuesBelowTheLastVersion() {
        UUID tenant = given.tenantWithVersions(5);

        var first = builder().get().uri("/api/tenants/{id}/versions?limit=2", tenant).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].version").isEqualTo(5).jsonPath("$[1].version").isEqualTo(4)
                .returnResult();
        String link = first.getResponseHeaders().getFirst(HttpHeaders.LINK);
        assertThat(link).endsWith("; rel=\"next\"");

        builder().get().uri(link.substring(1, link.indexOf('>'))).exchange()
                .expectStatus().isOk()
                .expectHeader().exists(HttpHeaders.LINK)
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].version").isEqualTo(3)
                .jsonPath("$[1].version").isEqualTo(2);
    }

    @Test
    void givenAVersion_whenFetched_thenAnswersItWithMetadataAsObject() {
        UUID tenant = given.tenant("acme");
        UUID version = given.version(tenant, 1, "published");

        builder().get().uri("/api/tenants/{t}/versions/{v}", tenant, version).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(version.toString())
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.status").isEqualTo("published")
                .jsonPath("$.message").isEqualTo("Version 1")
                .jsonPath("$.created_at").isNotEmpty()
                .jsonPath("$.published_at").isNotEmpty()
                .jsonPath("$.created_by").isEqualTo("builder@vendor.example")
                .jsonPath("$.metadata.number").isEqualTo(1)
                .jsonPath("$.metadata.dashboards").isArray()
                .jsonPath("$.metadata.widgets").isArray();
    }

    @Test
    void givenARestoredDraft_whenListedAndFetched_thenEveryVersionNamesItsParentAndTheRestoredOneItsOrigin() {
        UUID tenant = given.tenant("acme");
        UUID first = given.version(tenant, 1, "archived");
        given.version(tenant, 2, "published");
        UUID restored = given.restoredDraft(tenant, 3, first, 1);

        builder().get().uri("/api/tenants/{id}/versions", tenant).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].version").isEqualTo(3)
                .jsonPath("$[0].message").isEqualTo("Version 3")
                .jsonPath("$[0].parent_version").isEqualTo(2)
                .jsonPath("$[0].restored_from.id").isEqualTo(first.toString())
                .jsonPath("$[0].restored_from.version").isEqualTo(1)
                .jsonPath("$[1].parent_version").isEqualTo(1)
                .jsonPath("$[1].restored_from").isEmpty()
                .jsonPath("$[2].parent_version").isEmpty()
                .jsonPath("$[2].restored_from").isEmpty();
        builder().get().uri("/api/tenants/{t}/versions/{v}", tenant, restored).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.parent_version").isEqualTo(2)
                .jsonPath("$.restored_from.id").isEqualTo(first.toString())
                .jsonPath("$.restored_from.version").isEqualTo(1)
                .jsonPath("$.metadata.number").isEqualTo(3);
    }

    @Test
    void givenAVersionOfAnotherTenant_whenFetchedUnderThisTenant_thenNotFoundProblem() {
        UUID tenant = given.tenant("acme");
        UUID otherTenant = given.tenant("globex");
        UUID foreignVersion = given.version(otherTenant, 1, "draft");

        builder().get().uri("/api/tenants/{t}/versions/{v}", tenant, foreignVersion).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
    }

    @Test
    void givenAnUnknownTenant_whenVersionsListed_thenNotFoundProblem() {
        builder().get().uri("/api/tenants/{id}/versions", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
    }

    @Test
    void givenAMalformedVersionId_whenFetched_thenMalformedRequestProblem() {
        builder().get().uri("/api/tenants/{t}/versions/nope", UUID.randomUUID()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
    }
}

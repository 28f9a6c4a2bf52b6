package io.flexboard.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class VersionApiTest extends QueryApiIntegrationTest {

    @Test
    void given_a_tenant_with_versions_when_listed_then_newest_first_with_spec_fields() {
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
    void given_five_versions_when_paged_by_two_then_cursor_continues_below_the_last_version() {
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
    void given_a_version_when_fetched_then_answers_it_with_metadata_as_object() {
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
    void given_a_restored_draft_when_listed_and_fetched_then_every_version_names_its_parent_and_the_restored_one_its_origin() {
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
    void given_a_version_of_another_tenant_when_fetched_under_this_tenant_then_not_found_problem() {
        UUID tenant = given.tenant("acme");
        UUID otherTenant = given.tenant("globex");
        UUID foreignVersion = given.version(otherTenant, 1, "draft");

        builder().get().uri("/api/tenants/{t}/versions/{v}", tenant, foreignVersion).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
    }

    @Test
    void given_an_unknown_tenant_when_versions_listed_then_not_found_problem() {
        builder().get().uri("/api/tenants/{id}/versions", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
    }

    @Test
    void given_a_malformed_version_id_when_fetched_then_malformed_request_problem() {
        builder().get().uri("/api/tenants/{t}/versions/nope", UUID.randomUUID()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
    }
}

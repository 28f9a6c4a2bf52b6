package io.flexboard.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flexboard.foundation.identity.AccessTokenKeys;
import io.flexboard.foundation.identity.AccessTokens;
import io.flexboard.foundation.identity.Caller;
import io.flexboard.foundation.identity.Role;
import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Every read × every role × the caller's own tenant and another one, with real access tokens against the
 * real read models: a role reads what the permission table gives it, and another tenant's resources are
 * never shown (404, or absent from a list), so their existence does not leak.
 */
class RoleAccessTest extends QueryApiIntegrationTest {

    private static final Path KEY_FILE = keyFile();
    private static final AccessTokens TOKENS = new AccessTokens(AccessTokenKeys.fromFile(KEY_FILE, true), "flexboard",
            Clock.systemUTC());

    @DynamicPropertySource
    static void accessTokens(DynamicPropertyRegistry registry) {
        registry.add("flexboard.jwt.key-file", KEY_FILE::toString);
    }

    private UUID own;
    private UUID other;
    private UUID ownDashboard;
    private UUID otherDashboard;
    private UUID ownUser;
    private UUID otherUser;

    @BeforeEach
    void twoTenants() {
        own = given.tenant("own");
        other = given.tenant("other");
        ownDashboard = given.dashboard(own, "sales");
        otherDashboard = given.dashboard(other, "secret-plans");
        given.version(own, 1, "draft");
        given.version(other, 1, "draft");
        ownUser = given.user("colleague@own.example", "viewer", own);
        otherUser = given.user("stranger@other.example", "viewer", other);
    }

    /** What a role may read in its own tenant, from the roadmap's table (docs/SECURITY.md). */
    private static final Map<String, Set<Role>> OWN_TENANT_READERS = new LinkedHashMap<>();

    static {
        Set<Role> everyone = Set.of(Role.SUPER_ADMIN, Role.TENANT_ADMIN, Role.DASHBOARD_EDITOR, Role.VIEWER);
        OWN_TENANT_READERS.put("/api/tenants/%s", everyone);
        OWN_TENANT_READERS.put("/api/tenants/%s/dashboards", everyone);
        OWN_TENANT_READERS.put("/api/tenants/%s/versions", everyone);
        OWN_TENANT_READERS.put("/api/tenants/%s/branding", everyone);
        OWN_TENANT_READERS.put("/api/tenants/%s/history", Set.of(Role.SUPER_ADMIN, Role.TENANT_ADMIN));
        OWN_TENANT_READERS.put("/api/tenants/%s/agents", everyone);
        OWN_TENANT_READERS.put("/api/tenants/%s/data-sources", everyone);
        OWN_TENANT_READERS.put("/api/tenants/%s/api-keys", Set.of(Role.SUPER_ADMIN, Role.TENANT_ADMIN));
        OWN_TENANT_READERS.put("/api/dashboards/{dashboard}", everyone);
        OWN_TENANT_READERS.put("/api/users/{user}", Set.of(Role.SUPER_ADMIN, Role.TENANT_ADMIN));
    }

    @Test
    void the_matrix_of_reads_roles_and_tenants_leaks_nothing() {
        List<String> leaks = new ArrayList<>();
        int cells = 0;
        for (Role role : Role.values()) {
            String token = tokenOf(role);
            for (Map.Entry<String, Set<Role>> read : OWN_TENANT_READERS.entrySet()) {
                for (boolean ownTenant : new boolean[] {true, false}) {
                    cells++;
                    String path = path(read.getKey(), ownTenant);
                    int status = get(token, path).getStatus().value();
                    // Users belong to no one tenant: a role that may read none answers 403 for any id, which says
                    // nothing about whether it exists.
                    boolean noRightAtAll = read.getKey().startsWith("/api/users") && !read.getValue().contains(role);
                    int expected = role == Role.SUPER_ADMIN || (ownTenant && read.getValue().contains(role)) ? 200
                            : ownTenant || noRightAtAll ? 403 : 404;
                    if (status != expected) {
                        leaks.add(role.wireName() + " GET " + path + (ownTenant ? " (own)" : " (other)") + ": " + status
                                + ", expected " + expected);
                    }
                }
            }
            for (String list : List.of("/api/tenants", "/api/users", "/api/sync-status")) {
                cells++;
                EntityExchangeResult<String> answer = get(token, list);
                String body = answer.getResponseBody() == null ? "" : answer.getResponseBody();
                boolean seesOther = body.contains(other.toString()) || body.contains("stranger@other.example");
                if (role != Role.SUPER_ADMIN && seesOther) {
                    leaks.add(role.wireName() + " GET " + list + " shows another tenant: " + body);
                }
                if (answer.getStatus().value() == 200 && !body.contains(list.equals("/api/users") ? "colleague@own.example"
                        : own.toString())) {
                    leaks.add(role.wireName() + " GET " + list + " misses its own tenant: " + body);
                }
            }
        }

        assertThat(leaks).as("%d cells of endpoint × role × own/other tenant", cells).isEmpty();
        assertThat(cells).isEqualTo(4 * (OWN_TENANT_READERS.size() * 2 + 3));
    }

    @Test
    void every_role_lands_on_an_overview_that_counts_only_its_own_tenants() {
        given.widget(ownDashboard, "revenue", "line_chart", 0);
        given.widget(otherDashboard, "secret-a", "bar_chart", 0);
        given.widget(otherDashboard, "secret-b", "bar_chart", 1);
        given.publishedVersion(other, 2, 3);
        given.agentSeen(own, "own-agent", 0, Duration.ofSeconds(5));
        given.failingAgent(other, "other-agent", 1, Duration.ofSeconds(5));
        given.syncReportCounts(own, 0, 4, 0, 0);
        given.syncReportCounts(other, 0, 0, 9, 0);

        for (Role role : List.of(Role.TENANT_ADMIN, Role.DASHBOARD_EDITOR, Role.VIEWER)) {
            anonymous().get().uri("/api/overview").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(role))
                    .exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.total_tenants").isEqualTo(1)
                    .jsonPath("$.active_tenants").isEqualTo(1)
                    .jsonPath("$.total_widgets").isEqualTo(1)
                    .jsonPath("$.published_dashboards").isEqualTo(0)
                    .jsonPath("$.agents_seen_recently").isEqualTo(1)
                    .jsonPath("$.syncs_last_24h.success").isEqualTo(4)
                    .jsonPath("$.syncs_last_24h.error").isEqualTo(0)
                    .jsonPath("$.sync_status.error").isEqualTo(0)
                    .jsonPath("$.recent_activity.length()").isEqualTo(1)
                    .jsonPath("$.recent_activity[0].tenant_id").isEqualTo(own.toString());
        }
        builder().get().uri("/api/overview").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total_tenants").isEqualTo(2)
                .jsonPath("$.total_widgets").isEqualTo(3)
                .jsonPath("$.syncs_last_24h.error").isEqualTo(9)
                .jsonPath("$.recent_activity.length()").isEqualTo(3)
                .jsonPath("$.published_dashboards").isEqualTo(3);
    }

    @Test
    void the_sync_status_list_shows_each_role_only_its_own_tenants_on_every_page_and_filter() {
        List<UUID> more = given.tenants(3);
        UUID ownToo = more.get(1);
        given.failingAgent(other, "other-agent", 0, Duration.ofSeconds(5));
        given.failingAgent(own, "own-agent", 0, Duration.ofSeconds(5));
        Caller twoTenants = Caller.user(UUID.randomUUID().toString(), "admin@two.example", "Two", Role.TENANT_ADMIN,
                Set.of(own.toString(), ownToo.toString()));
        String token = TOKENS.issue(twoTenants, Duration.ofMinutes(1));

        EntityExchangeResult<String> firstPage = get(token, "/api/sync-status?limit=1");
        String first = firstPage.getResponseBody();
        String cursor = io.flexboard.queryapi.web.PageRequest.cursorOf(java.time.Instant.EPOCH, new UUID(0, 0));
        String link = firstPage.getResponseHeaders().getFirst(HttpHeaders.LINK);
        String second = anonymous().get().uri(link.substring(link.indexOf('<') + 1, link.indexOf('>')))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String errors = get(token, "/api/sync-status?status=error").getResponseBody();
        String fromStart = get(token, "/api/sync-status?cursor=" + cursor).getResponseBody();

        assertThat(first + second).contains(own.toString()).contains(ownToo.toString());
        assertThat(errors).contains(own.toString()).contains(ownToo.toString());
        assertThat(fromStart).contains(own.toString()).contains(ownToo.toString());
        for (String body : List.of(first, second, errors, fromStart)) {
            assertThat(body).doesNotContain(other.toString()).doesNotContain(more.get(0).toString())
                    .doesNotContain(more.get(2).toString());
        }
        assertThat(get(tokenOf(Role.VIEWER), "/api/sync-status").getResponseBody())
                .contains(own.toString()).doesNotContain(other.toString());
    }

    @Test
    void a_caller_with_no_tenant_at_all_sees_an_empty_overview_and_sync_status() {
        Caller nobody = Caller.user(UUID.randomUUID().toString(), "lonely@example.com", "Lonely", Role.VIEWER, Set.of());
        String token = TOKENS.issue(nobody, Duration.ofMinutes(1));

        anonymous().get().uri("/api/overview").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total_tenants").isEqualTo(0).jsonPath("$.recent_activity.length()").isEqualTo(0);
        assertThat(get(token, "/api/sync-status").getResponseBody()).isEqualTo("[]");
    }

    @Test
    void a_tenant_admin_sees_only_its_own_tenants_of_a_shared_user() {
        UUID shared = given.user("shared@example.com", "viewer", own, other);

        String body = get(tokenOf(Role.TENANT_ADMIN), "/api/users/" + shared).getResponseBody();

        assertThat(body).contains(own.toString()).doesNotContain(other.toString());
    }

    @Test
    void me_answers_who_the_token_stands_for_and_the_jwks_is_open() {
        builder().get().uri("/api/me").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.role").isEqualTo("super-admin").jsonPath("$.admin_token").isEqualTo(true);
        anonymous().get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(Role.VIEWER))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo("viewer@own.example").jsonPath("$.tenant_ids[0]").isEqualTo(own.toString())
                .jsonPath("$.permissions[0].resource").isEqualTo("tenants");
        anonymous().get().uri("/api/auth/jwks").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.keys[0].alg").isEqualTo("RS256").jsonPath("$.keys[0].d").doesNotExist();
        anonymous().get().uri("/api/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void an_expired_or_forged_token_is_refused() {
        AccessTokens otherKey = new AccessTokens(AccessTokenKeys.fromPem(pem()), "flexboard", Clock.systemUTC());
        String forged = otherKey.issue(caller(Role.SUPER_ADMIN), Duration.ofMinutes(1));
        String expired = new AccessTokens(AccessTokenKeys.fromFile(KEY_FILE, false), "flexboard",
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10))).issue(caller(Role.SUPER_ADMIN), Duration.ofMinutes(1));

        for (String token : List.of(forged, expired)) {
            anonymous().get().uri("/api/tenants").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange().expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized");
        }
    }

    private String path(String template, boolean ownTenant) {
        return template.replace("%s", (ownTenant ? own : other).toString())
                .replace("{dashboard}", (ownTenant ? ownDashboard : otherDashboard).toString())
                .replace("{user}", (ownTenant ? ownUser : otherUser).toString());
    }

    private EntityExchangeResult<String> get(String token, String path) {
        return anonymous().get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectBody(String.class).returnResult();
    }

    private String tokenOf(Role role) {
        return TOKENS.issue(caller(role), Duration.ofMinutes(1));
    }

    private Caller caller(Role role) {
        return Caller.user(UUID.randomUUID().toString(), role == Role.VIEWER ? "viewer@own.example" : role.wireName() + "@own.example",
                role.wireName(), role, role == Role.SUPER_ADMIN ? Set.of() : Set.of(own.toString()));
    }

    private static String pem() {
        try {
            Path file = Files.createTempDirectory("other-key").resolve("key.pem");
            AccessTokenKeys.fromFile(file, true);
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path keyFile() {
        try {
            return Files.createTempDirectory("query-api-jwt").resolve("jwt-signing-key.pem");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

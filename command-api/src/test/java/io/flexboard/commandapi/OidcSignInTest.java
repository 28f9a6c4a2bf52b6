package io.flexboard.commandapi;

import static io.flexboard.idp.OidcProviderForTests.EMAIL_DOMAIN;
import static io.flexboard.idp.OidcProviderForTests.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.flexboard.idp.Browser;
import io.flexboard.idp.OidcProviderForTests;
import io.flexboard.foundation.identity.AccessTokens;
import io.flexboard.foundation.identity.Caller;
import io.flexboard.foundation.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * OIDC single sign-on end to end: a real provider (Spring Authorization Server, {@link OidcProviderForTests})
 * and the real command-api on the real event store and broker. A browser walks the whole redirect dance;
 * every forged, replayed or foreign step is refused with the problem it should be.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
// Closed after the class: the cached contexts of the other tests already hold most of PostgreSQL's connections.
@DirtiesContext
class OidcSignInTest {

    private static final String ADMIN_TOKEN = SignInTests.ADMIN_TOKEN;
    private static final String PROVIDER = "test-idp";
    private static final String PREFIX = "flexboard.sso.providers." + PROVIDER + ".";
    private static final OidcProviderForTests provider = OidcProviderForTests.start();
    @TempDir
    static Path dataDir;
    private static String acme;
    private static String globex;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SignInTests.serviceProperties(registry, dataDir);
        registry.add(PREFIX + "type", () -> "oidc");
        registry.add(PREFIX + "name", () -> "Test IdP");
        registry.add(PREFIX + "issuer", provider::issuer);
        registry.add(PREFIX + "client-id", () -> OidcProviderForTests.CLIENT_ID);
        registry.add(PREFIX + "client-secret", () -> OidcProviderForTests.CLIENT_SECRET);
        mapping(registry, 0, "flexboard-admins", "super-admin", "");
        mapping(registry, 1, "acme-admins", "tenant-admin", "acme-sso");
        mapping(registry, 2, "globex-viewers", "viewer", "globex-sso");
        mapping(registry, 3, "ghost-viewers", "viewer", "no-such-tenant");
    }

    private static void mapping(DynamicPropertyRegistry registry, int index, String group, String role, String tenants) {
        String at = PREFIX + "group-mappings[" + index + "].";
        registry.add(at + "group", () -> group);
        registry.add(at + "role", () -> role);
        registry.add(at + "tenants", () -> tenants);
    }

    WebTestClient http;
    String baseUrl;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccessTokens accessTokens;

    @LocalServerPort
    void client(int port) {
        // 127.0.0.1, not localhost: the provider accepts any port for a loopback redirect URI with this host.
        baseUrl = "http://127.0.0.1:" + port;
        http = SignInTests.client(baseUrl);
    }

    @BeforeEach
    void tenants() {
        if (acme == null) {
            acme = SignInTests.createTenant(http, "acme-sso");
            globex = SignInTests.createTenant(http, "globex-sso");
        }
    }

    @AfterAll
    static void stopProvider() throws Exception {
        provider.close();
    }

    @Test
    void the_sign_in_screen_lists_the_configured_provider() {
        http.get().uri("/api/auth/providers").exchange().expectStatus().isOk()
                .expectBody().json("[{\"id\":\"test-idp\",\"name\":\"Test IdP\",\"type\":\"oidc\","
                        + "\"login_url\":\"/api/auth/sso/test-idp/login\"}]", true);
    }

    @Test
    void a_sign_in_starts_with_state_nonce_and_pkce_bound_to_the_browser() {
        HttpResponse<String> start = new Browser().get(loginUrl());

        assertThat(start.statusCode()).isEqualTo(302);
        Map<String, String> query = queryOf(Browser.location(start));
        assertThat(Browser.location(start)).startsWith(provider.issuer() + "/oauth2/authorize?");
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "flexboard")
                .containsEntry("code_challenge_method", "S256").containsKeys("state", "nonce", "code_challenge")
                .containsEntry("redirect_uri", baseUrl + "/api/auth/sso/test-idp/callback");
        assertThat(query.get("scope").split(" ")).contains("openid", "email", "profile");
        assertThat(start.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("flexboard_sso=", "HttpOnly", "SameSite=Lax", "Path=/api/auth/sso/test-idp/");
    }

    @Test
    void a_person_whose_groups_map_to_tenant_admin_and_viewer_becomes_a_tenant_admin_of_both_tenants() {
        OidcProviderForTests.groups.put("tina", List.of("acme-admins", "globex-viewers", "unmapped-group"));

        Caller tina = signedIn(signIn("tina"));

        assertThat(tina.role()).isEqualTo(Role.TENANT_ADMIN);
        assertThat(tina.tenantIds()).containsExactlyInAnyOrder(acme, globex);
        assertThat(tina.email()).isEqualTo("tina" + EMAIL_DOMAIN);
        assertThat(tina.displayName()).isEqualTo("Tina Tester");
        String token = accessTokens.issue(tina, Duration.ofMinutes(1));
        http.post().uri("/api/tenants/{id}/dashboards", acme).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .bodyValue(Map.of("name", "Sales", "slug", "sales")).exchange().expectStatus().isCreated();
        assertThat(jdbc.queryForObject("select password_hash from user_accounts where user_id = ?", String.class, tina.id()))
                .as("a provisioned user has no password: they sign in through SSO").isNull();
        assertThat(actorsOf(tina.id())).containsExactly("sso:test-idp");
    }

    @Test
    void the_tokens_reach_the_builder_in_the_url_fragment_never_in_the_query() {
        OidcProviderForTests.groups.put("ann", List.of("flexboard-admins"));

        HttpResponse<String> signedIn = signIn("ann");

        String location = Browser.location(signedIn);
        assertThat(location).startsWith(baseUrl + "/#/signed-in?access_token=");
        assertThat(URI.create(location).getRawQuery()).isNull();
        assertThat(fragmentOf(location)).containsEntry("token_type", "Bearer").containsEntry("expires_in", "60")
                .containsKeys("refresh_token", "refresh_expires_in");
        assertThat(signedIn.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void a_callback_from_another_browser_is_refused() {
        OidcProviderForTests.groups.put("ann", List.of("flexboard-admins"));
        String callback = new Browser().signInAtProvider(loginUrl(), "ann", PASSWORD);

        assertProblem(new Browser().get(callback), 401, "started in another browser");
    }

    @Test
    void groups_changed_at_the_provider_change_role_and_tenants_at_the_next_sign_in_and_only_then() {
        OidcProviderForTests.groups.put("carl", List.of("globex-viewers"));
        Caller first = signedIn(signIn("carl"));
        assertThat(first.role()).isEqualTo(Role.VIEWER);

        OidcProviderForTests.groups.put("carl", List.of("flexboard-admins", "globex-viewers"));
        Caller second = signedIn(signIn("carl"));
        Caller third = signedIn(signIn("carl"));

        assertThat(second.role()).isEqualTo(Role.SUPER_ADMIN);
        assertThat(third.id()).isEqualTo(first.id()).isEqualTo(second.id());
        assertThat(actorsOf(first.id())).as("created, changed once, not changed again").hasSize(2)
                .containsOnly("sso:test-idp");
    }

    @Test
    void a_tampered_state_is_refused_and_the_real_one_still_works_once() {
        OidcProviderForTests.groups.put("ann", List.of("flexboard-admins"));
        Browser browser = new Browser();
        String callback = browser.signInAtProvider(loginUrl(), "ann", PASSWORD);

        assertProblem(browser.get(callback.replaceAll("state=[^&]+", "state=forged")), 401, "unknown, expired or already finished");
        assertThat(browser.get(callback).statusCode()).isEqualTo(302);
        assertProblem(browser.get(callback), 401, "unknown, expired or already finished");
    }

    @Test
    void a_replayed_code_with_a_fresh_state_is_refused_by_the_provider() {
        OidcProviderForTests.groups.put("ann", List.of("flexboard-admins"));
        Browser browser = new Browser();
        String used = browser.signInAtProvider(loginUrl(), "ann", PASSWORD);
        assertThat(browser.get(used).statusCode()).isEqualTo(302);
        String fresh = browser.signInAtProvider(loginUrl(), "ann", PASSWORD);

        String replayed = fresh.replaceAll("code=[^&]+", "code=" + queryOf(used).get("code"));

        assertProblem(browser.get(replayed), 401, "invalid_grant");
    }

    @Test
    void an_id_token_for_another_client_is_refused() {
        OidcProviderForTests.groups.put(OidcProviderForTests.FOREIGN_AUDIENCE_USER, List.of("flexboard-admins"));

        assertProblem(signIn(OidcProviderForTests.FOREIGN_AUDIENCE_USER), 401, "invalid_id_token");
        assertThat(userCount(OidcProviderForTests.FOREIGN_AUDIENCE_USER + EMAIL_DOMAIN)).isZero();
    }

    @Test
    void an_id_token_from_another_issuer_is_refused() {
        OidcProviderForTests.groups.put(OidcProviderForTests.FOREIGN_ISSUER_USER, List.of("flexboard-admins"));

        assertProblem(signIn(OidcProviderForTests.FOREIGN_ISSUER_USER), 401, "invalid_id_token");
        assertThat(userCount(OidcProviderForTests.FOREIGN_ISSUER_USER + EMAIL_DOMAIN)).isZero();
    }

    @Test
    void a_person_with_no_mapped_group_is_refused_and_not_provisioned() {
        OidcProviderForTests.groups.put("nora", List.of("marketing"));

        assertProblem(signIn("nora"), 403, "None of your groups at Test IdP gives a Flexboard role");
        assertThat(userCount("nora" + EMAIL_DOMAIN)).isZero();
    }

    @Test
    void a_browser_refused_for_its_groups_goes_back_to_the_builder_with_the_reason_in_the_fragment() {
        OidcProviderForTests.groups.put("nora", List.of("marketing"));
        Browser browser = new Browser();

        HttpResponse<String> refused = browser.navigate(browser.signInAtProvider(loginUrl(), "nora", PASSWORD));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(303);
        String location = Browser.location(refused);
        assertThat(location).startsWith(baseUrl + "/#/signed-in?error=");
        assertThat(URI.create(location).getRawQuery()).isNull();
        assertThat(fragmentOf(location)).containsEntry("error", "https://flexboard.io/problems/forbidden")
                .hasEntrySatisfying("error_description", detail -> assertThat(detail)
                        .contains("None of your groups at Test IdP gives a Flexboard role"));
        assertThat(userCount("nora" + EMAIL_DOMAIN)).isZero();
    }

    @Test
    void a_browser_with_a_callback_missing_its_state_is_sent_back_to_the_builder_too() {
        HttpResponse<String> refused = new Browser().navigate(callbackUrl() + "?code=abc");

        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(fragmentOf(Browser.location(refused))).containsEntry("error", "https://flexboard.io/problems/malformed-request")
                .containsEntry("error_description", "state is required: the identity provider sends it back");
    }

    @Test
    void a_browser_asking_for_an_unknown_provider_is_sent_back_to_the_builder() {
        HttpResponse<String> refused = new Browser().navigate(baseUrl + "/api/auth/sso/no-such-idp/login");

        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(fragmentOf(Browser.location(refused))).containsEntry("error", "https://flexboard.io/problems/not-found")
                .hasEntrySatisfying("error_description", detail -> assertThat(detail).startsWith("No SSO provider has this id"));
    }

    @Test
    void a_mapping_to_a_tenant_that_does_not_exist_is_refused_naming_it() {
        OidcProviderForTests.groups.put("vic", List.of("ghost-viewers"));

        assertProblem(signIn("vic"), 403, "tenant 'no-such-tenant', which does not exist");
    }

    @Test
    void a_disabled_user_is_refused() {
        OidcProviderForTests.groups.put("dora", List.of("globex-viewers"));
        Caller dora = signedIn(signIn("dora"));
        http.delete().uri("/api/users/{id}", dora.id()).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .exchange().expectStatus().isOk();

        assertProblem(signIn("dora"), 403, "is disabled");
    }

    @Test
    void two_first_sign_ins_of_one_person_at_once_make_one_user() {
        String person = "eve";
        OidcProviderForTests.groups.put(person, List.of("flexboard-admins"));
        Browser one = new Browser();
        Browser two = new Browser();
        String first = one.signInAtProvider(loginUrl(), person, PASSWORD);
        String second = two.signInAtProvider(loginUrl(), person, PASSWORD);

        CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> one.get(first));
        CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() -> two.get(second));

        assertThat(a.join().statusCode()).isEqualTo(302);
        assertThat(b.join().statusCode()).isEqualTo(302);
        assertThat(signedIn(a.join()).id()).isEqualTo(signedIn(b.join()).id());
        assertThat(userCount(person + EMAIL_DOMAIN)).isOne();
    }

    @Test
    void an_unknown_provider_answers_404() {
        assertProblem(new Browser().get(baseUrl + "/api/auth/sso/no-such-idp/login"), 404, "No SSO provider has this id");
        assertProblem(new Browser().get(baseUrl + "/api/auth/sso/no-such-idp/callback?code=x&state=y"), 404, "No OIDC SSO provider");
    }

    @Test
    void a_callback_without_code_or_state_names_the_missing_field() {
        assertProblem(new Browser().get(callbackUrl() + "?state=abc"), 400, "\"field\":\"code\"");
        assertProblem(new Browser().get(callbackUrl() + "?code=abc"), 400, "\"field\":\"state\"");
        assertProblem(new Browser().get(callbackUrl() + "?code=abc&state=" + "x".repeat(2500)), 400, "at most 2048");
    }

    @Test
    void the_providers_refusal_is_answered_401_and_uses_the_state_up() {
        Browser browser = new Browser();
        String state = queryOf(Browser.location(browser.get(loginUrl()))).get("state");

        assertProblem(browser.get(callbackUrl() + "?error=access_denied&error_description=User+said+no&state=" + state),
                401, "access_denied: User said no");
        assertProblem(browser.get(callbackUrl() + "?code=abc&state=" + state), 401, "already finished");
    }

    private HttpResponse<String> signIn(String user) {
        Browser browser = new Browser();
        return browser.get(browser.signInAtProvider(loginUrl(), user, PASSWORD));
    }

    private Caller signedIn(HttpResponse<String> callback) {
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        return accessTokens.verify(fragmentOf(Browser.location(callback)).get("access_token"));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains(detail);
    }

    private String loginUrl() {
        return baseUrl + "/api/auth/sso/" + PROVIDER + "/login";
    }

    private String callbackUrl() {
        return baseUrl + "/api/auth/sso/" + PROVIDER + "/callback";
    }

    private static Map<String, String> queryOf(String url) {
        return SignInTests.parameters(URI.create(url).getRawQuery());
    }

    private static Map<String, String> fragmentOf(String url) {
        String fragment = URI.create(url).getRawFragment();
        return SignInTests.parameters(fragment.substring(fragment.indexOf('?') + 1));
    }


    /** The actor of each of the user's events, in order, from the event store's metadata. */
    private List<String> actorsOf(String userId) {
        return jdbc.queryForList("select convert_from(metadata, 'UTF8') from domainevententry where aggregateidentifier = ? "
                        + "order by sequencenumber", String.class, userId).stream()
                .map(metadata -> metadata.replaceAll("(?s).*\"actor\"\\s*:\\s*\"([^\"]*)\".*", "$1")).toList();
    }

    private int userCount(String email) {
        return jdbc.queryForObject("select count(*) from user_accounts where email_key = ?", Integer.class, email);
    }


}

package io.flexboard.commandapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.flexboard.foundation.identity.AccessTokens;
import io.flexboard.foundation.identity.Caller;
import io.flexboard.foundation.identity.Role;
import io.flexboard.idp.SamlIdentityProviderForTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * SAML 2.0 single sign-on against the real event store and broker, with Responses the test's IdP signs
 * ({@link SamlIdentityProviderForTests}): a valid one signs the person in; unsigned, expired, foreign-audience,
 * foreign-request, replayed and rogue-signed ones are refused with the problem they should be.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
// Closed after the class: the cached contexts of the other tests already hold most of PostgreSQL's connections.
@DirtiesContext
class SamlSignInTest {

    private static final String PROVIDER = "test-saml";
    private static final String PREFIX = "flexboard.sso.providers." + PROVIDER + ".";
    private static final String SP_ENTITY_ID = "https://flexboard.example/saml";
    private static final SamlIdentityProviderForTests idp = SamlIdentityProviderForTests.generate("idp");
    @TempDir
    static Path dataDir;
    private static String acme;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SignInTests.serviceProperties(registry, dataDir);
        registry.add(PREFIX + "type", () -> "saml");
        registry.add(PREFIX + "name", () -> "Test SAML IdP");
        registry.add(PREFIX + "idp-entity-id", () -> SamlIdentityProviderForTests.ENTITY_ID);
        registry.add(PREFIX + "idp-sso-url", () -> SamlIdentityProviderForTests.SSO_URL);
        registry.add(PREFIX + "idp-certificate", idp::certificate);
        registry.add(PREFIX + "sp-entity-id", () -> SP_ENTITY_ID);
        registry.add(PREFIX + "group-mappings[0].group", () -> "acme-editors");
        registry.add(PREFIX + "group-mappings[0].role", () -> "dashboard-editor");
        registry.add(PREFIX + "group-mappings[0].tenants", () -> "acme-saml");
    }

    WebTestClient http;
    String baseUrl;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccessTokens accessTokens;

    @LocalServerPort
    void client(int port) {
        baseUrl = "http://localhost:" + port;
        http = SignInTests.client(baseUrl);
    }

    @BeforeEach
    void tenant() {
        if (acme == null) {
            acme = SignInTests.createTenant(http, "acme-saml");
        }
    }

    @Test
    void a_sign_in_starts_with_an_authn_request_to_the_idp() {
        String location = http.get().uri(loginPath()).exchange().expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();

        assertThat(location).startsWith(SamlIdentityProviderForTests.SSO_URL + "?SAMLRequest=");
        assertThat(query(location)).containsKey("RelayState");
        assertThat(SamlIdentityProviderForTests.requestIdOf(query(location).get("SAMLRequest"))).isNotBlank();
    }

    @Test
    void a_signed_assertion_signs_the_person_in_with_the_role_and_tenants_of_their_groups() {
        Started started = start();

        String location = post(started, started.response("sam@idp.example").groups("acme-editors", "other").encoded())
                .expectStatus().isSeeOther().returnResult(Void.class).getResponseHeaders().getLocation().toString();

        assertThat(location).startsWith(baseUrl + "/#/signed-in?access_token=");
        Caller sam = accessTokens.verify(SignInTests.parameters(URI.create(location).getRawFragment().split("\\?", 2)[1])
                .get("access_token"));
        assertThat(sam.role()).isEqualTo(Role.DASHBOARD_EDITOR);
        assertThat(sam.tenantIds()).containsExactly(acme);
        assertThat(sam.displayName()).isEqualTo("SAML Tester");
        assertThat(jdbc.queryForList("select convert_from(metadata, 'UTF8') from domainevententry where aggregateidentifier = ?",
                String.class, sam.id())).singleElement().asString().contains("sso:test-saml");
    }

    @Test
    void an_unsigned_assertion_is_refused() {
        Started started = start();

        refused(post(started, started.response("ursula@idp.example").groups("acme-editors").unsigned().encoded()), 401,
                "not signed");
    }

    @Test
    void an_assertion_signed_by_another_key_is_refused() {
        Started started = start();

        refused(post(started, started.response("rob@idp.example").groups("acme-editors")
                .signedBy(SamlIdentityProviderForTests.rogue()).encoded()), 401, "Signature validation failed");
    }

    @Test
    void an_expired_assertion_is_refused() {
        Started started = start();

        refused(post(started, started.response("ed@idp.example").groups("acme-editors")
                .issuedAt(Instant.now().minus(Duration.ofHours(1))).encoded()), 401, "expired");
    }

    @Test
    void an_assertion_for_another_audience_is_refused() {
        Started started = start();

        refused(post(started, started.response("al@idp.example").groups("acme-editors")
                .audience("https://other-sp.example").encoded()), 401, "is not a valid audience");
    }

    @Test
    void a_response_to_another_request_is_refused() {
        Started started = start();

        refused(post(started, started.response("irene@idp.example").groups("acme-editors")
                .inResponseTo("_someone-elses-request").encoded()), 401, "does not match the ID of the AuthNRequest");
    }

    @Test
    void a_replayed_assertion_is_refused_even_in_answer_to_a_new_request() {
        Started first = start();
        SamlIdentityProviderForTests.Response original = first.response("rita@idp.example").groups("acme-editors");
        post(first, original.encoded()).expectStatus().isSeeOther();
        refused(post(first, original.encoded()), 401, "unknown, expired or already finished");

        Started second = start();

        refused(post(second, second.response("rita@idp.example").groups("acme-editors")
                .assertionId(original.assertionId()).encoded()), 401, "used before");
    }

    @Test
    void a_person_with_no_mapped_group_is_refused() {
        Started started = start();

        refused(post(started, started.response("nils@idp.example").groups("marketing").encoded()), 403,
                "None of your groups at Test SAML IdP");
    }

    @Test
    void an_email_flexboard_refuses_is_answered_403_and_no_user_is_made() {
        Started started = start();

        refused(post(started, started.response("not-an-email").groups("acme-editors").encoded()), 403,
                "not a valid Flexboard user");
        assertThat(jdbc.queryForObject("select count(*) from user_accounts where email_key = 'not-an-email'", Integer.class)).isZero();
    }

    @Test
    void a_post_without_relay_state_or_with_no_saml_response_names_the_field() {
        Started started = start();

        refused(http.post().uri(acsPath()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("SAMLResponse", "x")).exchange(), 400, "\"field\":\"RelayState\"");
        refused(post(started, "not base64 xml <"), 400, "\"field\":\"SAMLResponse\"");
    }

    @Test
    void an_oidc_route_answers_404_for_a_saml_provider() {
        refused(http.get().uri("/api/auth/sso/{id}/callback?code=a&state=b", PROVIDER).exchange(), 404, "No OIDC SSO provider");
    }

    /** A sign-in started at Flexboard: the RelayState and AuthnRequest ID the IdP's answer must carry. */
    private record Started(String relayState, String requestId, String acsUrl) {
        SamlIdentityProviderForTests.Response response(String email) {
            return idp.response(requestId, acsUrl, SP_ENTITY_ID, email);
        }
    }

    private Started start() {
        String location = http.get().uri(loginPath()).exchange().expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();
        Map<String, String> query = query(location);
        return new Started(query.get("RelayState"), SamlIdentityProviderForTests.requestIdOf(query.get("SAMLRequest")),
                baseUrl + acsPath());
    }

    private WebTestClient.ResponseSpec post(Started started, String samlResponse) {
        return http.post().uri(acsPath()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("SAMLResponse", samlResponse).with("RelayState", started.relayState()))
                .exchange();
    }

    private static void refused(WebTestClient.ResponseSpec response, int status, String detail) {
        response.expectStatus().isEqualTo(status).expectHeader().contentType("application/problem+json")
                .expectBody(String.class).value(body -> assertThat(body).contains(detail));
    }

    private static String loginPath() {
        return "/api/auth/sso/" + PROVIDER + "/login";
    }

    private static String acsPath() {
        return "/api/auth/sso/" + PROVIDER + "/acs";
    }

    private static Map<String, String> query(String url) {
        return SignInTests.parameters(URI.create(url).getRawQuery());
    }
}

package io.flexboard.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.idp.OidcProviderForTests;
import io.flexboard.infra.local.config.Settings;
import io.flexboard.infra.local.support.Browser;
import io.flexboard.infra.local.support.StackClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Single sign-on as a person does it: the local stack started with an OIDC provider in its data dir's
 * {@code sso.yml} (as docs/operations.md tells an operator), the builder in a real Chromium, the provider a real
 * Spring Authorization Server with its own login form. The provider's groups decide role and tenants.
 */
class SsoBrowserTest {

    private static final String ADMIN_TOKEN = "sso-browser-admin-token";
    private static final String PROVIDER = "test-idp";

    @TempDir
    static Path dataDir;

    private static OidcProviderForTests provider;
    private static LocalStack.Running stack;
    private static StackClient admin;

    @BeforeAll
    static void startProviderAndStack() throws Exception {
        provider = OidcProviderForTests.start();
        writeSsoConfig(provider.issuer());
        stack = LocalStack.start(Settings.forTest(dataDir, ADMIN_TOKEN));
        admin = new StackClient(stack.port(), ADMIN_TOKEN);
        projectedTenant("Acme Oidc", "acme-oidc");
        projectedTenant("Globex Oidc", "globex-oidc");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void a_tenant_admin_signs_in_at_the_provider_and_the_builder_shows_only_its_tenant() {
        OidcProviderForTests.groups.put("tina", List.of("acme-admins", "unmapped-group"));
        try (Browser browser = Browser.start(admin.baseUrl())) {
            signInAtProvider(browser, "tina");

            browser.find(By.cssSelector("[data-screen=overview]"));
            assertThat(browser.text(By.cssSelector("[data-testid=signed-in-as] strong"))).isEqualTo("Tina Tester");
            assertThat(browser.text(By.cssSelector("[data-testid=signed-in-role]"))).isEqualTo("Tenant admin");
            assertThat(browser.driver().getCurrentUrl()).as("the tokens are wiped from the address bar")
                    .doesNotContain("access_token");
            browser.click(By.cssSelector("nav a[href='/tenants']"));
            browser.find(By.cssSelector("tr[data-tenant='acme-oidc']"));
            assertThat(browser.all(By.cssSelector("tr[data-tenant]")))
                    .extracting(row -> row.getDomAttribute("data-tenant")).containsExactly("acme-oidc");
            assertThat(browser.all(By.xpath("//button[normalize-space()='+ New tenant']"))).as("a tenant-admin creates no tenants")
                    .isEmpty();
            browser.screenshot("sso-tenant-admin-tenants");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void a_person_whose_groups_map_to_nothing_sees_the_refusal_on_the_sign_in_screen() {
        OidcProviderForTests.groups.put("nora", List.of("marketing"));
        try (Browser browser = Browser.start(admin.baseUrl())) {
            signInAtProvider(browser, "nora");

            browser.waitForText(By.cssSelector("[data-testid=signin-notice]"), "None of your groups at Test IdP gives a Flexboard role");
            assertThat(browser.text(By.cssSelector("[data-testid=signin-notice]"))).startsWith("Single sign-on failed:");
            assertThat(browser.find(By.cssSelector("a[data-provider='" + PROVIDER + "']")).isDisplayed())
                    .as("the way to try again is right there").isTrue();
            assertThat(browser.driver().getCurrentUrl()).doesNotContain("error_description");
            browser.screenshot("sso-refused");
        }
    }

    @Test
    void the_sign_in_screen_lists_the_provider_from_the_data_dirs_sso_file() throws Exception {
        HttpResponse<String> providers = admin.get("/api/auth/providers", null, null);

        assertThat(providers.statusCode()).isEqualTo(200);
        assertThat(StackClient.JSON.readTree(providers.body()).get(0).get("name").asString()).isEqualTo("Test IdP");
    }

    /** Clicks the provider's button on the builder's sign-in screen and fills in the provider's own login form. */
    private static void signInAtProvider(Browser browser, String user) {
        browser.open("/");
        browser.click(By.cssSelector("a[data-provider='" + PROVIDER + "']"));
        browser.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(provider.issuer()) + "/"));
        browser.type(By.id("username"), user);
        browser.type(By.id("password"), OidcProviderForTests.PASSWORD);
        browser.click(By.cssSelector("button[type=submit]"));
        browser.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(admin.baseUrl()) + "/"));
    }

    /** The operator's file: the provider, and its groups mapped to a role on tenants named by slug. */
    private static void writeSsoConfig(String issuer) throws IOException {
        Files.writeString(dataDir.resolve(LocalStack.SSO_CONFIG_FILE), """
                flexboard:
                  sso:
                    providers:
                      %s:
                        type: oidc
                        name: Test IdP
                        issuer: %s
                        client-id: %s
                        client-secret: %s
                        group-mappings:
                          - { group: acme-admins, role: tenant-admin, tenants: [acme-oidc] }
                          - { group: globex-viewers, role: viewer, tenants: [globex-oidc] }
                """.formatted(PROVIDER, issuer, OidcProviderForTests.CLIENT_ID, OidcProviderForTests.CLIENT_SECRET));
    }

    /** A tenant that query-api already lists: the builder's tenant list must have had the chance to show it. */
    private static void projectedTenant(String name, String slug) throws Exception {
        HttpResponse<String> created = admin.command("POST", "/api/tenants", Map.of("name", name, "slug", slug), 201);
        String id = StackClient.JSON.readTree(created.body()).at("/tenant/id").asString();
        admin.getJson("/api/tenants/" + id, created.headers().firstValue("X-Consistency-Token").orElseThrow());
    }
}

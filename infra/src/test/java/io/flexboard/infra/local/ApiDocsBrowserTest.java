package io.flexboard.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.infra.local.config.Settings;
import io.flexboard.infra.local.support.Browser;
import io.flexboard.infra.local.support.StackClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * Swagger UI at /api/docs in headless Chromium through the local stack: each service's document renders under the
 * router's Content-Security-Policy (no violation in the console), and the documents are the services' own.
 */
class ApiDocsBrowserTest {

    private static final String ADMIN_TOKEN = "api-docs-admin-token";
    private static final Map<String, String> AN_OPERATION_OF = Map.of(
            "command-api", "/api/tenants/{tenantId}/versions/{versionId}/publish",
            "query-api", "/api/tenants/{tenantId}/history",
            "agent-bridge", "/api/agent/sync",
            "projector", "/api/ops/rebuilds/{id}");

    @TempDir
    static Path dataDir;

    private static LocalStack.Running stack;
    private static StackClient api;
    private static Browser browser;

    @BeforeAll
    static void startStackAndBrowser() {
        stack = LocalStack.start(Settings.forTest(dataDir, ADMIN_TOKEN));
        api = new StackClient(stack.port(), ADMIN_TOKEN);
        browser = Browser.start(api.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void each_services_document_is_served_by_the_router_with_the_routers_own_url_as_server() throws Exception {
        for (String service : AN_OPERATION_OF.keySet()) {
            HttpResponse<String> document = api.get("/api/docs/" + service + ".json", null, null);
            assertThat(document.statusCode()).as(service).isEqualTo(200);
            JsonNode json = StackClient.JSON.readTree(document.body());
            assertThat(json.get("openapi").asString()).startsWith("3.1");
            assertThat(json.at("/paths").has(AN_OPERATION_OF.get(service))).as(service).isTrue();
            assertThat(json.at("/servers/0/url").asString()).isEqualTo(api.baseUrl());
        }
        assertThat(api.get("/api/docs/billing.json", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void swagger_ui_shows_every_document_without_a_content_security_policy_violation() {
        for (Map.Entry<String, String> service : AN_OPERATION_OF.entrySet()) {
            browser.open("/api/docs?urls.primaryName=" + service.getKey());
            browser.waitFor(driver -> driver.findElements(By.cssSelector(".opblock-summary-path")).stream()
                    .anyMatch(path -> path.getText().replace("\u200B", "").equals(service.getValue())));
            assertThat(browser.all(By.cssSelector(".opblock")).size()).as(service.getKey()).isPositive();
        }
        browser.screenshot("api-docs");

        assertThat(browser.consoleErrors()).isEmpty();
    }
}

package io.flexboard.queryapi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The static lag page is served by query-api without a token; only the /api/ops/lag it polls needs one. */
class LagPageTest extends QueryApiIntegrationTest {

    @Test
    void givenNoToken_whenTheLagPageIsRequested_thenItIsServedWithTheTokenFormTheReportAndItsScript() {
        String page = anonymous().get().uri("/ops/lag.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<form id=\"token-form\"", "<main id=\"report\"", "id=\"relay-status\"",
                "<template id=\"group-card\"", "class=\"total-lag-chart\"", "<script src=\"lag.js\"></script>",
                "href=\"lag.css\"");
    }

    @Test
    void givenThePage_whenItsScriptAndStylesAreRequested_thenTheScriptPollsTheLagEndpointWithTheBearerToken() {
        String script = anonymous().get().uri("/ops/lag.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        anonymous().get().uri("/ops/lag.css").exchange().expectStatus().isOk();

        assertThat(script).contains("'../api/ops/lag'", "'Bearer ' + token()", "sessionStorage", "POLL_MS = 5000");
    }

    @Test
    void givenNoToken_whenThePagePollsTheEndpoint_thenTheEndpointStillAsksForTheToken() {
        anonymous().get().uri("/api/ops/lag").exchange().expectStatus().isUnauthorized();
    }
}

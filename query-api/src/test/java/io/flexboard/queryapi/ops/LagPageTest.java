package io.flexboard.queryapi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The static lag page is served by query-api without a token; only the /api/ops/lag it polls needs one. */
class LagPageTest extends QueryApiIntegrationTest {

    @Test
    void given_no_token_when_the_lag_page_is_requested_then_it_is_served_with_the_token_form_the_report_and_its_script() {
        String page = anonymous().get().uri("/ops/lag.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<form id=\"token-form\"", "<main id=\"report\"", "id=\"relay-status\"",
                "<template id=\"group-card\"", "class=\"total-lag-chart\"", "<script src=\"lag.js\"></script>",
                "href=\"lag.css\"");
    }

    @Test
    void given_the_page_when_its_script_and_styles_are_requested_then_the_script_polls_the_lag_endpoint_with_the_bearer_token() {
        String script = anonymous().get().uri("/ops/lag.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        anonymous().get().uri("/ops/lag.css").exchange().expectStatus().isOk();

        assertThat(script).contains("'../api/ops/lag'", "'Bearer ' + token()", "sessionStorage", "POLL_MS = 5000");
    }

    @Test
    void given_no_token_when_the_page_polls_the_endpoint_then_the_endpoint_still_asks_for_the_token() {
        anonymous().get().uri("/api/ops/lag").exchange().expectStatus().isUnauthorized();
    }
}

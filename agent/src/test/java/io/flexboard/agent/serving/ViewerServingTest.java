package io.flexboard.agent.serving;

import static io.flexboard.agent.support.PublishedConfigurations.publishedVersion;
import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agent.store.AppliedConfiguration;
import io.flexboard.agent.support.NoDataSources;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The viewer's files as the agent serves them from the flexboard-viewer jar on its classpath (the real
 * build: the viewer module is built before the agent).
 */
class ViewerServingTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final ServedState served = new ServedState();
    private LocalConfigServer server;

    @BeforeEach
    void start() throws IOException {
        served.replace(AppliedConfiguration.of(3, publishedVersion(3), Instant.parse("2026-03-01T10:00:00Z")));
        server = LocalConfigServer.start(0, Set.of(), served, NoDataSources.widgetData());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_root_opens_the_viewer_never_cached_with_the_security_headers() throws IOException {
        String answer = RawRequest.get("/").header("Accept", HTML).sendTo(server.port());

        assertThat(answer).startsWith("HTTP/1.1 200")
                .contains("Content-type: text/html; charset=utf-8", "Cache-control: no-store", "<div id=\"app\"></div>");
        assertSecurityHeaders(answer);
    }

    @Test
    void a_hashed_script_is_served_with_its_type_and_a_year_long_immutable_cache() throws IOException {
        String script = hashedScript();

        String answer = RawRequest.get(script).sendTo(server.port());

        assertThat(answer).startsWith("HTTP/1.1 200")
                .contains("Content-type: text/javascript; charset=utf-8", "Cache-control: public, max-age=31536000, immutable");
        assertSecurityHeaders(answer);
    }

    @Test
    void a_deep_link_a_browser_navigates_to_opens_the_viewer_but_a_script_request_gets_404() throws IOException {
        assertThat(RawRequest.get("/d/sales").header("Accept", HTML).sendTo(server.port()))
                .startsWith("HTTP/1.1 200").contains("<div id=\"app\"></div>", "Cache-control: no-store");

        String script = RawRequest.get("/d/sales").header("Accept", "*/*").sendTo(server.port());
        assertThat(script).startsWith("HTTP/1.1 404").contains("application/problem+json", "no such path: /d/sales")
                .doesNotContain("<div id=\"app\">");
        assertThat(RawRequest.get("/assets/missing-0000.js").sendTo(server.port())).startsWith("HTTP/1.1 404");
    }

    @Test
    void paths_that_climb_out_or_name_other_classpath_files_are_not_found_whatever_the_accept_header() throws IOException {
        for (String path : new String[] {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2f..%2fpom.xml",
                "/assets/%2e%2e/index.html", "/io/flexboard/agent/AgentMain.class", "/flexboard-agent.properties",
                "/META-INF/MANIFEST.MF", "/assets", "/assets/", "/.hidden.js", "/index.html%00.js", "/assets\\index.js",
                "/" + "a/".repeat(300) + "x.js", "/%C0%AE%C0%AE/etc/passwd"}) {
            String answer = RawRequest.get(path).header("Accept", "*/*").sendTo(server.port());

            assertThat(answer).as(path).matches("(?s)HTTP/1\\.1 (400|404) .*").doesNotContain("root:x:", "<project", "PK\u0003\u0004");
        }
    }

    @Test
    void only_get_reaches_the_viewer() throws IOException {
        String answer = RawRequest.of("POST", "/").header("Content-Length", "0").sendTo(server.port());

        assertThat(answer).startsWith("HTTP/1.1 405").contains("Allow: GET", "\"detail\":\"only GET\"");
    }

    @Test
    void the_api_keeps_its_own_answers_and_the_security_headers() throws IOException {
        String config = RawRequest.get("/config").sendTo(server.port());
        assertThat(config).startsWith("HTTP/1.1 200").contains("X-config-version: 3");
        assertSecurityHeaders(config);
        assertThat(RawRequest.get("/api/nothing").header("Accept", HTML).sendTo(server.port()))
                .startsWith("HTTP/1.1 404").contains("\"type\":\"https://flexboard.io/problems/not-found\"").doesNotContain("<div id=\"app\">");
    }

    @Test
    void a_foreign_host_gets_421_without_the_viewer() throws IOException {
        String answer = RawRequest.get("/").header("Host", "attacker.example:" + server.port()).header("Accept", HTML).sendTo(server.port());

        assertThat(answer).startsWith("HTTP/1.1 421").doesNotContain("<div id=\"app\">");
        assertSecurityHeaders(answer);
    }

    private String hashedScript() throws IOException {
        String index = RawRequest.get("/").sendTo(server.port());
        Matcher script = Pattern.compile("src=\"\\.?(/assets/[A-Za-z0-9._-]+\\.js)\"").matcher(index);
        assertThat(script.find()).as("index.html names its script: %s", index).isTrue();
        return script.group(1);
    }

    private static void assertSecurityHeaders(String answer) {
        assertThat(answer).contains(
                "Content-security-policy: default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
                "X-content-type-options: nosniff",
                "Referrer-policy: no-referrer");
    }
}

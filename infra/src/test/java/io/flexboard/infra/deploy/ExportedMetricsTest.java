package io.flexboard.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.infra.local.LocalStack;
import io.flexboard.infra.local.config.Settings;
import io.flexboard.infra.local.services.Service;
import io.flexboard.infra.local.support.StackClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The check that matters: every metric name an alert or a dashboard panel reads is really exported
 * by a service. Starts the local stack, walks a builder's and an agent's story so lazily created
 * meters exist, then scrapes each service's Prometheus text through the router's
 * {@code GET /metrics/{service}} until the lag monitor has sampled.
 */
class ExportedMetricsTest {

    private static final String ADMIN_TOKEN = "metrics-admin-token";
    /** The lag monitor samples every 5 s; partition series appear once the projector committed. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final List<String> SUFFIXES = List.of("_total", "_count", "_sum", "_bucket", "_max", "_created");

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void every_metric_the_alerts_and_the_dashboard_read_is_exported_by_a_service() throws Exception {
        Map<String, Set<String>> wanted = MonitoringQueries.scrapedMetricNames();
        Scrape scrape;

        try (LocalStack.Running stack = LocalStack.start(Settings.forTest(dataDir, ADMIN_TOKEN))) {
            StackClient client = new StackClient(stack.port(), ADMIN_TOKEN);
            builderPublishesAndAnAgentSyncs(client);
            assertThat(stack.services().bean(Service.AGENT_BRIDGE, MeterRegistry.class)
                    .get("flexboard.agentbridge.direct.syncs").counter().count())
                    .as("syncs the router handed to the bridge's direct route").isPositive();

            long deadline = System.nanoTime() + PATIENCE.toNanos();
            do {
                scrape = scrape(client);
                if (scrape.missing(wanted.keySet()).isEmpty()) {
                    break;
                }
                Thread.sleep(2_000);
            } while (System.nanoTime() < deadline);
        }

        List<String> report = new ArrayList<>(scrape.problems);
        for (String name : scrape.missing(wanted.keySet())) {
            report.add(name + " (used by " + wanted.get(name) + ")" + scrape.hint(name));
        }
        assertThat(report).as("metric names read by alerts.yml or flexboard.json that no service exports").isEmpty();
    }

    private static void builderPublishesAndAnAgentSyncs(StackClient client) throws Exception {
        JsonNode tenant = StackClient.JSON.readTree(client.command("POST", "/api/tenants", Map.of("name", "Acme", "slug", "acme"), 201).body());
        String tenantId = tenant.at("/tenant/id").asString();
        String apiKey = tenant.get("api_key").asString();
        String dashboardId = StackClient.JSON.readTree(client.command("POST", "/api/tenants/" + tenantId + "/dashboards",
                Map.of("name", "Sales", "slug", "sales"), 201).body()).get("id").asString();
        client.command("PUT", "/api/dashboards/" + dashboardId + "/widgets", Map.of("widgets", List.of(Map.of(
                "name", "sales-by-month", "config", Map.of("query", "SELECT 1", "type", "bar")))), 200);
        String versionId = StackClient.JSON.readTree(client.command("POST", "/api/tenants/" + tenantId + "/versions",
                Map.of("message", "first"), 201).body()).get("id").asString();
        HttpResponse<String> publish = client.command("POST", "/api/tenants/" + tenantId + "/versions/" + versionId + "/publish", null, 200);
        String token = publish.headers().firstValue("X-Consistency-Token").orElseThrow();
        client.sync(tenantId, apiKey, 0, token);
        // Without a token, an ordinary sync: through the router it takes the bridge's direct route (DirectRoutes).
        client.sync(tenantId, apiKey, 1, null);
        client.getJson("/api/tenants", token);
        // A paused tenant's refused sync, so the paused-syncs counter FlexboardAgentSilent reads exists.
        String paused = client.command("POST", "/api/tenants/" + tenantId + "/pause", null, 200)
                .headers().firstValue("X-Consistency-Token").orElseThrow();
        client.send("POST", "/api/agent/sync", Map.of("tenant_id", tenantId, "current_version", 1), apiKey, paused);
        client.command("POST", "/api/tenants/" + tenantId + "/activate", null, 200);
        // A 404 too, so an error status is among the request meters.
        client.get("/api/tenants/00000000-0000-0000-0000-000000000000", ADMIN_TOKEN, null);
    }

    private Scrape scrape(StackClient client) throws Exception {
        Scrape scrape = new Scrape();
        for (Service service : Service.values()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(client.baseUrl() + "/metrics/" + service.serviceName()))
                    .header("Accept", "text/plain;version=0.0.4").timeout(Duration.ofSeconds(10)).GET().build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                scrape.problems.add(service.serviceName() + ": GET /metrics did not answer within 10 s");
                continue;
            }
            if (response.statusCode() != 200) {
                scrape.problems.add(service.serviceName() + ": GET /metrics answered " + response.statusCode() + " "
                        + response.body().substring(0, Math.min(200, response.body().length())));
                continue;
            }
            for (String line : response.body().split("\n")) {
                if (line.startsWith("# TYPE ")) {
                    String family = line.substring(7, line.indexOf(' ', 7));
                    scrape.families.computeIfAbsent(family, key -> new TreeSet<>()).add(service.serviceName());
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    int end = 0;
                    while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                        end++;
                    }
                    scrape.samples.computeIfAbsent(line.substring(0, end), key -> new TreeSet<>()).add(service.serviceName());
                }
            }
        }
        return scrape;
    }

    /** What one round of scrapes found: sample names (what PromQL reads) and family names, by service. */
    private static final class Scrape {
        final Map<String, Set<String>> samples = new TreeMap<>();
        final Map<String, Set<String>> families = new TreeMap<>();
        final List<String> problems = new ArrayList<>();

        /** PromQL selects sample names exactly: a counter's x_total, a timer's x_seconds_count. */
        Set<String> missing(Set<String> wanted) {
            Set<String> missing = new TreeSet<>(wanted);
            missing.removeAll(samples.keySet());
            return missing;
        }

        /** The family a missing name would belong to, and the sample names it does export. */
        String hint(String name) {
            String base = name;
            for (String suffix : SUFFIXES) {
                if (base.endsWith(suffix)) {
                    base = base.substring(0, base.length() - suffix.length());
                    break;
                }
            }
            String family = base;
            List<String> variants = samples.keySet().stream().filter(sample -> sample.equals(family) || sample.startsWith(family + "_")).toList();
            return variants.isEmpty() ? "" : "; exported instead: " + variants + " by " + samples.get(variants.get(0));
        }
    }
}

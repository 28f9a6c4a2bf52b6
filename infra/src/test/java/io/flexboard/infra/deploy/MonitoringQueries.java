package io.flexboard.infra.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** Every PromQL expression of the alert rules and of the Grafana dashboard, with where it is used. */
final class MonitoringQueries {

    /** Series Prometheus makes itself, not scraped from a service. */
    static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped", "ALERTS", "ALERTS_FOR_STATE");

    private MonitoringQueries() {
    }

    /** Where (alert or panel) → expression. */
    @SuppressWarnings("unchecked")
    static Map<String, String> expressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        Map<String, Object> rules = DeployFiles.yaml(DeployFiles.path("prometheus/alerts.yml"));
        for (Object group : (List<Object>) rules.get("groups")) {
            for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
                Map<String, Object> r = (Map<String, Object>) rule;
                expressions.put("alert " + r.get("alert"), String.valueOf(r.get("expr")));
            }
        }
        for (JsonNode panel : panels(DeployFiles.json(DeployFiles.path("grafana/flexboard.json")))) {
            int n = 0;
            for (JsonNode target : panel.path("targets")) {
                expressions.put("panel " + panel.get("title").asString() + " #" + (++n), target.get("expr").asString());
            }
        }
        return expressions;
    }

    /** Metric name → where it is used, without the series Prometheus makes itself. */
    static Map<String, Set<String>> scrapedMetricNames() {
        Map<String, Set<String>> names = new TreeMap<>();
        expressions().forEach((where, expr) -> {
            for (String name : PromQl.metricNames(expr)) {
                if (!SYNTHETIC.contains(name)) {
                    names.computeIfAbsent(name, key -> new TreeSet<>()).add(where);
                }
            }
        });
        return names;
    }

    /** Panels, including those nested in collapsed rows. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }
}

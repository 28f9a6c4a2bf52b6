package io.flexboard.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.flexboard.infra.local.router.LocalRouter;
import org.junit.jupiter.api.Test;

/** The compose stack: every service is buildable or pulled, health-checked, and configured from .env. */
class ComposeFileTest {

    private static final Path COMPOSE = DeployFiles.path("compose/docker-compose.yml");
    private static final Path NGINX = DeployFiles.path("compose/gateway/nginx.conf");
    private static final Path BUILDER_UI_NGINX = DeployFiles.path("builder-ui/nginx.conf");
    /** ${NAME}, ${NAME:-default}, ${NAME:?error}; $${…} is an escaped literal for the container's shell. */
    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
    private static final Map<String, Integer> FLEXBOARD_PORTS = Map.of("command-api", 8081, "query-api", 8082, "agent-bridge", 8083, "projector", 8084);

    @Test
    void every_service_has_an_image_or_a_build_and_a_health_check() {
        Map<String, Object> services = services();

        assertThat(services).containsKeys("kafka", "postgres", "command-api", "projector", "query-api", "agent-bridge", "builder-ui", "gateway",
                "prometheus", "grafana");
        services.forEach((name, definition) -> {
            Map<String, Object> service = map(definition);
            assertThat(service.containsKey("image") || service.containsKey("build")).as(name + " has neither image nor build").isTrue();
            assertThat(map(service.get("healthcheck"))).as(name + " health check").containsKey("test");
        });
    }

    @Test
    void the_four_services_are_built_from_their_exec_jar_and_ready_on_health_readiness() {
        FLEXBOARD_PORTS.forEach((name, port) -> {
            Map<String, Object> service = map(services().get(name));
            Map<String, Object> build = map(service.get("build"));
            assertThat(map(build.get("args"))).as(name).containsEntry("SERVICE", name);
            Path context = COMPOSE.getParent().resolve(String.valueOf(build.get("context"))).normalize();
            assertThat(context.resolve(String.valueOf(build.get("dockerfile")))).as(name + " Dockerfile").exists();
            assertThat(context.resolve(name).resolve("pom.xml")).as(name + " module in the build context").exists();
            assertThat(String.join(" ", strings(map(service.get("healthcheck")).get("test"))))
                    .as(name).contains("http://127.0.0.1:" + port + "/health/readiness");
        });
    }

    @Test
    void the_services_read_the_database_kafka_and_the_admin_token_from_the_environment() {
        assertThat(environment("command-api")).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "FLEXBOARD_ADMIN_TOKEN");
        assertThat(environment("projector")).containsKeys("SPRING_R2DBC_URL", "SPRING_FLYWAY_URL", "SPRING_KAFKA_BOOTSTRAP_SERVERS",
                "FLEXBOARD_ADMIN_TOKEN");
        assertThat(environment("query-api")).containsKeys("SPRING_R2DBC_URL", "SPRING_KAFKA_BOOTSTRAP_SERVERS", "FLEXBOARD_ADMIN_TOKEN");
        assertThat(environment("agent-bridge")).containsKeys("SPRING_R2DBC_URL", "SPRING_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(String.valueOf(environment("command-api").get("SPRING_DATASOURCE_URL"))).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(String.valueOf(environment("query-api").get("SPRING_R2DBC_URL"))).startsWith("r2dbc:postgresql://postgres:5432/");
    }

    @Test
    void every_variable_the_compose_file_uses_is_in_env_example_and_every_example_is_used() throws Exception {
        Set<String> used = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(DeployFiles.read(COMPOSE));
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        Set<String> example = new LinkedHashSet<>();
        for (String line : Files.readAllLines(DeployFiles.path("compose/.env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                example.add(line.substring(0, line.indexOf('=')));
            }
        }

        assertThat(used).contains("FLEXBOARD_ADMIN_TOKEN", "POSTGRES_PASSWORD", "KAFKA_CLUSTER_ID");
        assertThat(example).as(".env.example").containsAll(used);
        assertThat(used).as("variables of .env.example the compose file never reads").containsAll(example);
    }

    @Test
    void kafka_is_one_kraft_node_and_kafka_and_postgres_keep_their_data_on_volumes() {
        Map<String, Object> kafka = map(services().get("kafka"));
        Map<String, Object> env = map(kafka.get("environment"));
        assertThat(String.valueOf(kafka.get("image"))).startsWith("apache/kafka:");
        assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller").doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(strings(kafka.get("volumes"))).anyMatch(volume -> volume.startsWith("kafka-data:") && volume.endsWith(String.valueOf(env.get("KAFKA_LOG_DIRS"))));
        assertThat(strings(map(services().get("postgres")).get("volumes"))).contains("postgres-data:/var/lib/postgresql/data");
        assertThat(map(DeployFiles.yaml(COMPOSE).get("volumes"))).containsKeys("kafka-data", "postgres-data");
    }

    @Test
    void prometheus_scrapes_every_service_s_metrics_and_loads_the_alerts() {
        Map<String, Object> config = DeployFiles.yaml(DeployFiles.path("prometheus/prometheus.yml"));
        assertThat(strings(config.get("rule_files"))).contains("/etc/prometheus/alerts.yml");
        List<Object> jobs = list(config.get("scrape_configs"));
        FLEXBOARD_PORTS.forEach((name, port) -> {
            Map<String, Object> job = jobs.stream().map(ComposeFileTest::map).filter(j -> name.equals(j.get("job_name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no scrape job " + name));
            assertThat(job).containsEntry("metrics_path", "/metrics");
            assertThat(strings(map(list(job.get("static_configs")).get(0)).get("targets"))).containsExactly(name + ":" + port);
        });
        assertThat(strings(map(services().get("prometheus")).get("volumes")))
                .contains("../prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro", "../prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
    }

    @Test
    void every_file_mounted_into_a_container_is_in_the_repository() {
        services().forEach((name, definition) -> {
            for (String volume : strings(map(definition).getOrDefault("volumes", List.of()))) {
                if (volume.startsWith(".")) {
                    assertThat(COMPOSE.getParent().resolve(volume.substring(0, volume.indexOf(':'))).normalize()).as(name + " mounts").exists();
                }
            }
        });
    }

    @Test
    void the_gateway_forwards_the_normalised_path_it_routed_on_from_every_proxying_location() {
        String nginx = DeployFiles.read(NGINX);
        Matcher location = Pattern.compile("location\\s+(?:=\\s+)?(/api[^\\s{]*)\\s*\\{([^}]*)}").matcher(nginx);
        int proxying = 0;
        while (location.find()) {
            String body = location.group(2);
            if (body.contains("proxy_pass")) {
                proxying++;
                // without a rewrite, a proxy_pass without URI forwards the raw request line (/%61pi/… as is)
                assertThat(body).as(location.group(1)).contains("rewrite ^ $uri break;");
                assertThat(body.indexOf("rewrite ^ $uri break;")).as(location.group(1)).isLessThan(body.indexOf("proxy_pass"));
            }
        }
        // agent-bridge, two of the projector, single sign-on's two (command-api, GETs included), the rest of /api
        assertThat(proxying).as("proxying /api locations").isEqualTo(6);
    }

    @Test
    void the_gateway_refuses_raw_paths_a_service_would_decode_differently_and_keeps_ordinary_ones() {
        List<Pattern> ambiguous = ambiguousPathPatterns();
        assertThat(DeployFiles.read(NGINX)).contains("if ($path_is_ambiguous)");

        for (String refused : List.of("/api;x/tenants", "/api/tenants;jsessionid=1", "/api/%2F/tenants", "/api/a%2fb", "/api/a%5Cb",
                "/api/a\\b", "/api/%2e%2e/x", "/api/%2E/x", "/api/tenants%3Bx", "/api/x%00", "/api/../x", "/api/./x", "/api/..",
                "/api/..?q=1")) {
            assertThat(ambiguous).as(refused).anyMatch(pattern -> pattern.matcher(refused).find());
        }
        for (String kept : List.of("/api/tenants", "/%61pi/tenants", "/api/tenants?q=a%2Fb;c", "/api/tenants/%C3%BC", "/api/v1.2/x",
                "/api/tenants?q=../x", "/api/agent/sync", "/api/x..y")) {
            assertThat(ambiguous).as(kept).noneMatch(pattern -> pattern.matcher(kept).find());
        }
    }

    @Test
    void the_gateway_bounds_headers_bodies_and_every_wait_yet_lets_a_sync_park_for_its_58_seconds() {
        String nginx = DeployFiles.read(NGINX);

        assertThat(directive(nginx, "client_max_body_size")).isEqualTo("256k");
        assertThat(seconds(directive(nginx, "client_header_timeout"))).isBetween(1, 10);
        assertThat(seconds(directive(nginx, "client_body_timeout"))).isBetween(1, 30);
        assertThat(seconds(directive(nginx, "keepalive_timeout"))).isBetween(1, 75);
        assertThat(seconds(directive(nginx, "send_timeout"))).isBetween(1, 60);
        assertThat(directive(nginx, "large_client_header_buffers")).isEqualTo("4 8k");
        assertThat(directive(nginx, "underscores_in_headers")).isEqualTo("off");
        assertThat(directive(nginx, "merge_slashes")).isEqualTo("on");
        Matcher agents = Pattern.compile("location /api/agent/ \\{([^}]*)}").matcher(nginx);
        assertThat(agents.find()).isTrue();
        assertThat(seconds(directive(agents.group(1), "proxy_read_timeout"))).isGreaterThanOrEqualTo(65);
    }

    /** The map's regular expressions as nginx reads them ("~*" = any case; in quotes, two backslashes are one). */
    private static List<Pattern> ambiguousPathPatterns() {
        Matcher map = Pattern.compile("map \\$request_uri \\$path_is_ambiguous \\{([^}]*)}").matcher(DeployFiles.read(NGINX));
        assertThat(map.find()).as("map $request_uri $path_is_ambiguous").isTrue();
        List<Pattern> patterns = new java.util.ArrayList<>();
        Matcher entry = Pattern.compile("\"(~\\*?)([^\"]*)\"\\s+1;").matcher(map.group(1));
        while (entry.find()) {
            String regex = entry.group(2).replace("\\\\", "\\");
            patterns.add(Pattern.compile(regex, entry.group(1).equals("~*") ? Pattern.CASE_INSENSITIVE : 0));
        }
        assertThat(patterns).hasSize(2);
        return patterns;
    }

    @Test
    void the_gateway_answers_every_path_outside_api_with_the_builder_ui_instead_of_404() {
        String nginx = DeployFiles.read(NGINX);
        Matcher root = Pattern.compile("location / \\{([^}]*)}").matcher(nginx);

        assertThat(root.find()).as("location /").isTrue();
        assertThat(root.group(1)).contains("rewrite ^ $uri break;").contains("proxy_pass http://builder-ui;").doesNotContain("return 404");
        assertThat(nginx).containsPattern("upstream builder-ui\\s*\\{[^}]*server builder-ui:8085");
        Map<String, Object> builderUi = map(services().get("builder-ui"));
        Path context = COMPOSE.getParent().resolve(String.valueOf(map(builderUi.get("build")).get("context"))).normalize();
        assertThat(context.resolve(String.valueOf(map(builderUi.get("build")).get("dockerfile")))).exists();
        assertThat(String.join(" ", strings(map(builderUi.get("healthcheck")).get("test")))).contains("http://127.0.0.1:8085/health/readiness");
        assertThat(map(map(services().get("gateway")).get("depends_on"))).containsKey("builder-ui");
    }

    @Test
    void the_builder_ui_s_pages_carry_the_local_stack_s_content_security_policy_and_any_page_path_is_its_index() {
        String ui = DeployFiles.read(BUILDER_UI_NGINX);
        Matcher csp = Pattern.compile("set \\$csp \"([^\"]*)\";").matcher(ui);
        Matcher index = Pattern.compile("location = /index.html \\{([^}]*)}").matcher(ui);
        Matcher pages = Pattern.compile("location / \\{([^}]*)}").matcher(ui);

        assertThat(csp.find()).as("set $csp").isTrue();
        assertThat(csp.group(1)).isEqualTo(LocalRouter.CONTENT_SECURITY_POLICY);
        assertThat(index.find()).isTrue();
        assertThat(index.group(1)).contains("add_header Content-Security-Policy $csp always;")
                .contains("add_header Referrer-Policy no-referrer always;").contains("add_header X-Content-Type-Options nosniff always;");
        assertThat(pages.find()).isTrue();
        assertThat(pages.group(1)).contains("try_files $uri /index.html;");
        assertThat(directive(ui, "listen")).isEqualTo("8085");
        assertThat(directive(ui, "root")).isEqualTo("/usr/share/flexboard/builder-ui");
        // The image copies Vite's output (builder-ui/vite.config.ts: target/classes/builder-ui) to that root.
        assertThat(DeployFiles.read(DeployFiles.path("builder-ui/Dockerfile")))
                .contains("COPY builder-ui/target/classes/builder-ui /usr/share/flexboard/builder-ui")
                .contains("COPY infra/deploy/builder-ui/nginx.conf /etc/nginx/conf.d/default.conf");
    }

    @Test
    void the_access_tokens_key_is_a_secret_file_given_to_the_services_that_sign_and_verify_them() {
        for (String service : List.of("command-api", "query-api", "projector")) {
            assertThat(environment(service)).as(service).containsEntry("FLEXBOARD_JWT_KEY_FILE", "/run/secrets/jwt-signing-key");
            assertThat(strings(map(services().get(service)).get("secrets"))).as(service).containsExactly("jwt-signing-key");
        }
        assertThat(String.valueOf(map(map(DeployFiles.yaml(COMPOSE).get("secrets")).get("jwt-signing-key")).get("file")))
                .isEqualTo("${FLEXBOARD_JWT_KEY_PATH:?set FLEXBOARD_JWT_KEY_PATH in .env}");
    }

    private static String directive(String config, String name) {
        Matcher matcher = Pattern.compile("(?m)^\\s*" + name + "\\s+([^;]+);").matcher(config);
        assertThat(matcher.find()).as(name).isTrue();
        return matcher.group(1).trim();
    }

    private static int seconds(String value) {
        assertThat(value).matches("\\d+s");
        return Integer.parseInt(value.substring(0, value.length() - 1));
    }

    private static Map<String, Object> services() {
        return map(DeployFiles.yaml(COMPOSE).get("services"));
    }

    private static Map<String, Object> environment(String service) {
        return map(map(services().get(service)).get("environment"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}

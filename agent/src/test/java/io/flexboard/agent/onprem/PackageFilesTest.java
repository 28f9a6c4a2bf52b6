package io.flexboard.agent.onprem;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agent.settings.AgentSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml, .env.example and the systemd unit parse and agree with each other and with the agent. */
class PackageFilesTest {

    /** ${NAME}, ${NAME:-default}, ${NAME:?message}; "$${…}" is compose's escape for the container's shell. */
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

    private static final Path PACKAGE = StagedInstallation.PACKAGE;

    @Test
    void given_the_compose_file_when_parsed_then_the_agent_runs_the_jar_on_java_17_with_its_data_dir_on_a_volume_and_a_healthcheck_on_status() throws IOException {
        Map<String, Object> agent = composeService("agent");

        assertThat(agent.get("image")).isEqualTo("${AGENT_IMAGE:-eclipse-temurin:17-jre}");
        assertThat(agent.get("restart")).isEqualTo("unless-stopped");
        assertThat(agent.get("network_mode")).isEqualTo("host");
        assertThat(agent.get("command")).asList()
                .containsExactly("java", "-jar", "/opt/flexboard-agent/flexboard-agent.jar", "run", "--data-dir", "/var/lib/flexboard-agent");
        assertThat(agent.get("volumes")).asList().contains(
                "./flexboard-agent.jar:/opt/flexboard-agent/flexboard-agent.jar:ro",
                "${AGENT_DATA_PATH:-./data}:/var/lib/flexboard-agent");
        @SuppressWarnings("unchecked")
        Map<String, Object> healthcheck = (Map<String, Object>) agent.get("healthcheck");
        assertThat(String.join(" ", stringList(healthcheck.get("test"))))
                .contains("/dev/tcp/127.0.0.1/$${AGENT_HTTP_PORT:-8090}").contains("GET /status");
    }

    @Test
    void given_the_compose_file_when_its_variables_are_listed_then_every_one_is_in_env_example() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher matcher = COMPOSE_VARIABLE.matcher(Files.readString(PACKAGE.resolve("docker-compose.yml")));
        while (matcher.find()) {
            used.add(matcher.group(1));
        }

        assertThat(used).isNotEmpty();
        assertThat(envExample().keySet()).containsAll(used);
    }

    @Test
    void given_the_compose_file_when_the_agents_environment_is_read_then_it_passes_every_setting_the_agent_reads() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) composeService("agent").get("environment");

        assertThat(environment).containsKeys(AgentSettings.CONTROL_PLANE_URL, AgentSettings.AGENT_API_KEY, AgentSettings.TENANT_ID,
                AgentSettings.AGENT_ID, AgentSettings.AGENT_WAIT_SECONDS, AgentSettings.AGENT_HTTP_PORT,
                AgentSettings.AGENT_FULL_RESYNC_INTERVAL, AgentSettings.AGENT_ALLOWED_HOSTS, AgentSettings.AGENT_MAX_RETRY_AFTER,
                "AGENT_LOG_LEVEL", AgentSettings.AGENT_DATA_SOURCES_FILE, AgentSettings.AGENT_DATA_MAX_ROWS,
                AgentSettings.AGENT_HTTP_HOST, AgentSettings.AGENT_VIEWER_PASSWORD_HASH);
        assertThat(environment.get(AgentSettings.AGENT_API_KEY)).asString().startsWith("${AGENT_API_KEY:?");
    }

    @Test
    void given_env_example_when_parsed_then_every_line_is_a_comment_or_an_assignment_and_the_required_settings_are_empty() throws IOException {
        Map<String, String> settings = envExample();

        assertThat(settings).containsEntry(AgentSettings.CONTROL_PLANE_URL, "").containsEntry(AgentSettings.AGENT_API_KEY, "")
                .containsEntry(AgentSettings.TENANT_ID, "").containsEntry(AgentSettings.AGENT_WAIT_SECONDS, "50")
                .containsEntry(AgentSettings.AGENT_HTTP_PORT, "8090").containsKey(AgentSettings.AGENT_ID);
        assertThat(settings).doesNotContainKey(AgentSettings.AGENT_DATA_DIR);
    }

    @Test
    void given_the_systemd_unit_when_read_then_it_runs_the_jar_as_its_own_user_with_the_settings_file_and_may_write_only_the_data_dir() throws IOException {
        List<String> unit = Files.readAllLines(PACKAGE.resolve("flexboard-agent.service"));

        assertThat(unit).contains("User=flexboard-agent", "EnvironmentFile=/etc/flexboard-agent/agent.env",
                "ExecStart=/usr/bin/java $AGENT_JAVA_OPTS -jar /opt/flexboard-agent/flexboard-agent.jar run --data-dir /var/lib/flexboard-agent",
                "ReadWritePaths=/var/lib/flexboard-agent", "ProtectSystem=strict", "SuccessExitStatus=143",
                "RestartPreventExitStatus=2", "WantedBy=multi-user.target");
    }

    private static Map<String, Object> composeService(String name) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(PACKAGE.resolve("docker-compose.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        @SuppressWarnings("unchecked")
        Map<String, Object> service = (Map<String, Object>) services.get(name);
        assertThat(service).as("service " + name).isNotNull();
        return service;
    }

    /** NAME=value lines of .env.example; fails on any other non-comment line (docker compose and systemd would too). */
    private static Map<String, String> envExample() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(PACKAGE.resolve(".env.example"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            assertThat(line).matches("[A-Z_][A-Z0-9_]*=\\S*");
            settings.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        return settings;
    }

    private static List<String> stringList(Object value) {
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}

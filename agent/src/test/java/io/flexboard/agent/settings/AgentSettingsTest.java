package io.flexboard.agent.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flexboard.agent.access.PasswordHash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AgentSettingsTest {

    private final Map<String, String> environment = new HashMap<>(Map.of(
            "CONTROL_PLANE_URL", "http://127.0.0.1:8080/",
            "AGENT_API_KEY", "fbk_key",
            "TENANT_ID", "6f1c1a52-3b7e-4f57-9d1a-0c3f2a9b8e11"));

    @Test
    void given_only_the_required_settings_when_read_then_the_defaults_apply() {
        AgentSettings settings = AgentSettings.from(environment::get);

        assertThat(settings.controlPlaneUrl()).hasToString("http://127.0.0.1:8080");
        assertThat(settings.dataDir()).isEqualTo(Path.of("flexboard-agent-data").toAbsolutePath());
        assertThat(settings.agentId()).isEmpty();
        assertThat(settings.waitSeconds()).isEqualTo(50);
        assertThat(settings.httpPort()).isEqualTo(8090);
        assertThat(settings.fullResyncInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.allowedHosts()).isEmpty();
        assertThat(settings.maxRetryAfter()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void given_every_optional_setting_when_read_then_each_is_taken() {
        environment.putAll(Map.of("AGENT_DATA_DIR", "/var/lib/flexboard-agent", "AGENT_ID", "plant-7", "AGENT_WAIT_SECONDS", "20",
                "AGENT_HTTP_PORT", "0", "AGENT_FULL_RESYNC_INTERVAL", "30m", "AGENT_ALLOWED_HOSTS", " Agent.Plant-7.local, viewer.local ",
                "AGENT_MAX_RETRY_AFTER", "2m"));

        AgentSettings settings = AgentSettings.from(environment::get);

        assertThat(settings.dataDir()).isEqualTo(Path.of("/var/lib/flexboard-agent"));
        assertThat(settings.agentId()).contains("plant-7");
        assertThat(settings.waitSeconds()).isEqualTo(20);
        assertThat(settings.httpPort()).isZero();
        assertThat(settings.fullResyncInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.allowedHosts()).containsExactlyInAnyOrder("agent.plant-7.local", "viewer.local");
        assertThat(settings.maxRetryAfter()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void given_no_api_key_when_read_then_the_error_names_the_variable() {
        environment.remove("AGENT_API_KEY");

        assertThatThrownBy(() -> AgentSettings.from(environment::get))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("AGENT_API_KEY is required but not set");
    }

    @Test
    void given_unreadable_values_when_read_then_each_error_names_its_variable() {
        assertRefused("TENANT_ID", "acme", "TENANT_ID must be the tenant's UUID");
        assertRefused("CONTROL_PLANE_URL", "ftp://cp", "CONTROL_PLANE_URL must be an http(s) URL");
        assertRefused("AGENT_HTTP_PORT", "70000", "AGENT_HTTP_PORT must be between 0 and 65535");
        assertRefused("AGENT_WAIT_SECONDS", "soon", "AGENT_WAIT_SECONDS must be a whole number");
        assertRefused("AGENT_FULL_RESYNC_INTERVAL", "hourly", "AGENT_FULL_RESYNC_INTERVAL must be a duration");
        assertRefused("AGENT_ID", "agent with spaces", "AGENT_ID must be 1 to 128 characters");
        assertRefused("AGENT_ALLOWED_HOSTS", "viewer.local:8090", "AGENT_ALLOWED_HOSTS must be comma-separated host names");
        assertRefused("AGENT_MAX_RETRY_AFTER", "forever", "AGENT_MAX_RETRY_AFTER must be a duration");
    }

    private void assertRefused(String variable, String value, String message) {
        Map<String, String> wrong = new HashMap<>(environment);
        wrong.put(variable, value);
        assertThatThrownBy(() -> AgentSettings.from(wrong::get))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith(message)
                .extracting(e -> ((InvalidSettingException) e).variable()).isEqualTo(variable);
    }

    @Test
    void the_local_server_binds_loopback_without_a_viewer_credential_unless_told_otherwise() {
        AgentSettings settings = AgentSettings.from(environment::get);

        assertThat(settings.httpHost().isLoopbackAddress()).isTrue();
        assertThat(settings.viewerPassword()).isEmpty();
    }

    @Test
    void binding_beyond_loopback_without_a_viewer_credential_is_refused_naming_the_variable() {
        for (String host : new String[] {"0.0.0.0", "::", "192.0.2.10"}) {
            environment.put("AGENT_HTTP_HOST", host);

            assertThatThrownBy(() -> AgentSettings.from(environment::get)).as(host)
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageStartingWith("AGENT_VIEWER_PASSWORD_HASH is required when AGENT_HTTP_HOST binds beyond loopback")
                    .extracting(e -> ((InvalidSettingException) e).variable()).isEqualTo("AGENT_VIEWER_PASSWORD_HASH");
        }
    }

    @Test
    void binding_beyond_loopback_with_a_viewer_credential_is_taken() {
        String hash = PasswordHash.of("viewer-password").toString();
        environment.putAll(Map.of("AGENT_HTTP_HOST", "0.0.0.0", "AGENT_VIEWER_PASSWORD_HASH", " " + hash + " "));

        AgentSettings settings = AgentSettings.from(environment::get);

        assertThat(settings.httpHost().isAnyLocalAddress()).isTrue();
        assertThat(settings.viewerPassword()).hasValueSatisfying(read -> assertThat(read.matches("viewer-password")).isTrue());
    }

    @Test
    void a_viewer_credential_of_another_shape_is_refused_without_repeating_it() {
        environment.put("AGENT_VIEWER_PASSWORD_HASH", "plain-text-password-oops");

        assertThatThrownBy(() -> AgentSettings.from(environment::get))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("AGENT_VIEWER_PASSWORD_HASH must be pbkdf2-sha256$")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("plain-text-password-oops"));
    }

    @Test
    void a_host_that_is_no_address_is_refused_naming_the_variable() {
        for (String host : new String[] {"http://0.0.0.0", "0.0.0.0:8090x", "host name", "x;rm -rf", "[::1]"}) {
            environment.put("AGENT_HTTP_HOST", host);

            assertThatThrownBy(() -> AgentSettings.from(environment::get)).as(host)
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageStartingWith("AGENT_HTTP_HOST ");
        }
    }
}

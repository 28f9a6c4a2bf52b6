package io.flexboard.infra.local.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void defaults_run_locally() {
        Settings settings = Settings.from(Map.of(), new Properties());

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(settings.adminToken()).isEmpty();
        assertThat(settings.databaseUrl()).isEmpty();
        assertThat(settings.databaseUser()).isEqualTo("postgres");
    }

    @Test
    void environment_variables_are_read_and_system_properties_win() {
        Properties systemProperties = new Properties();
        systemProperties.setProperty("FLEXBOARD_PORT", "9090");
        systemProperties.setProperty("flexboard.db.user", "app");

        Settings settings = Settings.from(Map.of(
                "FLEXBOARD_PORT", "7070",
                "FLEXBOARD_DATA_DIR", dataDir.toString(),
                "FLEXBOARD_ADMIN_TOKEN", "s3cret",
                "FLEXBOARD_DB_URL", "jdbc:postgresql://127.0.0.1:5432/flexboard",
                "FLEXBOARD_DB_USER", "ignored"), systemProperties);

        assertThat(settings.port()).isEqualTo(9090);
        assertThat(settings.dataDir()).isEqualTo(dataDir);
        assertThat(settings.adminToken()).contains("s3cret");
        assertThat(settings.databaseUrl()).contains("jdbc:postgresql://127.0.0.1:5432/flexboard");
        assertThat(settings.databaseUser()).isEqualTo("app");
    }

    @Test
    void a_port_that_is_not_a_number_is_refused() {
        assertThatThrownBy(() -> Settings.from(Map.of("FLEXBOARD_PORT", "eighty"), new Properties()))
                .hasMessageContaining("FLEXBOARD_PORT");
    }

    @Test
    void a_missing_admin_token_is_generated_once_private_and_reused() throws Exception {
        Settings settings = new Settings(0, "127.0.0.1", dataDir, Optional.empty(), Optional.empty(), "postgres", "", RouterLimits.DEFAULTS);

        AdminToken.Resolved first = AdminToken.resolve(settings);
        AdminToken.Resolved second = AdminToken.resolve(settings);

        assertThat(first.generated()).isTrue();
        assertThat(first.value()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(second.generated()).isFalse();
        assertThat(second.value()).isEqualTo(first.value());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin-token")))).isEqualTo("rw-------");
    }

    @Test
    void a_given_admin_token_is_used_and_nothing_is_written() {
        Settings settings = Settings.forTest(dataDir, "given");

        assertThat(AdminToken.resolve(settings).value()).isEqualTo("given");
        assertThat(dataDir.resolve("admin-token")).doesNotExist();
    }

    @Test
    void router_limits_default_to_what_a_long_poll_needs_and_are_read_from_the_environment() {
        assertThat(Settings.from(Map.of(), new Properties()).routerLimits()).isEqualTo(RouterLimits.DEFAULTS);

        RouterLimits limits = Settings.from(Map.of(
                "FLEXBOARD_ROUTER_IDLE_TIMEOUT", "90s",
                "FLEXBOARD_ROUTER_HEAD_TIMEOUT", "500ms",
                "FLEXBOARD_ROUTER_BODY_TIMEOUT", "PT20S",
                "FLEXBOARD_ROUTER_MAX_HEADER_SIZE", "32768",
                "FLEXBOARD_ROUTER_MAX_INITIAL_LINE_LENGTH", "4096"), new Properties()).routerLimits();

        assertThat(limits).isEqualTo(new RouterLimits(Duration.ofSeconds(90), Duration.ofMillis(500), Duration.ofSeconds(20), 32768, 4096));
    }

    @Test
    void a_router_limit_that_is_no_duration_or_too_small_is_refused_naming_it() {
        assertThatThrownBy(() -> Settings.from(Map.of("FLEXBOARD_ROUTER_HEAD_TIMEOUT", "soon"), new Properties()))
                .hasMessageContaining("FLEXBOARD_ROUTER_HEAD_TIMEOUT");
        assertThatThrownBy(() -> Settings.from(Map.of("FLEXBOARD_ROUTER_IDLE_TIMEOUT", "0s"), new Properties()))
                .hasMessageContaining("FLEXBOARD_ROUTER_IDLE_TIMEOUT");
        assertThatThrownBy(() -> Settings.from(Map.of("FLEXBOARD_ROUTER_MAX_HEADER_SIZE", "100"), new Properties()))
                .hasMessageContaining("FLEXBOARD_ROUTER_MAX_HEADER_SIZE");
    }

    @Test
    void ports_chosen_once_are_kept_for_the_next_start() {
        int postgres = LocalPorts.in(dataDir).port(LocalPorts.POSTGRES);

        assertThat(LocalPorts.in(dataDir).port(LocalPorts.POSTGRES)).isEqualTo(postgres);
    }

    @Test
    void a_kept_port_that_is_the_routers_is_replaced_so_the_router_can_bind_it() {
        int kept = LocalPorts.in(dataDir).port(LocalPorts.KAFKA_CONTROLLER);

        int chosen = LocalPorts.in(dataDir).reserving(kept).port(LocalPorts.KAFKA_CONTROLLER);

        assertThat(chosen).isNotEqualTo(kept);
        assertThat(LocalPorts.in(dataDir).port(LocalPorts.KAFKA_CONTROLLER)).as("the new choice is kept").isEqualTo(chosen);
    }

    @Test
    void no_two_names_are_given_one_port() {
        LocalPorts ports = LocalPorts.in(dataDir);
        java.util.Set<Integer> chosen = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            assertThat(chosen.add(ports.port("port." + i))).as("port." + i + " was given a port another name has").isTrue();
        }
    }
}

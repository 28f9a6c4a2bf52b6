package io.flexboard.agent.onprem;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agent.onprem.StagedInstallation.ScriptRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** install.sh into a staging root: the layout, the settings file from the template, the unit, the Java check. */
class InstallScriptTest {

    private static final String TENANT = "9ba84cfa-d2c4-4e6a-a166-ec5473ede4ce";

    @TempDir
    Path workDir;

    @Test
    void given_a_staging_root_when_installed_without_systemd_then_jar_scripts_settings_and_data_dir_are_laid_out() throws Exception {
        StagedInstallation staged = StagedInstallation.in(workDir);

        staged.installed("agent v1", "--no-systemd",
                "--set", "CONTROL_PLANE_URL=https://flexboard.example.com", "--set", "TENANT_ID=" + TENANT);

        assertThat(staged.installedJar()).hasContent("agent v1");
        for (String script : List.of("install.sh", "upgrade.sh", "backup.sh", "restore.sh", "lib/common.sh")) {
            assertThat(staged.prefix.resolve("opt/flexboard-agent/bin/" + script)).exists();
        }
        assertThat(staged.dataDir()).isDirectory();
        assertThat(staged.prefix.resolve("var/backups/flexboard-agent")).isDirectory();
        assertThat(staged.prefix.resolve("etc/systemd/system/flexboard-agent.service")).doesNotExist();
        List<String> settings = Files.readAllLines(staged.envFile());
        assertThat(settings).contains("CONTROL_PLANE_URL=https://flexboard.example.com", "TENANT_ID=" + TENANT,
                "AGENT_API_KEY=", "AGENT_WAIT_SECONDS=50", "AGENT_HTTP_PORT=8090");
        assertThat(settings).filteredOn(line -> line.startsWith("CONTROL_PLANE_URL=")).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(staged.envFile()))).isEqualTo("rw-------");
    }

    @Test
    void given_a_staging_root_when_installed_with_systemd_then_the_unit_points_at_this_java_and_the_staged_paths_but_is_not_enabled() throws Exception {
        StagedInstallation staged = StagedInstallation.in(workDir);

        staged.installed("agent v1");

        String unit = Files.readString(staged.prefix.resolve("etc/systemd/system/flexboard-agent.service"));
        assertThat(unit)
                .contains("ExecStart=" + staged.java + " $AGENT_JAVA_OPTS -jar " + staged.installedJar() + " run --data-dir " + staged.dataDir())
                .contains("EnvironmentFile=" + staged.envFile())
                .contains("ReadWritePaths=" + staged.dataDir())
                .contains("User=flexboard-agent");
        assertThat(staged.serviceCalls()).isEmpty();
    }

    @Test
    void given_an_installation_when_installed_again_with_another_jar_then_the_jar_and_the_settings_are_kept() throws Exception {
        StagedInstallation staged = StagedInstallation.in(workDir)
                .installed("agent v1", "--no-systemd", "--set", "TENANT_ID=" + TENANT);

        ScriptRun again = staged.run("install.sh", "--prefix", staged.prefix.toString(), "--no-systemd",
                "--java", staged.java.toString(), "--jar", staged.jar("v2.jar", "agent v2").toString());

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stderr()).contains("Use upgrade.sh");
        assertThat(staged.installedJar()).hasContent("agent v1");
        assertThat(Files.readAllLines(staged.envFile())).contains("TENANT_ID=" + TENANT);
    }

    @Test
    void given_java_11_when_installing_then_it_refuses_and_names_the_version() throws Exception {
        StagedInstallation staged = StagedInstallation.in(workDir);
        Path java11 = Files.writeString(workDir.resolve("java11"), """
                #!/usr/bin/env bash
                echo 'openjdk version "11.0.22" 2024-01-16' >&2
                """);
        java11.toFile().setExecutable(true);

        ScriptRun install = staged.run("install.sh", "--prefix", staged.prefix.toString(), "--no-systemd",
                "--java", java11.toString(), "--jar", staged.jar("v1.jar", "agent v1").toString());

        assertThat(install.exitCode()).isEqualTo(1);
        assertThat(install.stderr()).contains("Java 11.0.22").contains("needs Java 17 or newer");
        assertThat(staged.installedJar()).doesNotExist();
    }
}

package io.flexboard.agent.onprem;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agent.onprem.StagedInstallation.ScriptRun;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** upgrade.sh against a staging root, with a stand-in service manager in place of systemctl. */
class UpgradeScriptTest {

    private static final String UNIT = "flexboard-agent.service";

    @TempDir
    Path workDir;

    private StagedInstallation staged;

    @BeforeEach
    void anInstalledAgentV1() throws Exception {
        staged = StagedInstallation.in(workDir).installed("agent v1", "--no-systemd");
    }

    @Test
    void given_a_new_jar_that_comes_up_when_upgrading_then_it_is_installed_and_the_old_one_kept_for_rollback() throws Exception {
        ScriptRun upgrade = upgradeTo("agent v2");

        assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
        assertThat(staged.installedJar()).hasContent("agent v2");
        assertThat(previousJar()).hasContent("agent v1");
        assertThat(staged.serviceCalls()).containsExactly("stop " + UNIT, "start " + UNIT, "is-active " + UNIT);
        assertThat(upgrade.stdout()).contains("Upgrade done");
    }

    @Test
    void given_a_new_jar_that_dies_at_start_when_upgrading_then_the_previous_jar_is_put_back_and_started_and_the_upgrade_fails() throws Exception {
        upgradeTo("agent v2");

        ScriptRun upgrade = upgradeTo("agent v3 " + StagedInstallation.CRASHES_AT_START);

        assertThat(upgrade.exitCode()).isEqualTo(1);
        assertThat(upgrade.stderr()).contains("rolled back");
        assertThat(staged.installedJar()).hasContent("agent v2");
        assertThat(staged.installedJar().resolveSibling("flexboard-agent.jar.failed")).hasContent("agent v3 " + StagedInstallation.CRASHES_AT_START);
        assertThat(staged.serviceCalls()).endsWith("stop " + UNIT, "start " + UNIT, "is-active " + UNIT,
                "stop " + UNIT, "start " + UNIT, "is-active " + UNIT);
    }

    @Test
    void given_a_jar_this_java_cannot_run_when_upgrading_then_nothing_is_stopped_or_changed() throws Exception {
        ScriptRun upgrade = upgradeTo("agent v2 " + StagedInstallation.CANNOT_RUN);

        assertThat(upgrade.exitCode()).isEqualTo(1);
        assertThat(upgrade.stderr()).contains("nothing was changed");
        assertThat(staged.installedJar()).hasContent("agent v1");
        assertThat(staged.serviceCalls()).isEmpty();
    }

    @Test
    void given_an_upgrade_when_rolled_back_by_hand_then_the_jars_swap() throws Exception {
        upgradeTo("agent v2");

        ScriptRun rollback = staged.run("upgrade.sh", "--rollback", "--prefix", staged.prefix.toString(),
                "--java", staged.java.toString(), "--settle", "0", "--no-http-check");

        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(staged.installedJar()).hasContent("agent v1");
        assertThat(previousJar()).hasContent("agent v2");
    }

    @Test
    void given_the_installed_jar_when_upgrading_to_it_then_nothing_happens() throws Exception {
        ScriptRun upgrade = upgradeTo("agent v1");

        assertThat(upgrade.exitCode()).isZero();
        assertThat(upgrade.stdout()).contains("nothing to do");
        assertThat(staged.serviceCalls()).isEmpty();
    }

    private ScriptRun upgradeTo(String jarContent) throws Exception {
        Path jar = staged.jar("new-" + Math.abs(jarContent.hashCode()) + ".jar", jarContent);
        return staged.run("upgrade.sh", "--prefix", staged.prefix.toString(), "--java", staged.java.toString(),
                "--jar", jar.toString(), "--settle", "0", "--no-http-check");
    }

    private Path previousJar() {
        return staged.installedJar().resolveSibling("flexboard-agent.jar.previous");
    }
}

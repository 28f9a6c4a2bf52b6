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
    void givenANewJarThatComesUp_whenUpgrading_thenItIsInstalledAndTheOldOneKeptForRollback() throws Exception {
        ScriptRun upgrade = upgradeTo("agent v2");

        assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
        assertThat(staged.installedJar()).hasContent("agent v2");
        assertThat(previousJar()).hasContent("agent v1");
        assertThat(staged.serviceCalls()).containsExactly("stop " + UNIT, "start " + UNIT, "is-active " + UNIT);
        assertThat(upgrade.stdout()).contains("Upgrade done");
    }

    @Test
    void givenANewJarThatDiesAtStart_whenUpgrading_thenThePreviousJarIsPutBackAndStartedAndTheUpgradeFails() throws Exception {
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
    void givenAJarThisJavaCannotRun_whenUpgrading_thenNothingIsStoppedOrChanged() throws Exception {
        ScriptRun upgrade = upgradeTo("agent v2 " + StagedInstallation.CANNOT_RUN);

        assertThat(upgrade.exitCode()).isEqualTo(1);
        assertThat(upgrade.stderr()).contains("nothing was changed");
        assertThat(staged.installedJar()).hasContent("agent v1");
        assertThat(staged.serviceCalls()).isEmpty();
    }

    @Test
    void givenAnUpgrade_whenRolledBackByHand_thenTheJarsSwap() throws Exception {
        upgradeTo("agent v2");

        ScriptRun rollback = staged.run("upgrade.sh", "--rollback", "--prefix", staged.prefix.toString(),
                "--java", staged.java.toString(), "--settle", "0", "--no-http-check");

        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(staged.installedJar()).hasContent("agent v1");
        assertThat(previousJar()).hasContent("agent v2");
    }

    @Test
    void givenTheInstalledJar_whenUpgradingToIt_thenNothingHappens() throws Exception {
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

package io.flexboard.agent.onprem;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agent.onprem.StagedInstallation.ScriptRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every script of the package parses, fails fast, and explains itself. */
class PackageScriptsTest {

    @TempDir
    Path workDir;

    static Stream<String> scripts() {
        return Stream.of("install.sh", "upgrade.sh", "backup.sh", "restore.sh", "lib/common.sh");
    }

    static List<String> commands() {
        return List.of("install.sh", "upgrade.sh", "backup.sh", "restore.sh");
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void given_a_script_when_bash_parses_it_then_it_has_no_syntax_error(String script) throws Exception {
        Process bash = new ProcessBuilder("bash", "-n", StagedInstallation.PACKAGE.resolve(script).toString())
                .redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes());

        assertThat(bash.waitFor()).as(output).isZero();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void given_a_command_when_read_then_it_stops_at_the_first_failure_and_is_executable(String script) throws IOException {
        Path file = StagedInstallation.PACKAGE.resolve(script);

        assertThat(Files.readString(file)).startsWith("#!/usr/bin/env bash").contains("\nset -euo pipefail\n");
        assertThat(Files.isExecutable(file)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void given_a_command_when_asked_for_help_then_it_prints_usage_and_exits_with_zero(String script) throws Exception {
        ScriptRun help = StagedInstallation.in(workDir).run(script, "--help");

        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.stdout()).startsWith("Usage:");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void given_a_command_when_given_an_unknown_option_then_it_exits_with_two_and_says_which(String script) throws Exception {
        ScriptRun wrong = StagedInstallation.in(workDir).run(script, "--frobnicate");

        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.stderr()).contains("unknown option: --frobnicate");
    }
}

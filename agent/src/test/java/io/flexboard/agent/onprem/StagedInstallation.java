package io.flexboard.agent.onprem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The package's scripts run against a staging root ({@code --prefix}) with two stand-ins: a "java" that
 * runs this module's compiled agent (so {@code java -jar … status} is the real status command) and a
 * service manager in place of systemctl that records what it was asked.
 */
final class StagedInstallation {

    /** agent/package, as surefire runs in the module's directory. */
    static final Path PACKAGE = Path.of("package").toAbsolutePath();

    /** A jar whose bytes contain this cannot be run by the stand-in java ("Invalid or corrupt jarfile"). */
    static final String CANNOT_RUN = "cannot-run";
    /** A jar whose bytes contain this is started by the stand-in service manager but dies at once. */
    static final String CRASHES_AT_START = "crashes-at-start";

    final Path root;
    final Path prefix;
    final Path java;
    final Path serviceManager;
    final Path serviceLog;

    private StagedInstallation(Path root) throws IOException {
        this.root = root;
        this.prefix = root.resolve("prefix");
        Path tools = Files.createDirectories(root.resolve("tools"));
        this.serviceLog = tools.resolve("service.log");
        this.java = executable(tools.resolve("java"), """
                #!/usr/bin/env bash
                # Stand-in for java: the real JVM, running the agent's classes instead of the jar.
                if [ "$1" = "-version" ]; then exec "%s" -version; fi
                if [ "$1" = "-jar" ]; then
                    if grep -q %s "$2"; then echo "Error: Invalid or corrupt jarfile $2" >&2; exit 1; fi
                    shift 2
                    exec "%s" -cp "%s" io.flexboard.agent.AgentMain "$@"
                fi
                echo "unexpected java arguments: $*" >&2; exit 3
                """.formatted(realJava(), CANNOT_RUN, realJava(), System.getProperty("java.class.path")));
        this.serviceManager = executable(tools.resolve("service-manager"), """
                #!/usr/bin/env bash
                # Stand-in for systemctl: stop|start|is-active <unit>; a jar marked %s never becomes active.
                echo "$1 $2" >> "%s"
                state="%s"
                case "$1" in
                    start) if grep -q %s "%s"; then rm -f "$state"; else touch "$state"; fi ;;
                    stop) rm -f "$state" ;;
                    is-active) [ -f "$state" ] ;;
                    *) exit 3 ;;
                esac
                """.formatted(CRASHES_AT_START, serviceLog, tools.resolve("active"), CRASHES_AT_START, installedJar()));
    }

    static StagedInstallation in(Path root) throws IOException {
        return new StagedInstallation(root);
    }

    /** Runs {@code script} from agent/package with {@code args}; the service manager is the stand-in. */
    ScriptRun run(String script, String... args) throws IOException, InterruptedException {
        return run(List.of(), script, args);
    }

    ScriptRun run(List<String> environment, String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", PACKAGE.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("TMPDIR", root.toString());
        builder.environment().put("FLEXBOARD_AGENT_SERVICE_CMD", serviceManager.toString());
        for (String variable : environment) {
            builder.environment().put(variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1));
        }
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(script + " finished within 120 s").isTrue();
        return new ScriptRun(process.exitValue(), out.join(), err.join());
    }

    /** install.sh --prefix … --no-systemd with a jar of {@code jarContent}; asserts it succeeded. */
    StagedInstallation installed(String jarContent, String... extraArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--prefix", prefix.toString(), "--java", java.toString(),
                "--jar", jar("package-v1.jar", jarContent).toString()));
        args.addAll(List.of(extraArgs));
        ScriptRun install = run("install.sh", args.toArray(String[]::new));
        assertThat(install.exitCode()).as(install.toString()).isZero();
        return this;
    }

    /** A stand-in jar: the scripts only copy and compare it, the stand-ins look for the markers. */
    Path jar(String name, String content) throws IOException {
        return Files.writeString(root.resolve(name), content, StandardCharsets.UTF_8);
    }

    Path installedJar() {
        return prefix.resolve("opt/flexboard-agent/flexboard-agent.jar");
    }

    Path dataDir() {
        return prefix.resolve("var/lib/flexboard-agent");
    }

    Path envFile() {
        return prefix.resolve("etc/flexboard-agent/agent.env");
    }

    List<String> serviceCalls() throws IOException {
        return Files.exists(serviceLog) ? Files.readAllLines(serviceLog) : List.of();
    }

    static Path realJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static Path executable(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static String read(java.io.InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What a script did: its exit status and what it printed. */
    record ScriptRun(int exitCode, String stdout, String stderr) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }
}

package io.flexboard.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.infra.local.config.LocalPorts;
import io.flexboard.infra.local.config.Settings;
import io.flexboard.infra.local.support.InfrastructureOnlyMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the local stack's JVM alone (the OOM killer, a crash) leaves its embedded PostgreSQL running: pg_ctl
 * started it in a session of its own. The next start on the same data directory must stop that orphan and come
 * up on the kept port with the data intact, with no hand on it (issue 15, first case).
 */
@Timeout(300)
class CrashRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void a_start_after_the_jvm_was_killed_stops_the_orphaned_postgres_and_keeps_port_and_data() throws Exception {
        Process crashed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), InfrastructureOnlyMain.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(crashed.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder log = new StringBuilder();
            String line;
            while ((line = output.readLine()) != null && !line.equals("READY")) {
                log.append(line).append('\n');
            }
            assertThat(line).as("the stack in its own JVM never got ready:\n%s", log).isEqualTo("READY");
            int keptPort = keptPostgresPort();

            crashed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Optional<ProcessHandle> orphan = postmaster();
            assertThat(orphan).as("the embedded PostgreSQL outlived its JVM").hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

            try (LocalStack.Running restarted = LocalStack.start(Settings.forTest(dataDir, "crash-test-token"), List.of())) {
                assertThat(orphan.get().isAlive()).as("the orphan was stopped").isFalse();
                assertThat(keptPostgresPort()).isEqualTo(keptPort);
                assertThat(restarted.jdbcUrl()).contains(":" + keptPort + "/");
                try (Connection connection = DriverManager.getConnection(restarted.jdbcUrl(), "postgres", "");
                     Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT count(*) FROM kept WHERE id = 42")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).isEqualTo(1);
                }
                try (Admin admin = Admin.create(Map.of("bootstrap.servers", restarted.kafkaBootstrapServers()))) {
                    assertThat(admin.describeCluster().nodes().get()).isNotEmpty();
                }
            }
        } finally {
            crashed.destroyForcibly();
        }
    }

    private int keptPostgresPort() throws Exception {
        Properties ports = new Properties();
        try (var reader = Files.newBufferedReader(dataDir.resolve(LocalPorts.FILE_NAME))) {
            ports.load(reader);
        }
        return Integer.parseInt(ports.getProperty(LocalPorts.POSTGRES));
    }

    private Optional<ProcessHandle> postmaster() throws Exception {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
    }
}

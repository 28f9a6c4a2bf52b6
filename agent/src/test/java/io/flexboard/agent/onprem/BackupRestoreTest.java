package io.flexboard.agent.onprem;

import static io.flexboard.agent.support.PublishedConfigurations.publishedVersion;
import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agent.onprem.StagedInstallation.ScriptRun;
import io.flexboard.agent.status.AgentStatus;
import io.flexboard.agent.status.StatusFile;
import io.flexboard.agent.store.AgentIdFile;
import io.flexboard.agent.store.AppliedConfiguration;
import io.flexboard.agent.store.PublishedConfigurationStore;
import io.flexboard.agent.store.LoadedConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup.sh then restore.sh round-trip a data dir the agent's own store classes wrote, and read it back with them. */
class BackupRestoreTest {

    private static final Instant APPLIED_3 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant APPLIED_4 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path workDir;

    private StagedInstallation staged;
    private String agentId;

    @BeforeEach
    void anInstalledAgentRunningVersion4() throws Exception {
        staged = StagedInstallation.in(workDir).installed("agent v1", "--no-systemd");
        PublishedConfigurationStore store = new PublishedConfigurationStore(staged.dataDir());
        store.apply(AppliedConfiguration.of(3, publishedVersion(3), APPLIED_3));
        store.apply(AppliedConfiguration.of(4, publishedVersion(4), APPLIED_4));
        agentId = AgentIdFile.loadOrCreate(staged.dataDir());
        new StatusFile(staged.dataDir()).write(AgentStatus.starting(agentId, "tenant-1", "1.2.3", "https://cp.example",
                        "http://127.0.0.1:8090", 4, APPLIED_4)
                .synced(Instant.parse("2026-03-01T11:58:00Z"), AgentStatus.UP_TO_DATE, 4, APPLIED_4));
    }

    @Test
    void given_a_backup_when_the_data_dir_is_lost_and_restored_then_the_agent_reads_the_same_version_status_and_identity() throws Exception {
        ScriptRun backup = staged.run("backup.sh", "--prefix", staged.prefix.toString());
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        Path archive = Path.of(backup.stdout().strip());
        assertThat(archive.getFileName().toString()).matches("flexboard-agent-backup-\\d{8}T\\d{6}Z\\.tar\\.gz");
        assertThat(archive.getParent()).isEqualTo(staged.prefix.resolve("var/backups/flexboard-agent"));

        new PublishedConfigurationStore(staged.dataDir()).apply(AppliedConfiguration.of(5, publishedVersion(5), Instant.now()));
        Files.delete(staged.dataDir().resolve("agent-id"));
        Files.delete(staged.dataDir().resolve("status.json"));

        ScriptRun restore = staged.run("restore.sh", "--prefix", staged.prefix.toString(), "--java", staged.java.toString(),
                "--jar", staged.installedJar().toString(), archive.toString());

        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(restore.stdout()).contains("running:       version 4, applied 2026-03-01T10:00:00Z");
        LoadedConfiguration restored = new PublishedConfigurationStore(staged.dataDir()).inspect();
        assertThat(restored.problem()).isEmpty();
        assertThat(restored.configuration().version()).isEqualTo(4);
        assertThat(restored.configuration().metadata().toString()).isEqualTo(publishedVersion(4).toString());
        assertThat(AgentIdFile.loadOrCreate(staged.dataDir())).isEqualTo(agentId);
        assertThat(new StatusFile(staged.dataDir()).read()).hasValueSatisfying(status -> {
            assertThat(status.agentId()).isEqualTo(agentId);
            assertThat(status.lastStatus()).isEqualTo(AgentStatus.UP_TO_DATE);
        });
        assertThat(staged.serviceCalls()).containsExactly("stop flexboard-agent.service", "start flexboard-agent.service");
    }

    @Test
    void given_a_restore_when_it_replaces_the_data_dir_then_the_files_it_replaced_are_kept_aside_and_previous_json_still_falls_back() throws Exception {
        Path archive = Path.of(staged.run("backup.sh", "--prefix", staged.prefix.toString()).stdout().strip());
        new PublishedConfigurationStore(staged.dataDir()).apply(AppliedConfiguration.of(5, publishedVersion(5), Instant.now()));

        ScriptRun restore = staged.run("restore.sh", "--prefix", staged.prefix.toString(), "--java", staged.java.toString(), archive.toString());

        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        try (var siblings = Files.list(staged.dataDir().getParent())) {
            Path aside = siblings.filter(p -> p.getFileName().toString().startsWith("flexboard-agent.before-restore-")).findFirst().orElseThrow();
            assertThat(Files.readString(aside.resolve("current.json"))).contains("\"version\" : 5");
        }
        Files.delete(staged.dataDir().resolve("current.json"));
        assertThat(new PublishedConfigurationStore(staged.dataDir()).inspect().configuration().version()).isEqualTo(3);
    }

    @Test
    void given_a_damaged_archive_when_restored_then_it_is_refused_and_the_data_dir_is_untouched() throws Exception {
        Path archive = Path.of(staged.run("backup.sh", "--prefix", staged.prefix.toString()).stdout().strip());
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        new PublishedConfigurationStore(staged.dataDir()).apply(AppliedConfiguration.of(5, publishedVersion(5), Instant.now()));

        ScriptRun restore = staged.run("restore.sh", "--prefix", staged.prefix.toString(), "--java", staged.java.toString(), archive.toString());

        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.stderr()).contains("error:");
        assertThat(new PublishedConfigurationStore(staged.dataDir()).inspect().configuration().version()).isEqualTo(5);
        assertThat(staged.serviceCalls()).isEmpty();
    }

    @Test
    void given_an_agent_that_is_stopped_by_hand_when_restored_without_the_service_manager_then_no_service_is_called() throws Exception {
        Path output = workDir.resolve("backups");
        ScriptRun backup = staged.run("backup.sh", "--data-dir", staged.dataDir().toString(), "--output", output.toString());
        Path archive = Path.of(backup.stdout().strip());
        assertThat(archive.getParent()).isEqualTo(output);

        ScriptRun restore = staged.run("restore.sh", "--no-service", "--data-dir", staged.dataDir().toString(),
                "--java", staged.java.toString(), "--jar", staged.installedJar().toString(), archive.toString());

        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(staged.serviceCalls()).isEmpty();
        assertThat(new PublishedConfigurationStore(staged.dataDir()).inspect().configuration().version()).isEqualTo(4);
    }
}

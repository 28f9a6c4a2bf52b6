package io.flexboard.agent.store;

import static io.flexboard.agent.support.PublishedConfigurations.publishedVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flexboard.agent.AgentJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.node.ObjectNode;

class PublishedConfigurationStoreTest {

    private static final Instant SYNCED_AT = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void given_a_fresh_data_dir_when_opened_then_the_agent_starts_from_version_zero() throws IOException {
        LoadedConfiguration loaded = new PublishedConfigurationStore(dataDir).open();

        assertThat(loaded.configuration().version()).isZero();
        assertThat(loaded.configuration().isNone()).isTrue();
        assertThat(loaded.problem()).isEmpty();
    }

    @Test
    void given_an_applied_version_when_the_agent_restarts_then_it_runs_the_same_version_and_metadata() throws IOException {
        new PublishedConfigurationStore(dataDir).apply(applied(3));

        LoadedConfiguration loaded = new PublishedConfigurationStore(dataDir).open();

        assertThat(loaded.configuration().version()).isEqualTo(3);
        assertThat(loaded.configuration().metadata()).hasToString(publishedVersion(3).toString());
        assertThat(loaded.configuration().syncedAt()).isEqualTo(SYNCED_AT);
        assertThat(loaded.problem()).isEmpty();
        assertThat(fileNames()).containsExactlyInAnyOrder("current.json");
    }

    @Test
    void given_an_applied_version_when_the_next_is_applied_then_the_former_one_is_kept_as_previous() throws IOException {
        PublishedConfigurationStore store = new PublishedConfigurationStore(dataDir);
        store.apply(applied(3));

        store.apply(applied(4));

        assertThat(AgentJson.MAPPER.readTree(dataDir.resolve("current.json").toFile()).path("version").longValue()).isEqualTo(4);
        assertThat(AgentJson.MAPPER.readTree(dataDir.resolve("previous.json").toFile()).path("version").longValue()).isEqualTo(3);
        assertThat(fileNames()).containsExactlyInAnyOrder("current.json", "previous.json");
    }

    @Test
    void given_current_json_cut_off_midway_when_opened_then_the_previous_version_is_recovered_and_the_damaged_file_kept() throws IOException {
        twoVersionsApplied(3, 4);
        byte[] whole = Files.readAllBytes(current());
        Files.write(current(), Arrays.copyOf(whole, whole.length / 2));

        LoadedConfiguration loaded = new PublishedConfigurationStore(dataDir).open();

        assertThat(loaded.configuration().version()).isEqualTo(3);
        assertThat(loaded.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("current.json is damaged: not valid JSON").contains("recovered version 3 from previous.json"));
        assertThat(dataDir.resolve(PublishedConfigurationStore.CORRUPT)).exists();
        assertThat(new PublishedConfigurationStore(dataDir).open().configuration().version())
                .as("current.json was rewritten from previous.json, so the next start is clean").isEqualTo(3);
    }

    @Test
    void given_current_json_whose_metadata_was_altered_when_opened_then_the_checksum_mismatch_recovers_the_previous_version() throws IOException {
        twoVersionsApplied(3, 4);
        Files.writeString(current(), Files.readString(current()).replace("-- v4", "-- v5"));

        LoadedConfiguration loaded = new PublishedConfigurationStore(dataDir).open();

        assertThat(loaded.configuration().version()).isEqualTo(3);
        assertThat(loaded.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("checksum mismatch"));
    }

    @Test
    void given_current_json_whose_version_disagrees_with_its_metadata_when_opened_then_it_is_not_trusted() throws IOException {
        twoVersionsApplied(3, 4);
        Files.writeString(current(), Files.readString(current()).replaceFirst("\"version\" : 4", "\"version\" : 5"));

        LoadedConfiguration loaded = new PublishedConfigurationStore(dataDir).open();

        assertThat(loaded.configuration().version()).isEqualTo(3);
        assertThat(loaded.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("does not match metadata.version"));
    }

    @Test
    void given_current_json_damaged_and_no_previous_when_opened_then_the_agent_starts_from_version_zero() throws IOException {
        Files.writeString(current(), "{\"version\": 2, \"meta");

        LoadedConfiguration loaded = new PublishedConfigurationStore(dataDir).open();

        assertThat(loaded.configuration().isNone()).isTrue();
        assertThat(loaded.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("starting from version 0"));
    }

    @Test
    void given_a_half_written_temp_file_left_by_a_crash_when_opened_then_it_is_ignored_and_deleted() throws IOException {
        new PublishedConfigurationStore(dataDir).apply(applied(3));
        Files.writeString(dataDir.resolve("current.json" + AtomicFiles.TEMP_SUFFIX), "{\"version\": 4, \"metadata\": {\"ver");

        LoadedConfiguration loaded = new PublishedConfigurationStore(dataDir).open();

        assertThat(loaded.configuration().version()).isEqualTo(3);
        assertThat(loaded.problem()).isEmpty();
        assertThat(fileNames()).containsExactlyInAnyOrder("current.json");
    }

    @Test
    void given_a_damaged_current_json_when_inspected_then_nothing_on_disk_changes() throws IOException {
        twoVersionsApplied(3, 4);
        Files.writeString(current(), "garbage");

        LoadedConfiguration inspected = new PublishedConfigurationStore(dataDir).inspect();

        assertThat(inspected.configuration().version()).isEqualTo(3);
        assertThat(inspected.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("will recover version 3"));
        assertThat(Files.readString(current())).isEqualTo("garbage");
    }

    /**
     * Applying version 2 over version 1 passes six moments where a power cut leaves a different disk:
     * three steps (temp written, temp forced, renamed) for previous.json, then three for current.json.
     * At every one of them the next start must run a whole, matching pair: version 1 with the metadata
     * of version 1, or version 2 with that of 2. The roadmap's worker wrote config.json and .sync-version
     * separately, so a cut between the two left a new configuration labelled with the old version;
     * one file renamed into place cannot.
     */
    @ParameterizedTest(name = "power cut at step {0} of 6")
    @MethodSource("crashPoints")
    void given_a_power_cut_at_any_step_of_an_apply_when_the_agent_restarts_then_version_and_configuration_still_match(int cutAt) throws IOException {
        new PublishedConfigurationStore(dataDir).apply(applied(1));
        AtomicInteger step = new AtomicInteger();
        PublishedConfigurationStore crashing = new PublishedConfigurationStore(dataDir, new AtomicFiles((file, reached) -> {
            if (step.incrementAndGet() == cutAt) {
                if (reached == CrashPoints.Step.TEMP_WRITTEN) {
                    // Not forced yet: after a power cut only part of it may be on the disk.
                    Files.write(file, Arrays.copyOf(Files.readAllBytes(file), (int) Files.size(file) / 3));
                }
                throw new PowerCut();
            }
        }));

        assertThatThrownBy(() -> crashing.apply(applied(2))).isInstanceOf(PowerCut.class);
        LoadedConfiguration afterRestart = new PublishedConfigurationStore(dataDir).open();

        AppliedConfiguration running = afterRestart.configuration();
        assertThat(running.version()).isEqualTo(cutAt == 6 ? 2 : 1);
        assertThat(running.metadata()).hasToString(publishedVersion(running.version()).toString());
        assertThat(afterRestart.problem()).as("current.json is whole at every step: no recovery needed").isEmpty();
        assertThat(fileNames()).noneMatch(name -> name.endsWith(AtomicFiles.TEMP_SUFFIX));
    }

    static Stream<Integer> crashPoints() {
        return IntStream.rangeClosed(1, 6).boxed();
    }

    private static final class PowerCut extends RuntimeException {
    }

    private void twoVersionsApplied(long first, long second) throws IOException {
        PublishedConfigurationStore store = new PublishedConfigurationStore(dataDir);
        store.apply(applied(first));
        store.apply(applied(second));
    }

    private static AppliedConfiguration applied(long version) {
        ObjectNode metadata = publishedVersion(version);
        return AppliedConfiguration.of(version, metadata, SYNCED_AT);
    }

    private Path current() {
        return dataDir.resolve("current.json");
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }
}

package io.flexboard.history.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ExportOptionsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void given_only_format_and_output_then_the_defaults_are_the_local_broker_the_events_topic_and_everything_up_to_now() {
        ExportOptions options = ExportOptions.parse(List.of("--format=avro", "--output=out.avro"), NOW);

        assertThat(options.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(options.topic()).isEqualTo("flexboard.events");
        assertThat(options.from()).isEmpty();
        assertThat(options.to()).isEqualTo(NOW);
        assertThat(options.tenants()).isEmpty();
        assertThat(options.types()).isEmpty();
        assertThat(options.output()).contains(Path.of("out.avro"));
        assertThat(options.avroCodec()).isEqualTo(AvroCodec.DEFLATE);
        assertThat(options.skipUndecodable()).isFalse();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void given_instants_with_offsets_or_dates_then_they_are_read_as_utc_instants() {
        ExportOptions options = ExportOptions.parse(List.of("--from=2026-11-01", "--to=2026-11-30T07:00:00+07:00",
                "--format=jsonl", "--output=-"), NOW);

        assertThat(options.from()).contains(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(options.to()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(options.output()).isEqualTo(Optional.empty());
    }

    @Test
    void given_repeated_and_comma_separated_filters_then_all_are_kept_and_tenant_ids_lower_cased() {
        ExportOptions options = ExportOptions.parse(List.of(
                "--tenant", "6C1F7F5E-8A55-4D51-9D0E-4BD3A9E1F001",
                "--tenant=0b6d6f57-6c8e-4a8e-9f63-1d1f1f3d9a01,5e0c1b7a-2f4d-4c8e-9a3b-6d7e8f9a0b1c",
                "--type=version_published", "--type", "VERSION_ARCHIVED,draft_saved",
                "--format", "csv", "--output", "-", "--skip-undecodable", "--stats", "--timeout=PT5S"), NOW);

        assertThat(options.tenants()).isEqualTo(Set.of("6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f001",
                "0b6d6f57-6c8e-4a8e-9f63-1d1f1f3d9a01", "5e0c1b7a-2f4d-4c8e-9a3b-6d7e8f9a0b1c"));
        assertThat(options.types()).isEqualTo(Set.of("version_published", "version_archived", "draft_saved"));
        assertThat(options.format()).isEqualTo(OutputFormat.CSV);
        assertThat(options.skipUndecodable()).isTrue();
        assertThat(options.stats()).isTrue();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(5));
    }
}

package io.flexboard.history.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A wrong command line is refused before Kafka is asked anything: exit code 2, one line naming the option. */
class UsageErrorsTest {

    static Stream<Arguments> wrongCommandLines() {
        return Stream.of(
                Arguments.of(new String[] {"export", "--format=jsonl", "--output=-", "--colour=blue"}, "--colour: unknown option"),
                Arguments.of(new String[] {"export", "--format=jsonl", "--output=-", "--from=2026-13-01"},
                        "--from: '2026-13-01' is not an ISO-8601 instant"),
                Arguments.of(new String[] {"export", "--format=jsonl", "--output=-", "--to=yesterday"},
                        "--to: 'yesterday' is not an ISO-8601 instant"),
                Arguments.of(new String[] {"export", "--format=jsonl", "--output=-", "--from=2026-12-01T00:00:00Z", "--to=2026-11-01T00:00:00Z"},
                        "--from: 2026-12-01T00:00:00Z must be before --to (2026-11-01T00:00:00Z)"),
                Arguments.of(new String[] {"export", "--format=parquet", "--output=-"}, "--format: must be one of jsonl, csv, avro, got 'parquet'"),
                Arguments.of(new String[] {"export", "--output=-"}, "--format: is required"),
                Arguments.of(new String[] {"export", "--format=csv"}, "--output: is required"),
                Arguments.of(new String[] {"export", "--format=csv", "--output=-", "--tenant=acme"}, "--tenant: must be a tenant's UUID, got 'acme'"),
                Arguments.of(new String[] {"export", "--format=csv", "--output=-", "--type=VersionPublished"},
                        "--type: unknown event type 'VersionPublished'; one of tenant_created, api_key_issued"),
                Arguments.of(new String[] {"export", "--format=csv", "--output=-", "--bootstrap-servers=localhost"},
                        "--bootstrap-servers: must be host:port"),
                Arguments.of(new String[] {"export", "--format=avro", "--output=-", "--avro-codec=zip"}, "--avro-codec: must be deflate or snappy"),
                Arguments.of(new String[] {"export", "--format=avro", "--output=-", "--timeout=soon"}, "--timeout: must be a duration"),
                Arguments.of(new String[] {"export", "--format=avro", "--output=-", "--stats=yes"}, "--stats: takes no value"),
                Arguments.of(new String[] {"export", "--format=avro", "--output"}, "--output: needs a value"),
                Arguments.of(new String[] {"export", "--format=avro", "--output=-", "extra"}, "unexpected argument 'extra'"));
    }

    @ParameterizedTest
    @MethodSource("wrongCommandLines")
    void given_a_wrong_command_line_then_exit_code_2_and_one_line_naming_the_option(String[] args, String message) {
        Exports.Result result = Exports.execute(args);

        assertThat(result.exitCode()).isEqualTo(HistoryMain.BAD_USAGE);
        assertThat(result.stderrLines()).hasSize(1).first().asString().startsWith(message);
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void given_an_unknown_command_then_exit_code_2_with_the_usage() {
        Exports.Result result = Exports.execute("import", "--format=jsonl");

        assertThat(result.exitCode()).isEqualTo(HistoryMain.BAD_USAGE);
        assertThat(result.stderrLines().get(0)).isEqualTo("Unknown command 'import' (the command is export)");
        assertThat(result.stderr()).contains("Usage: java -jar flexboard-history.jar export");
    }

    @Test
    void given_no_arguments_then_exit_code_2_with_the_usage() {
        Exports.Result result = Exports.execute();

        assertThat(result.exitCode()).isEqualTo(HistoryMain.BAD_USAGE);
        assertThat(result.stderr()).startsWith("Usage: java -jar flexboard-history.jar export");
    }

    @Test
    void given_help_then_the_usage_on_standard_output_and_exit_code_0() {
        Exports.Result result = Exports.execute("help");

        assertThat(result.exitCode()).isZero();
        assertThat(new String(result.stdout(), StandardCharsets.UTF_8)).contains("--skip-undecodable").contains("docs/history.md");
    }
}

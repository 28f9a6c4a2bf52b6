package io.flexboard.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every YAML and JSON file under infra/deploy parses; a typo there would only show at deploy time. */
class DeployFilesParseTest {

    @Test
    void every_yaml_file_parses_without_duplicate_keys() {
        List<Path> files = DeployFiles.filesEndingWith(".yml", ".yaml");

        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        for (Path file : files) {
            assertThatCode(() -> assertThat(DeployFiles.yamlDocuments(file)).isNotEmpty()).as(file.toString()).doesNotThrowAnyException();
        }
    }

    @Test
    void every_json_file_parses() {
        List<Path> files = DeployFiles.filesEndingWith(".json");

        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThatCode(() -> DeployFiles.json(file)).as(file.toString()).doesNotThrowAnyException();
        }
    }
}

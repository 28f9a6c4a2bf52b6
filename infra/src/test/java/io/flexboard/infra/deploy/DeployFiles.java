package io.flexboard.infra.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The files under infra/deploy, read as the tools that consume them would parse them. */
final class DeployFiles {

    static final Path ROOT = locate();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private DeployFiles() {
    }

    /** Surefire runs in the module directory; an IDE may run in the repository root. */
    private static Path locate() {
        for (Path candidate : List.of(Path.of("deploy"), Path.of("infra", "deploy"))) {
            if (Files.isDirectory(candidate.resolve("kubernetes"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("infra/deploy not found from " + Path.of("").toAbsolutePath());
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> filesEndingWith(String... suffixes) {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> Stream.of(suffixes).anyMatch(suffix -> file.getFileName().toString().endsWith(suffix)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every YAML document of a file (a Kubernetes file holds several, separated by ---). */
    static List<Object> yamlDocuments(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Object> documents = new ArrayList<>();
        for (Object document : new Yaml(options).loadAll(read(file))) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        List<Object> documents = yamlDocuments(file);
        if (documents.size() != 1 || !(documents.get(0) instanceof Map)) {
            throw new IllegalStateException(file + " is not one YAML mapping");
        }
        return (Map<String, Object>) documents.get(0);
    }

    static JsonNode json(Path file) {
        return JSON.readTree(read(file));
    }
}

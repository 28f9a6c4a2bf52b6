package io.flexboard.infra.local.services;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The auto-configurations on the classpath. All four services share one classpath here, so each
 * context must exclude what only another service should get.
 */
public final class AutoConfigurations {

    static final String IMPORTS = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

    private final List<String> all;

    AutoConfigurations(List<String> all) {
        this.all = List.copyOf(all);
    }

    public static AutoConfigurations onClasspath(ClassLoader classLoader) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> resources = classLoader.getResources(IMPORTS);
            while (resources.hasMoreElements()) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(resources.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    reader.lines()
                            .map(line -> line.replaceFirst("#.*", "").trim())
                            .filter(line -> !line.isEmpty())
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + IMPORTS, e);
        }
        return new AutoConfigurations(List.copyOf(names));
    }

    /** Axon's: only command-api is an Axon application. */
    public List<String> axon() {
        return matching(name -> name.startsWith("org.axonframework."));
    }

    /**
     * R2DBC's: with an R2DBC ConnectionFactory present Boot creates no JDBC DataSource, and
     * command-api's Axon event store needs one.
     */
    public List<String> r2dbc() {
        return matching(name -> name.toLowerCase().contains("r2dbc"));
    }

    private List<String> matching(Predicate<String> predicate) {
        return all.stream().filter(predicate).toList();
    }
}

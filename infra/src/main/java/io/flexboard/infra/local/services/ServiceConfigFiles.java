package io.flexboard.infra.local.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Finds a service's own {@code application.yml} (or {@code .yaml}/{@code .properties}). Every
 * service jar has one at the same classpath location, and {@code classpath:application.yml}
 * would give every context the first one on the classpath; so each context is pointed at the file
 * inside its own jar (or its own {@code target/classes}).
 */
final class ServiceConfigFiles {

    private static final List<String> NAMES = List.of("application.properties", "application.yml", "application.yaml");

    private ServiceConfigFiles() {
    }

    /** A {@code spring.config.location} value naming only the service's own config files; empty when it has none. */
    static Optional<String> configLocation(Class<?> applicationClass) {
        String root = rootOf(applicationClass);
        if (root == null) {
            return Optional.empty();
        }
        List<String> locations = new ArrayList<>();
        for (String name : NAMES) {
            for (URL url : resources(applicationClass.getClassLoader(), name)) {
                String candidate = url.toString();
                if (candidate.equals(root + name)) {
                    locations.add("optional:" + candidate);
                }
            }
        }
        return locations.isEmpty() ? Optional.empty() : Optional.of(String.join(",", locations));
    }

    /** The URL prefix under which the class's own resources live: {@code jar:…!/} or a {@code file:…/} directory. */
    static String rootOf(Class<?> type) {
        String classFile = type.getName().replace('.', '/') + ".class";
        URL classUrl = type.getClassLoader().getResource(classFile);
        if (classUrl != null) {
            String url = classUrl.toString();
            if (url.endsWith(classFile)) {
                return url.substring(0, url.length() - classFile.length());
            }
        }
        CodeSource codeSource = type.getProtectionDomain().getCodeSource();
        return codeSource == null ? null : codeSource.getLocation().toString();
    }

    private static List<URL> resources(ClassLoader classLoader, String name) {
        try {
            return Collections.list(classLoader.getResources(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

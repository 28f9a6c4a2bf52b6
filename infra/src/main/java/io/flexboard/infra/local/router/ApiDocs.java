package io.flexboard.infra.local.router;

import io.flexboard.infra.local.services.Service;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code /api/docs}: Swagger UI over the four services' OpenAPI documents. The page and its start-up
 * script are this module's ({@code api-docs/} on the classpath: no inline script, so the router's
 * Content-Security-Policy holds); Swagger UI's own files come from its webjar; {@code /api/docs/{service}.json}
 * is that service's {@code /v3/api-docs}.
 */
public final class ApiDocs {

    /** Where the router serves Swagger UI. */
    public static final String PATH = "/api/docs";
    /** Path of a service's document under {@link #PATH}: {@code /api/docs/command-api.json}. */
    public static final String DOCUMENT_SUFFIX = ".json";
    /** The path each service serves its OpenAPI document on (springdoc's default). */
    public static final String SERVICE_DOCUMENT_PATH = "/v3/api-docs";

    private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final BuilderUi page;
    private final BuilderUi swaggerUi;

    public ApiDocs(BuilderUi page, BuilderUi swaggerUi) {
        this.page = page;
        this.swaggerUi = swaggerUi;
    }

    /** The page from {@code api-docs/}, Swagger UI's files from the webjar on the classpath. */
    public static ApiDocs fromClasspath() {
        ClassLoader classLoader = ApiDocs.class.getClassLoader();
        return new ApiDocs(new BuilderUi(classLoader, "api-docs/"),
                new BuilderUi(classLoader, "META-INF/resources/webjars/swagger-ui/" + webjarVersion(classLoader) + "/"));
    }

    /** What a read of {@code path} (under {@link #PATH}) is. */
    public sealed interface Target permits Page, Document, Asset {
    }

    /** The Swagger UI page itself. */
    public record Page() implements Target {
    }

    /** A service's OpenAPI document. */
    public record Document(Service service) implements Target {
    }

    /** A file: first the page's own (its script), then Swagger UI's. */
    public record Asset(String name) implements Target {
    }

    /** The target of a path under {@link #PATH}, or empty when it names nothing (e.g. an unknown service's document). */
    public static Optional<Target> target(String path) {
        if (path.equals(PATH) || path.equals(PATH + "/")) {
            return Optional.of(new Page());
        }
        String name = path.substring(PATH.length() + 1);
        if (name.endsWith(DOCUMENT_SUFFIX)) {
            String serviceName = name.substring(0, name.length() - DOCUMENT_SUFFIX.length());
            for (Service service : Service.values()) {
                if (service.serviceName().equals(serviceName)) {
                    return Optional.of(new Document(service));
                }
            }
            return Optional.empty();
        }
        // Only plain file names: Swagger UI's files sit at its webjar's top level.
        if (name.contains("/") || !name.contains(".") || BuilderUi.resourceName(name).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Asset(name));
    }

    BuilderUi page() {
        return page;
    }

    BuilderUi swaggerUi() {
        return swaggerUi;
    }

    private static String webjarVersion(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new IllegalStateException("Swagger UI's webjar is not on the classpath (" + WEBJAR_POM + ")");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

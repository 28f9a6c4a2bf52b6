package io.flexboard.infra.local.router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The builder UI's built files (module builder-ui, on the classpath under {@code builder-ui/}). A file
 * is served as it is; any other page path is the UI's {@code index.html}, whose client-side router
 * shows the screen (or its own "not found"). Files are read once and kept: they never change in a
 * running stack.
 */
public final class BuilderUi {

    /** Where builder-ui's Vite build puts its output inside the jar. */
    public static final String CLASSPATH_LOCATION = "builder-ui/";
    private static final String INDEX = "index.html";
    // Vite names every file under assets/ by its content hash: a new build is a new name.
    private static final String HASHED_ASSETS = "assets/";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "no-cache";

    private final ClassLoader classLoader;
    private final String location;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    public BuilderUi(ClassLoader classLoader, String location) {
        this.classLoader = classLoader;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    /** The UI the builder-ui jar carries. */
    public static BuilderUi fromClasspath() {
        return new BuilderUi(BuilderUi.class.getClassLoader(), CLASSPATH_LOCATION);
    }

    /** A file of the UI with its type and caching rule. */
    public record Asset(byte[] bytes, MediaType contentType, String cacheControl) {
    }

    /** The file a GET of {@code path} answers, or empty when there is none (a missing asset, not a page). */
    public Mono<Optional<Asset>> find(String path) {
        Optional<String> name = resourceName(path);
        if (name.isEmpty()) {
            return Mono.just(Optional.empty());
        }
        Optional<Asset> cached = cache.get(name.get());
        if (cached != null) {
            return Mono.just(cached);
        }
        // A jar read is blocking: off the event loop, once per file.
        return Mono.fromCallable(() -> cache.computeIfAbsent(name.get(), this::load))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The resource a path names: {@code /} and extension-less paths (the UI's routes) are the index;
     * a path that climbs out ({@code ..}) or names a folder is none.
     */
    static Optional<String> resourceName(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.isEmpty()) {
            return Optional.of(INDEX);
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("\\")) {
                return Optional.empty();
            }
        }
        String last = relative.substring(relative.lastIndexOf('/') + 1);
        return Optional.of(last.contains(".") ? relative : INDEX);
    }

    private Optional<Asset> load(String name) {
        URL resource = classLoader.getResource(location + name);
        if (resource == null) {
            return Optional.empty();
        }
        try (InputStream in = resource.openStream()) {
            MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
            if (type.getType().equals("text") || type.getSubtype().equals("javascript")) {
                type = new MediaType(type, StandardCharsets.UTF_8);
            }
            return Optional.of(new Asset(in.readAllBytes(), type, name.startsWith(HASHED_ASSETS) ? IMMUTABLE : REVALIDATE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location + name, e);
        }
    }
}

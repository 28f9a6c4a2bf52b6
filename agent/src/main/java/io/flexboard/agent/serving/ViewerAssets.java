package io.flexboard.agent.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The viewer's built files (the flexboard-viewer jar, {@code io/flexboard/viewer/static/}) as the local
 * server hands them out: read from the classpath once, then from memory, so the viewer needs nothing
 * beyond the agent (no CDN, no control plane).
 */
final class ViewerAssets {

    static final String CLASSPATH_ROOT = "io/flexboard/viewer/static/";
    /** Vite names these by content hash: a new build is a new name, so browsers may keep them a year. */
    private static final String HASHED = "public, max-age=31536000, immutable";
    /** Names that map onto a file only: no dot-segment, no backslash, no empty segment. */
    private static final Pattern FILE_PATH = Pattern.compile("/(?:[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}/){0,4}[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json",
            "woff2", "font/woff2",
            "txt", "text/plain; charset=utf-8");

    /** One file: its bytes and how it is answered. */
    record Asset(byte[] body, String contentType, String cacheControl) {
    }

    private final ClassLoader loader;
    private final String root;
    private final ConcurrentMap<String, Asset> loaded = new ConcurrentHashMap<>();

    ViewerAssets(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root;
    }

    /** The viewer of this agent's build. */
    static ViewerAssets fromClasspath() {
        return new ViewerAssets(ViewerAssets.class.getClassLoader(), CLASSPATH_ROOT);
    }

    /** {@code index.html}, never cached by the browser: it names the current build's hashed files. */
    Optional<Asset> index() {
        return file("/index.html");
    }

    /** The file at a request path; {@code /} is the index. Empty for anything that is not one of the viewer's files. */
    Optional<Asset> file(String path) {
        if (path.equals("/")) {
            return index();
        }
        if (!FILE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        String type = TYPES.get(extension(path));
        if (type == null) {
            // Also keeps directories out: on a file classpath a directory "resource" reads as its listing.
            return Optional.empty();
        }
        Asset cached = loaded.get(path);
        if (cached != null) {
            return Optional.of(cached);
        }
        // Only files that exist are remembered, so hostile paths cannot grow the map.
        return read(path).map(body -> {
            String cacheControl = path.equals("/index.html") ? "no-store" : path.startsWith("/assets/") ? HASHED : "no-cache";
            Asset asset = new Asset(body, type, cacheControl);
            loaded.putIfAbsent(path, asset);
            return asset;
        });
    }

    private Optional<byte[]> read(String path) {
        try (InputStream in = loader.getResourceAsStream(root + path.substring(1))) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the viewer's " + path + " from the classpath", e);
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < path.lastIndexOf('/') + 2 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}

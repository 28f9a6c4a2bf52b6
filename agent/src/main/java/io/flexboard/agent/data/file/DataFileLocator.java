package io.flexboard.agent.data.file;

import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds a widget's file inside the data source's directory and nowhere else: the name is relative, has no
 * {@code .} or {@code ..} segment, no backslash and no percent-escaped dot or slash, and its real path
 * (symbolic links followed) must still be inside the directory's real path.
 */
final class DataFileLocator {

    private static final Pattern ENCODED_PATH_CHARACTER = Pattern.compile("%(2e|2f|5c)", Pattern.CASE_INSENSITIVE);

    private final Path directory;
    private final List<String> extensions;

    DataFileLocator(Path directory, List<String> extensions) {
        this.directory = directory;
        this.extensions = extensions;
    }

    Path locate(String name) throws ConnectorException {
        if (name == null || name.isBlank()) {
            throw refused("the widget names no file");
        }
        if (name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0 || ENCODED_PATH_CHARACTER.matcher(name).find()) {
            throw refused("the file name " + name + " holds a backslash, a NUL or an encoded '.' or '/'");
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw refused("the file name " + name + " is absolute: name a file inside the data source's directory");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
                throw refused("the file name " + name + " may not hold an empty, '.' or '..' part");
            }
        }
        String lowerName = name.toLowerCase(Locale.ROOT);
        if (extensions.stream().noneMatch(lowerName::endsWith)) {
            throw refused("the file " + name + " is not a " + String.join(" or ", extensions) + " file");
        }
        Path root;
        try {
            root = directory.toRealPath();
        } catch (IOException e) {
            throw new ConnectorException(Failure.UNREACHABLE, "the data source's directory cannot be read");
        }
        Path candidate;
        try {
            candidate = root.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw refused("the file name " + name + " is not a valid path");
        }
        if (!candidate.startsWith(root)) {
            throw refused("the file " + name + " is outside the data source's directory");
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw refused("the file " + name + " does not exist in the data source's directory");
        } catch (IOException e) {
            throw new ConnectorException(Failure.UNREACHABLE, "the file " + name + " cannot be read");
        }
        if (!real.startsWith(root)) {
            throw refused("the file " + name + " leads outside the data source's directory");
        }
        if (!Files.isRegularFile(real)) {
            throw refused("the file " + name + " is not a regular file");
        }
        return real;
    }

    private static ConnectorException refused(String message) {
        return new ConnectorException(Failure.REFUSED, message);
    }
}

package io.flexboard.infra.local.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The builder's bearer token: from the settings, else from {@code <data dir>/admin-token}, else a new random one stored there. */
public final class AdminToken {

    public static final String FILE_NAME = "admin-token";

    private AdminToken() {
    }

    /** The token and whether it was generated just now (so it is printed exactly once). */
    public record Resolved(String value, boolean generated, Path file) {
    }

    public static Resolved resolve(Settings settings) {
        if (settings.adminToken().isPresent()) {
            return new Resolved(settings.adminToken().get(), false, null);
        }
        Path file = settings.dataDir().resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return new Resolved(Files.readString(file, StandardCharsets.UTF_8).trim(), false, file);
            }
            String token = generate();
            Files.createDirectories(settings.dataDir());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                return new Resolved(Files.readString(file, StandardCharsets.UTF_8).trim(), false, file);
            }
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            return new Resolved(token, true, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the admin token in " + file, e);
        }
    }

    /** 256 random bits, URL-safe so it can be pasted into a header or a shell. */
    static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

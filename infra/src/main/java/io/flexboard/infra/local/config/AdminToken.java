package io.flexboard.infra.local.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The builder's bearer token: from the settings, else from {@code <data dir>/admin-token}, else a new random one stored there. */
public final class AdminToken {

    public static final String FILE_NAME = "admin-token";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);

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
                keepPrivate(file);
                return new Resolved(Files.readString(file, StandardCharsets.UTF_8).trim(), false, file);
            }
            String token = generate();
            Files.createDirectories(settings.dataDir());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
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

    /**
     * Makes a token file that group or others may read owner-only again, and says so. Warn-and-fix rather
     * than refuse: refusing only teaches a chmod, while the warning can say what matters, that the token
     * may have been read already and should be replaced. If the permissions cannot be changed (another
     * owner), the stack refuses to start: it would run on a token it cannot keep secret.
     */
    static void keepPrivate(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return; // such file systems have ACLs of their own, beyond this check
        }
        Set<PosixFilePermission> shared = EnumSet.copyOf(permissions);
        shared.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        if (shared.isEmpty()) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (IOException e) {
            throw new IllegalStateException("The admin token file " + file + " is readable by others ("
                    + PosixFilePermissions.toString(permissions) + ") and its permissions cannot be changed: make it rw------- or delete it", e);
        }
        log.warn("The admin token file {} was readable by group or others ({}); it is rw------- now. If others may have"
                + " read it, delete it and restart: a new token is generated", file, PosixFilePermissions.toString(permissions));
    }

    /** 256 random bits, URL-safe so it can be pasted into a header or a shell. */
    static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

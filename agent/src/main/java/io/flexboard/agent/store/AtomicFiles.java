package io.flexboard.agent.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that readers, and a restart after a crash or power cut, see either all the old
 * bytes or all the new ones: write a temp file in the same directory, force it to disk, rename it
 * over the target atomically, force the directory.
 */
public final class AtomicFiles {

    /** Temp files end so; any found at start are leftovers of a crash and never hold the truth. */
    public static final String TEMP_SUFFIX = ".tmp";

    private final CrashPoints crashPoints;

    public AtomicFiles() {
        this(CrashPoints.NONE);
    }

    AtomicFiles(CrashPoints crashPoints) {
        this.crashPoints = crashPoints;
    }

    /** Atomically replaces (or creates) {@code target} with {@code bytes}. */
    public void write(Path target, byte[] bytes) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            crashPoints.reached(temp, CrashPoints.Step.TEMP_WRITTEN);
            // Without this the rename may reach the disk before the data, and after a power cut the
            // target's name would point at an empty or partial file.
            channel.force(true);
        }
        crashPoints.reached(temp, CrashPoints.Step.TEMP_SYNCED);
        // Same directory, so same file system: the rename is one atomic directory update.
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        crashPoints.reached(target, CrashPoints.Step.RENAMED);
        forceDirectory(target.toAbsolutePath().getParent());
    }

    /** Deletes the temp files a crash left in {@code dir}; returns how many there were. */
    public static int deleteTemporaryFiles(Path dir) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "*" + TEMP_SUFFIX)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
                deleted++;
            }
        }
        return deleted;
    }

    /** Makes the rename itself durable: the new directory entry is on the disk once this returns. */
    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself, so
            // there is nothing more to force there. Elsewhere a failure here is a real disk error.
            if (!System.getProperty("os.name", "").toLowerCase().startsWith("windows")) {
                throw e;
            }
        }
    }
}

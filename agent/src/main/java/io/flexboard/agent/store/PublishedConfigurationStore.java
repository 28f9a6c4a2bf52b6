package io.flexboard.agent.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published configuration the agent applied, on disk. {@code current.json} holds version and
 * metadata in one file, so a crash can never leave a new version beside an old configuration;
 * {@code previous.json} keeps the last good one before it, to recover from a file damaged outside the
 * agent's control.
 */
public final class PublishedConfigurationStore {

    public static final String CURRENT = "current.json";
    public static final String PREVIOUS = "previous.json";
    /** A damaged current.json is moved aside under this name, for whoever wants to know what happened. */
    public static final String CORRUPT = "current.json.corrupt";

    private static final Logger LOG = LoggerFactory.getLogger(PublishedConfigurationStore.class);

    private final Path dir;
    private final AtomicFiles files;

    public PublishedConfigurationStore(Path dir) {
        this(dir, new AtomicFiles());
    }

    PublishedConfigurationStore(Path dir, AtomicFiles files) {
        this.dir = dir;
        this.files = files;
    }

    /**
     * Loads the configuration to run with, repairing the directory: temp files of a crashed write are
     * deleted; a damaged current.json is replaced from previous.json, else the agent starts from version 0.
     */
    public LoadedConfiguration open() throws IOException {
        Files.createDirectories(dir);
        int leftovers = AtomicFiles.deleteTemporaryFiles(dir);
        if (leftovers > 0) {
            LOG.info("Deleted {} temp file(s) left by an interrupted write in {}", leftovers, dir);
        }
        if (!Files.exists(current()) && !Files.exists(previous())) {
            return LoadedConfiguration.clean(AppliedConfiguration.NONE);
        }
        String problem;
        try {
            return LoadedConfiguration.clean(read(current()));
        } catch (NoSuchFileException e) {
            problem = CURRENT + " is missing";
        } catch (CorruptConfigurationException e) {
            problem = CURRENT + " is damaged: " + e.getMessage();
            Files.move(current(), dir.resolve(CORRUPT), StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            byte[] previousBytes = Files.readAllBytes(previous());
            AppliedConfiguration restored = PublishedConfigurationFile.parse(previousBytes);
            files.write(current(), previousBytes);
            String recovery = problem + "; recovered version " + restored.version() + " from " + PREVIOUS;
            LOG.warn("{} (the damaged file is kept as {})", recovery, CORRUPT);
            return LoadedConfiguration.recovered(restored, recovery);
        } catch (NoSuchFileException | CorruptConfigurationException e) {
            String recovery = problem + "; " + PREVIOUS + " is unusable too, starting from version 0";
            LOG.warn(recovery);
            return LoadedConfiguration.recovered(AppliedConfiguration.NONE, recovery);
        }
    }

    /** Reads what {@link #open()} would run with, changing nothing on disk (for the {@code status} command). */
    public LoadedConfiguration inspect() throws IOException {
        String problem;
        try {
            return LoadedConfiguration.clean(read(current()));
        } catch (NoSuchFileException e) {
            if (!Files.exists(previous())) {
                return LoadedConfiguration.clean(AppliedConfiguration.NONE);
            }
            problem = CURRENT + " is missing";
        } catch (CorruptConfigurationException e) {
            problem = CURRENT + " is damaged: " + e.getMessage();
        }
        try {
            AppliedConfiguration previous = read(previous());
            return LoadedConfiguration.recovered(previous, problem + "; the agent will recover version "
                    + previous.version() + " from " + PREVIOUS + " at start");
        } catch (NoSuchFileException | CorruptConfigurationException e) {
            return LoadedConfiguration.recovered(AppliedConfiguration.NONE, problem + "; " + PREVIOUS + " is unusable too");
        }
    }

    /**
     * Makes {@code next} the current configuration. The one that was current becomes previous.json
     * first (itself atomically), so at every instant both names hold a whole, self-consistent file.
     */
    public void apply(AppliedConfiguration next) throws IOException {
        try {
            byte[] good = Files.readAllBytes(current());
            PublishedConfigurationFile.parse(good);
            files.write(previous(), good);
        } catch (NoSuchFileException | CorruptConfigurationException e) {
            // Nothing good to keep: previous.json keeps whatever good file it already has.
        }
        files.write(current(), PublishedConfigurationFile.render(next));
    }

    public Path directory() {
        return dir;
    }

    private static AppliedConfiguration read(Path file) throws IOException, CorruptConfigurationException {
        return PublishedConfigurationFile.parse(Files.readAllBytes(file));
    }

    private Path current() {
        return dir.resolve(CURRENT);
    }

    private Path previous() {
        return dir.resolve(PREVIOUS);
    }
}

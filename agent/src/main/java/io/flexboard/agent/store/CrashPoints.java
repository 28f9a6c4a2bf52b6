package io.flexboard.agent.store;

import java.io.IOException;
import java.nio.file.Path;

/** The moments of an atomic write at which a power cut leaves something different on disk; tests cut the power there. */
interface CrashPoints {

    /** Production: nothing happens between the steps. */
    CrashPoints NONE = (file, step) -> { };

    /** Called after {@code step} on {@code file} (the temp file, or the target after the rename). */
    void reached(Path file, Step step) throws IOException;

    /** The steps of {@link AtomicFiles#write}, in order. */
    enum Step {
        /** The bytes are handed to the OS but may not be on the disk yet. */
        TEMP_WRITTEN,
        /** The temp file's bytes are on the disk. */
        TEMP_SYNCED,
        /** The temp file has the target's name (the directory entry may not be on the disk yet). */
        RENAMED
    }
}

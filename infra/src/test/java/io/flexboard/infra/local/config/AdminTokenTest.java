package io.flexboard.infra.local.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The admin token file stays the owner's: a shared one is made private again, with a warning to replace it. */
class AdminTokenTest {

    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AdminToken.class);

    @BeforeEach
    void recordWarnings() {
        warnings.start();
        logger.addAppender(warnings);
    }

    @AfterEach
    void stopRecording() {
        logger.detachAppender(warnings);
    }

    @Test
    void a_token_file_others_can_read_is_made_owner_only_and_a_warning_says_to_replace_the_token() throws Exception {
        Path file = tokenFile("rw-r--r--");

        AdminToken.Resolved token = AdminToken.resolve(Settings.forTest(dataDir, ""));

        assertThat(token.value()).isEqualTo("kept-token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(warnings.list).singleElement().satisfies(warning -> assertThat(warning.getFormattedMessage())
                .contains(file.toString(), "rw-r--r--", "delete it and restart")
                .doesNotContain("kept-token"));
    }

    @Test
    void a_token_file_the_group_can_read_is_made_owner_only() throws Exception {
        Path file = tokenFile("rw-r-----");

        AdminToken.resolve(Settings.forTest(dataDir, ""));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(warnings.list).hasSize(1);
    }

    @Test
    void an_owner_only_token_file_is_read_without_a_warning() throws Exception {
        Path file = tokenFile("rw-------");

        AdminToken.resolve(Settings.forTest(dataDir, ""));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(warnings.list).isEmpty();
    }

    private Path tokenFile(String permissions) throws Exception {
        Path file = dataDir.resolve(AdminToken.FILE_NAME);
        Files.writeString(file, "kept-token\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}

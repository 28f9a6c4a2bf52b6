package io.flexboard.agent.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void a_printed_hash_reads_back_and_matches_only_its_password() {
        PasswordHash hash = PasswordHash.of("s3cret-ของฉัน");

        PasswordHash read = PasswordHash.parse(hash.toString());

        assertThat(hash.toString()).matches("pbkdf2-sha256\\$600000\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}");
        assertThat(read.matches("s3cret-ของฉัน")).isTrue();
        assertThat(read.matches("s3cret-ของฉัน ")).isFalse();
        assertThat(read.matches("")).isFalse();
        assertThat(read.matches("x".repeat(PasswordHash.MAX_PASSWORD_LENGTH + 1))).isFalse();
    }

    @Test
    void the_same_password_hashes_differently_each_time() {
        assertThat(PasswordHash.of("same").toString()).isNotEqualTo(PasswordHash.of("same").toString());
    }

    @Test
    void a_stored_form_of_another_shape_is_refused_saying_why_without_repeating_it() {
        String salt = "AAAAAAAAAAAAAAAAAAAAAA==";
        String hash = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        assertRefused("hunter2", "must be pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>");
        assertRefused("bcrypt$10$" + salt + "$" + hash, "must be pbkdf2-sha256$");
        assertRefused("pbkdf2-sha256$many$" + salt + "$" + hash, "iteration count that is not a whole number");
        assertRefused("pbkdf2-sha256$1000$" + salt + "$" + hash, "between 10000 and 10000000 iterations, got 1000");
        assertRefused("pbkdf2-sha256$99999999999$" + salt + "$" + hash, "not a whole number");
        assertRefused("pbkdf2-sha256$600000$%%%$" + hash, "not base64");
        assertRefused("pbkdf2-sha256$600000$AAAA$" + hash, "salt of at least 16 bytes and a hash of 32 bytes");
        assertRefused("pbkdf2-sha256$600000$" + salt + "$AAAA", "salt of at least 16 bytes and a hash of 32 bytes");
        assertRefused("pbkdf2-sha256$600000$" + salt + "$" + hash + "$extra", "must be pbkdf2-sha256$");
    }

    @Test
    void the_command_prints_a_hash_of_the_first_line_on_stdin() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = HashPasswordCommand.run(new ByteArrayInputStream("pass word\r\nignored\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        PasswordHash printed = PasswordHash.parse(out.toString(StandardCharsets.UTF_8).strip());
        assertThat(printed.matches("pass word")).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("pass word");
    }

    @Test
    void the_command_refuses_an_empty_or_endless_stdin_with_exit_two() throws IOException {
        for (byte[] input : new byte[][] {new byte[0], "\n".getBytes(StandardCharsets.UTF_8),
                "y".repeat(5_000_000).getBytes(StandardCharsets.UTF_8)}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int code = HashPasswordCommand.run(new ByteArrayInputStream(input), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(code).isEqualTo(2);
            assertThat(out.size()).isZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("hash-password: ").doesNotContain("yyyy");
        }
    }

    private static void assertRefused(String stored, String reason) {
        assertThatThrownBy(() -> PasswordHash.parse(stored))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("AAAAAAAA", "hunter2"));
    }
}

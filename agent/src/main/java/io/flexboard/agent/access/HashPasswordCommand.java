package io.flexboard.agent.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar flexboard-agent.jar hash-password}: reads the viewer password from stdin (its first line)
 * and prints the value for {@code AGENT_VIEWER_PASSWORD_HASH}. Stdin rather than an argument, so the
 * password lands in neither the shell history nor the process list.
 */
public final class HashPasswordCommand {

    private HashPasswordCommand() {
    }

    /** @return 0 when a hash was printed, 2 when there was no usable password */
    public static int run(InputStream in, PrintStream out, PrintStream err) throws IOException {
        byte[] input = in.readNBytes(PasswordHash.MAX_PASSWORD_LENGTH * 4 + 2);
        String password = firstLine(new String(input, StandardCharsets.UTF_8));
        if (password.isEmpty()) {
            err.println("hash-password: no password on stdin (e.g. `read -rs P; printf '%s' \"$P\" | java -jar flexboard-agent.jar hash-password`)");
            return 2;
        }
        if (password.length() > PasswordHash.MAX_PASSWORD_LENGTH) {
            err.println("hash-password: the password is longer than " + PasswordHash.MAX_PASSWORD_LENGTH + " characters");
            return 2;
        }
        out.println(PasswordHash.of(password));
        return 0;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}

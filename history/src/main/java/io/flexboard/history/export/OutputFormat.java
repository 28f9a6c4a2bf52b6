package io.flexboard.history.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code --format} writes: JSON Lines, CSV (RFC 4180) or an Avro object-container file. */
public enum OutputFormat {
    JSONL, CSV, AVRO;

    /** The name on the command line. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OutputFormat parse(String value) {
        for (OutputFormat format : values()) {
            if (format.optionValue().equals(value.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new UsageException("--format", "must be one of " + choices() + ", got '" + value + "'");
    }

    static String choices() {
        return Arrays.stream(values()).map(OutputFormat::optionValue).collect(Collectors.joining(", "));
    }
}

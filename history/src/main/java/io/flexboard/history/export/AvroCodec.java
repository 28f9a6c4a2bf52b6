package io.flexboard.history.export;

import java.util.Locale;

import org.apache.avro.file.CodecFactory;

/**
 * The block compression of an Avro export ({@code --avro-codec}). Deflate is the default because every
 * Avro implementation must read it; snappy is faster and read by the common tools (avro-tools, Spark,
 * fastavro with python-snappy).
 */
public enum AvroCodec {
    DEFLATE, SNAPPY;

    /** The codec for Avro's {@code DataFileWriter}. */
    public CodecFactory factory() {
        return switch (this) {
            // Level 1: on the benchmark's history a fifth larger than the default level 6 for half its CPU, and
            // compressing is what limits an Avro export's speed.
            case DEFLATE -> CodecFactory.deflateCodec(1);
            case SNAPPY -> CodecFactory.snappyCodec();
        };
    }

    static AvroCodec parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "deflate" -> DEFLATE;
            case "snappy" -> SNAPPY;
            default -> throw new UsageException("--avro-codec", "must be deflate or snappy, got '" + value + "'");
        };
    }
}

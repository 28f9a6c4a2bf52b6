package io.flexboard.history.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

import io.flexboard.schemas.EventEnvelope;

/**
 * Writes exported events in one format. A record is written whole or not at all, so an output closed at any
 * moment (the end of the range, an error, Ctrl-C) ends with a complete record.
 */
interface EventWriter extends Closeable {

    /**
     * Appends one event.
     *
     * @throws AvroJson.NotJsonException when a widget's config_json is not a JSON object; nothing was written
     */
    void write(EventEnvelope event) throws IOException;

    /**
     * Appends one event, given also the record's value as it was read ({@code EventCodec}'s wire format), which
     * a writer may copy instead of encoding the event again.
     */
    default void write(EventEnvelope event, byte[] wire) throws IOException {
        write(event);
    }

    /** Flushes what is buffered and closes the output. */
    @Override
    void close() throws IOException;

    static EventWriter open(OutputFormat format, OutputStream out, AvroCodec codec) throws IOException {
        return switch (format) {
            case JSONL -> new JsonLinesWriter(out);
            case CSV -> new CsvWriter(out);
            case AVRO -> new AvroFileWriter(out, codec);
        };
    }
}

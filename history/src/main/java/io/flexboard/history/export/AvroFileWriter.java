package io.flexboard.history.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.flexboard.schemas.EventEnvelope;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * An Avro object-container file with the current {@code EventEnvelope} schema in its header, so any Avro tool
 * reads it without Flexboard's code; events written with an older schema come out in the current shape.
 */
final class AvroFileWriter implements EventWriter {

    /** Single-object encoding: {@code C3 01}, the writer schema's 8-byte fingerprint (little-endian), the body. */
    private static final int HEADER = 10;
    private static final long CURRENT = SchemaNormalization.parsingFingerprint64(EventEnvelope.getClassSchema());

    private final DataFileWriter<EventEnvelope> file;

    AvroFileWriter(OutputStream out, AvroCodec codec) throws IOException {
        SpecificDatumWriter<EventEnvelope> datumWriter =
                new SpecificDatumWriter<>(EventEnvelope.getClassSchema(), SpecificData.getForClass(EventEnvelope.class));
        file = new DataFileWriter<>(datumWriter).setCodec(codec.factory());
        file.create(EventEnvelope.getClassSchema(), out);
    }

    @Override
    public void write(EventEnvelope event) throws IOException {
        file.append(event);
    }

    /**
     * A record written with the current schema already holds the file's encoding of the event after its header:
     * copied as it is, which spares encoding it again (a fifth of an Avro export's CPU). Others are re-encoded.
     */
    @Override
    public void write(EventEnvelope event, byte[] wire) throws IOException {
        if (wire.length > HEADER && ByteBuffer.wrap(wire, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong() == CURRENT) {
            file.appendEncoded(ByteBuffer.wrap(wire, HEADER, wire.length - HEADER));
        } else {
            file.append(event);
        }
    }

    @Override
    public void close() throws IOException {
        // Writes the last block (a whole number of records) and closes the stream.
        file.close();
    }
}

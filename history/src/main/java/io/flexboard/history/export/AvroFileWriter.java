package io.flexboard.history.export;

import java.io.IOException;
import java.io.OutputStream;

import io.flexboard.schemas.EventEnvelope;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * An Avro object-container file with the current {@code EventEnvelope} schema in its header, so any Avro tool
 * reads it without Flexboard's code; events written with an older schema come out in the current shape.
 */
final class AvroFileWriter implements EventWriter {

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

    @Override
    public void close() throws IOException {
        // Writes the last block (a whole number of records) and closes the stream.
        file.close();
    }
}

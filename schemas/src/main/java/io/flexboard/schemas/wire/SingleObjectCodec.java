package io.flexboard.schemas.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding of one record type: {@code C3 01}, the 8-byte CRC-64-AVRO fingerprint
 * of the writer's schema, then the Avro binary body.
 *
 * <p>No schema-registry server is needed: the decoder knows every released schema of the type (from
 * {@link SchemaHistory}) by fingerprint and resolves old bytes into the current classes. Instances
 * are thread-safe.
 */
public final class SingleObjectCodec<T extends SpecificRecord> {

    static {
        TrustedClasses.registerFlexboardSchemas();
    }

    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    SingleObjectCodec(Class<T> type, Schema current, List<Schema> history) {
        SpecificData data = SpecificData.getForClass(type);
        this.encoder = new BinaryMessageEncoder<>(data, current);
        this.decoder = new BinaryMessageDecoder<>(data, current);
        history.forEach(decoder::addSchema);
    }

    /** Encodes a record with the current schema. */
    public byte[] encode(T record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes bytes written with any released schema of the type.
     *
     * @throws org.apache.avro.message.MissingSchemaException when the writer's schema is unknown
     */
    public T decode(byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

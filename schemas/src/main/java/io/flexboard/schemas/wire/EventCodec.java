package io.flexboard.schemas.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import io.flexboard.schemas.EventEnvelope;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;

/**
 * The wire format of the events topic: Avro single-object encoding of {@link EventEnvelope}.
 *
 * <p>Each value is {@code C3 01}, the 8-byte CRC-64-AVRO fingerprint of the writer's schema, then
 * the Avro binary body. No schema-registry server is needed: the decoder knows every schema in
 * {@link SchemaHistory} by fingerprint and resolves old bytes into the current classes. Instances
 * are thread-safe.
 */
public final class EventCodec {

    static {
        TrustedClasses.registerFlexboardSchemas();
    }

    private static final EventCodec INSTANCE = new EventCodec();

    private final BinaryMessageEncoder<EventEnvelope> encoder =
            new BinaryMessageEncoder<>(SpecificData.getForClass(EventEnvelope.class), EventEnvelope.getClassSchema());
    private final BinaryMessageDecoder<EventEnvelope> decoder =
            new BinaryMessageDecoder<>(SpecificData.getForClass(EventEnvelope.class), EventEnvelope.getClassSchema());

    private EventCodec() {
        SchemaHistory.envelopeSchemas().forEach(decoder::addSchema);
    }

    /** The shared codec. */
    public static EventCodec instance() {
        return INSTANCE;
    }

    /** Encodes an envelope with the current schema. */
    public byte[] encode(EventEnvelope envelope) {
        try {
            ByteBuffer buffer = encoder.encode(envelope);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes bytes written with any known envelope schema.
     *
     * @throws org.apache.avro.message.MissingSchemaException when the writer's schema is unknown
     */
    public EventEnvelope decode(byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

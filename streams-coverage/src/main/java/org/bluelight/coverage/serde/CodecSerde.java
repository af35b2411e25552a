package org.bluelight.coverage.serde;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.bluelight.runtime.serde.DataText;
import org.bluelight.runtime.serde.EncodingBuffer;

/**
 * A serde for the app's own state and repartition records, which only this app reads: a compact
 * binary layout (reach sets run to thousands of cells) behind a format version byte.
 */
public final class CodecSerde<T> implements Serde<T> {

    private static final byte FORMAT_VERSION = 1;

    /** Writes and reads one type. */
    public interface Codec<T> {
        void write(T value, DataOutputStream out) throws IOException;

        T read(DataInputStream in) throws IOException;
    }

    /**
     * Writes {@code text} as {@link DataOutputStream#writeUTF} does when it fits, so existing state
     * reads the same, and as a length-prefixed UTF-8 text when it does not: a write never fails
     * on a long string.
     */
    public static void writeText(DataOutputStream out, String text) throws IOException {
        DataText.write(out, text);
    }

    /** Reads what {@link #writeText} wrote. */
    public static String readText(DataInputStream in) throws IOException {
        return DataText.read(in);
    }

    private final String typeName;
    private final Codec<T> codec;

    public CodecSerde(String typeName, Codec<T> codec) {
        this.typeName = typeName;
        this.codec = codec;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                EncodingBuffer bytes = new EncodingBuffer(64);
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeByte(FORMAT_VERSION);
                codec.write(value, out);
                out.flush();
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new SerializationException("Cannot write " + typeName, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
                byte version = in.readByte();
                if (version != FORMAT_VERSION) {
                    throw new SerializationException("Unknown " + typeName + " format version " + version);
                }
                return codec.read(in);
            } catch (SerializationException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("Cannot read " + typeName + " from " + data.length + " bytes", e);
            }
        };
    }
}

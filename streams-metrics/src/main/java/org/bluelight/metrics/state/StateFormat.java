package org.bluelight.metrics.state;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.bluelight.runtime.serde.DataText;
import org.bluelight.runtime.serde.EncodingBuffer;
import org.bluelight.runtime.serde.JsonSerde;

/**
 * The compact binary form of state the app reads and rewrites on every update, and of the records
 * it repartitions (a replay's largest costs were doing that in JSON): a format version byte, then
 * what the type's {@link Writer} wrote. Values stored or repartitioned as JSON by earlier versions
 * are still read (JSON starts with '{', the versions are small numbers). Texts that may be long go
 * through {@link DataText}; a value that may be absent is preceded by a presence flag.
 */
public final class StateFormat {

    /** Writes one type's fields, after the version byte. */
    public interface Writer<T> {
        void write(T value, DataOutputStream out) throws IOException;
    }

    /** Reads one type's fields as written in {@code version}. */
    public interface Reader<T> {
        T read(byte version, DataInputStream in) throws IOException;
    }

    private StateFormat() {
    }

    /**
     * A serde writing {@code version} and reading any version {@code reader} knows, or JSON of
     * {@code jsonType}; unreadable bytes raise a {@link SerializationException} naming {@code what}.
     */
    public static <T> Serde<T> serde(String what, byte version, Class<T> jsonType, Writer<T> writer, Reader<T> reader) {
        Deserializer<T> json = JsonSerde.of(jsonType).deserializer();
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            EncodingBuffer bytes = new EncodingBuffer(256);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(version);
                writer.write(value, out);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + what, e);
            }
            return bytes.toByteArray();
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return json.deserialize(topic, bytes);
            }
            try {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
                T value = reader.read(in.readByte(), in);
                if (in.available() > 0) {
                    throw new IOException(in.available() + " bytes after " + what);
                }
                return value;
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot read " + what + " on " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    public static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    public static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    public static void writeOptionalInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            writeInstant(out, instant);
        }
    }

    public static Instant readOptionalInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? readInstant(in) : null;
    }

    public static void writeOptionalText(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            DataText.write(out, text);
        }
    }

    public static String readOptionalText(DataInputStream in) throws IOException {
        return in.readBoolean() ? DataText.read(in) : null;
    }

    /** Enum values by name, so new symbols do not shift old ones. */
    public static void writeNames(DataOutputStream out, Set<? extends Enum<?>> values) throws IOException {
        out.writeByte(values.size());
        for (Enum<?> value : values) {
            out.writeUTF(value.name());
        }
    }

    public static <E extends Enum<E>> Set<E> readNames(DataInputStream in, Class<E> type) throws IOException {
        int count = in.readUnsignedByte();
        Set<E> values = EnumSet.noneOf(type);
        for (int i = 0; i < count; i++) {
            values.add(Enum.valueOf(type, in.readUTF()));
        }
        return values;
    }

    /** An enum value by name, or absent. */
    public static void writeOptionalName(DataOutputStream out, Enum<?> value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value.name());
        }
    }

    public static <E extends Enum<E>> E readOptionalName(DataInputStream in, Class<E> type) throws IOException {
        return in.readBoolean() ? Enum.valueOf(type, in.readUTF()) : null;
    }
}

package org.bluelight.metrics.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.bluelight.runtime.serde.JsonSerde;

/**
 * The compact binary form of state the app reads and rewrites on every update (a replay's largest
 * cost was doing that in JSON): a format version byte, then what the type's {@link Writer} wrote.
 * Values stored as JSON by earlier versions are still read (JSON starts with '{', the versions are
 * small numbers).
 */
public final class StateFormat {

    /**
     * {@link DataOutputStream#writeUTF} holds at most 65,535 bytes: its length prefix, when set to
     * this, announces a longer text instead, whose length follows as an int. Shorter texts are
     * written as writeUTF writes them, so state written with it reads the same.
     */
    private static final int LONG_TEXT = 0xFFFF;

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
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
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

    /** Writes {@code text} as {@link DataOutputStream#writeUTF} does when it fits, and never fails on a long one. */
    public static void writeText(DataOutputStream out, String text) throws IOException {
        if (modifiedUtf8Length(text) < LONG_TEXT) {
            out.writeUTF(text);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeShort(LONG_TEXT);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** Reads what {@link #writeText} wrote. */
    public static String readText(DataInputStream in) throws IOException {
        in.mark(2);
        int length = in.readUnsignedShort();
        if (length != LONG_TEXT) {
            in.reset();
            return in.readUTF();
        }
        int size = in.readInt();
        if (size < 0 || size > in.available()) {
            throw new IOException("text of " + size + " bytes in " + in.available() + " remaining");
        }
        return new String(in.readNBytes(size), StandardCharsets.UTF_8);
    }

    private static long modifiedUtf8Length(String text) {
        long length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            length += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
        }
        return length;
    }
}

package org.bluelight.coverage.serde;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde for the app's own state and repartition records, which only this app reads: a compact
 * binary layout (reach sets run to thousands of cells) behind a format version byte.
 */
public final class CodecSerde<T> implements Serde<T> {

    private static final byte FORMAT_VERSION = 1;
    /**
     * {@link DataOutputStream#writeUTF} holds at most 65,535 bytes: its length prefix, when set
     * to this, announces a longer text instead, whose length follows as an int. (A text of
     * exactly 65,535 bytes is written the new way; ids are far shorter, so none is in old state.)
     */
    private static final int LONG_TEXT = 0xFFFF;

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
        int length = in.readUnsignedShort();
        if (length != LONG_TEXT) {
            byte[] modified = new byte[length + 2];
            modified[0] = (byte) (length >>> 8);
            modified[1] = (byte) length;
            in.readFully(modified, 2, length);
            return new DataInputStream(new ByteArrayInputStream(modified)).readUTF();
        }
        int size = in.readInt();
        if (size < 0 || size > in.available()) {
            throw new IOException("Text of " + size + " bytes in " + in.available() + " remaining");
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
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
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

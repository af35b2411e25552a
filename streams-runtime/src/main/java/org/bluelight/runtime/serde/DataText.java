package org.bluelight.runtime.serde;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Texts in the apps' binary state: {@link DataOutputStream#writeUTF} holds at most 65,535 bytes, so
 * its length prefix, when set to {@value #LONG_TEXT}, announces a longer text instead, whose length
 * follows as an int. Shorter texts are written as writeUTF writes them, so existing state reads the
 * same (a text of exactly 65,535 bytes is written the new way; ids are far shorter, so none is in
 * old state), and a write never fails on a long string.
 */
public final class DataText {

    private static final int LONG_TEXT = 0xFFFF;

    private DataText() {
    }

    public static void write(DataOutputStream out, String text) throws IOException {
        if (modifiedUtf8Length(text) < LONG_TEXT) {
            out.writeUTF(text);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeShort(LONG_TEXT);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** Reads what {@link #write} wrote. */
    public static String read(DataInputStream in) throws IOException {
        int length = in.readUnsignedShort();
        if (length != LONG_TEXT) {
            byte[] modified = new byte[length];
            in.readFully(modified);
            return ascii(modified) ? new String(modified, StandardCharsets.ISO_8859_1) : modifiedUtf8(modified);
        }
        int size = in.readInt();
        if (size < 0 || size > in.available()) {
            throw new IOException("Text of " + size + " bytes in " + in.available() + " remaining");
        }
        return new String(in.readNBytes(size), StandardCharsets.UTF_8);
    }

    /** Bytes below 0x80 are the same characters in modified UTF-8 and Latin-1 (ids, keys, most texts). */
    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Decodes modified UTF-8 by handing readUTF the bytes with their length prefix. */
    private static String modifiedUtf8(byte[] bytes) throws IOException {
        byte[] prefixed = new byte[bytes.length + 2];
        prefixed[0] = (byte) (bytes.length >>> 8);
        prefixed[1] = (byte) bytes.length;
        System.arraycopy(bytes, 0, prefixed, 2, bytes.length);
        return new DataInputStream(new ByteArrayInputStream(prefixed)).readUTF();
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

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
}

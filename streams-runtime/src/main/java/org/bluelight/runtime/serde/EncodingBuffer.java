package org.bluelight.runtime.serde;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of one value being encoded: {@link java.io.ByteArrayOutputStream} without its locks. A
 * {@link java.io.DataOutputStream} writes each number as its own call, and ByteArrayOutputStream
 * takes a lock at every call (an atomic operation each since Java 15 dropped biased locking): in a
 * replay of a year that was 5% of the metrics app's stream threads, encoding state at every write.
 * One buffer per value, used by one thread.
 */
public final class EncodingBuffer extends OutputStream {

    private byte[] bytes;
    private int size;

    public EncodingBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    @Override
    public void write(int b) {
        ensureCapacity(size + 1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, source.length);
        ensureCapacity(size + length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** A copy of what was written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    public int size() {
        return size;
    }

    private void ensureCapacity(int needed) {
        if (needed > bytes.length) {
            // Grows as ByteArrayOutputStream does; a value larger than an array can hold fails here, as there.
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }
}

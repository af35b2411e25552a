package org.bluelight.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class EncodingBufferTest {

    @Test
    void holdsWhatADataOutputStreamWroteAsByteArrayOutputStreamWould() throws IOException {
        EncodingBuffer buffer = new EncodingBuffer(4);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        write(buffer);
        write(expected);

        assertThat(buffer.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(buffer.size()).isEqualTo(expected.size()).isGreaterThan(4);
    }

    @Test
    void growsPastItsInitialCapacityForOneLargeWrite() {
        EncodingBuffer buffer = new EncodingBuffer(16);
        byte[] large = new byte[10_000];
        large[9_999] = 7;
        buffer.write(1);
        buffer.write(large, 0, large.length);

        assertThat(buffer.size()).isEqualTo(10_001);
        assertThat(buffer.toByteArray()[10_000]).isEqualTo((byte) 7);
    }

    @Test
    void refusesASliceOutsideTheSource() {
        EncodingBuffer buffer = new EncodingBuffer(16);
        assertThatThrownBy(() -> buffer.write(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(buffer.size()).isZero();
    }

    private static void write(OutputStream target) throws IOException {
        try (DataOutputStream out = new DataOutputStream(target)) {
            out.writeByte(2);
            out.writeUTF("HOUR|2025-12-05T01:00:00Z");
            out.writeLong(Long.MIN_VALUE);
            out.writeDouble(Double.NaN);
            out.writeInt(-1);
            out.writeBoolean(true);
            DataText.write(out, "é".repeat(40_000));
        }
    }
}

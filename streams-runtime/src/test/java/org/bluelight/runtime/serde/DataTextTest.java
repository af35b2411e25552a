package org.bluelight.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DataTextTest {

    @Test
    void writesShortTextAsWriteUtfDoes() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        DataText.write(new DataOutputStream(text), "O1 ✓");
        ByteArrayOutputStream utf = new ByteArrayOutputStream();
        new DataOutputStream(utf).writeUTF("O1 ✓");

        assertThat(text.toByteArray()).isEqualTo(utf.toByteArray());
        assertThat(DataText.read(new DataInputStream(new ByteArrayInputStream(utf.toByteArray())))).isEqualTo("O1 ✓");
    }

    @Test
    void roundTripsTextLongerThanWriteUtfHolds() throws IOException {
        String text = "é".repeat(40_000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        DataText.write(out, text);
        DataText.write(out, "after");

        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(DataText.read(in)).isEqualTo(text);
        assertThat(DataText.read(in)).isEqualTo("after");
    }

    @Test
    void readsAsciiAndOtherTextsAsReadUtfDoes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (String text : new String[] {"3:P12call-o:I7", "", "nul \u0000 inside", "é", "O1 ✓ 😀"}) {
            out.writeUTF(text);
        }

        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(DataText.read(in)).isEqualTo("3:P12call-o:I7");
        assertThat(DataText.read(in)).isEqualTo("");
        assertThat(DataText.read(in)).isEqualTo("nul \u0000 inside");
        assertThat(DataText.read(in)).isEqualTo("é");
        assertThat(DataText.read(in)).isEqualTo("O1 ✓ 😀");
        assertThat(in.available()).isZero();
    }
}

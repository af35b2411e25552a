package org.bluelight.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.bluelight.schemas.serde.ContractSerdes;

/**
 * Plain Avro binary of each contract, without the registry's wire-format header: for topology
 * tests in one JVM, where no schema registry runs. A topology's behaviour does not depend on the
 * wire format, which the schemas and registry modules test.
 */
public final class PlainAvroSerdes implements ContractSerdes {

    public static final PlainAvroSerdes INSTANCE = new PlainAvroSerdes();

    private PlainAvroSerdes() {
    }

    @Override
    public <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean key) {
        return of(type);
    }

    /** The plain Avro binary serde of {@code type}. */
    public static <T extends SpecificRecord> Serde<T> of(Class<T> type) {
        Schema schema = SpecificData.get().getSchema(type);
        SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(schema);
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(schema);
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
                writer.write(value, encoder);
                encoder.flush();
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

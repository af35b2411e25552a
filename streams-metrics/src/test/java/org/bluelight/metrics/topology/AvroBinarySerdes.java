package org.bluelight.metrics.topology;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.bluelight.schemas.Topic;

/**
 * Plain Avro binary serdes for topology tests in one JVM, where no schema registry runs: the
 * topology's behaviour does not depend on the wire format, which the schemas module tests.
 */
final class AvroBinarySerdes implements ContractSerdes {

    @Override
    public <K> Serde<K> key(Topic topic, Class<K> keyType) {
        return keyType == String.class ? cast(Serdes.String()) : avro(keyType);
    }

    @Override
    public <V> Serde<V> value(Topic topic, Class<V> valueType) {
        return avro(valueType);
    }

    @SuppressWarnings("unchecked")
    private static <T> Serde<T> cast(Serde<?> serde) {
        return (Serde<T>) serde;
    }

    static <T> Serde<T> avro(Class<T> type) {
        org.apache.avro.Schema schema = SpecificData.get().getSchema(type);
        SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(schema);
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(schema);
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type + " is not an Avro record");
        }
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

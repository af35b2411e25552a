package org.bluelight.coverage.stream;

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
 * Avro binary of each topic's value class, without the registry's wire-format header: enough for
 * topology tests, which never leave the JVM.
 */
final class PlainAvroSerdes implements AvroSerdes {

    @Override
    @SuppressWarnings("unchecked")
    public <V extends SpecificRecord> Serde<V> valueSerde(Topic topic) {
        Class<V> type = (Class<V>) topic.valueType();
        org.apache.avro.Schema schema = SpecificData.get().getSchema(type);
        return Serdes.serdeFrom((t, value) -> {
            if (value == null) {
                return null;
            }
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
                new SpecificDatumWriter<V>(schema).write(value, encoder);
                encoder.flush();
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, (t, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return new SpecificDatumReader<V>(schema).read(null, DecoderFactory.get().binaryDecoder(data, null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

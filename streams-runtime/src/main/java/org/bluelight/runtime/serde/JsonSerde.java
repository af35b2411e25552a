package org.bluelight.runtime.serde;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON for an app's own intermediate records: its state stores and repartition topics. Only the
 * app reads them and they change with its code, so they are not registered contracts; whatever an
 * app publishes is Avro ({@link AppSerdes}).
 *
 * <p>Record components are written, derived {@code isX()} accessors are not (they would be
 * recomputed anyway); unknown properties are ignored on read, so a store written before a field
 * was dropped still restores. Bytes that cannot be read raise Kafka's {@link SerializationException}.
 *
 * <p>{@link Instant}s are written as epoch milliseconds: parsing ISO-8601 text was an eighth of the
 * metrics app's replay time. Text written by earlier versions (and any instant finer than a
 * millisecond, which stays text to stay exact) is still read. Versions before this one read the
 * numbers as epoch seconds, so going back to one needs its state reset.
 */
public final class JsonSerde {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("epoch-millis-instants")
                    .addSerializer(Instant.class, new EpochMillisWriter())
                    .addDeserializer(Instant.class, new EpochMillisReader()))
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonSerde() {
    }

    public static <T> Serde<T> of(Class<T> type) {
        return of(MAPPER.constructType(type));
    }

    /** For generic values, e.g. {@code JsonSerde.of(new TypeReference<Set<String>>() { })}. */
    public static <T> Serde<T> of(TypeReference<T> type) {
        return of(MAPPER.constructType(type));
    }

    private static <T> Serde<T> of(JavaType type) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return MAPPER.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + type + " as JSON", e);
            }
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return MAPPER.readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("cannot read " + type + " from JSON on " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static final class EpochMillisWriter extends StdScalarSerializer<Instant> {

        EpochMillisWriter() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (value.getNano() % 1_000_000 == 0) {
                generator.writeNumber(value.toEpochMilli());
            } else {
                generator.writeString(value.toString());
            }
        }
    }

    private static final class EpochMillisReader extends StdScalarDeserializer<Instant> {

        EpochMillisReader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                return Instant.ofEpochMilli(parser.getLongValue());
            }
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                try {
                    return Instant.parse(parser.getText());
                } catch (DateTimeParseException e) {
                    return (Instant) context.handleWeirdStringValue(Instant.class, parser.getText(), e.getMessage());
                }
            }
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
    }
}

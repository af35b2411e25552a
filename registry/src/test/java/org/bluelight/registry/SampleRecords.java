package org.bluelight.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * A filled-in instance of any generated record class, every field set from its schema (the
 * first non-null branch of a union, two elements per array), varied by a seed.
 */
final class SampleRecords {

    static {
        // Avro 1.12 loads generated classes by name only if trusted; the serdes trust their own
        // reader classes, this helper decodes outside them.
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                type -> type.getName().startsWith("org.bluelight.schemas.")));
    }

    private SampleRecords() {
    }

    static <T extends SpecificRecord> T sample(Class<T> type, int seed) {
        Schema schema = SpecificData.get().getSchema(type);
        Object generic = value(schema, seed);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<Object>(schema).write(generic, encoder);
            encoder.flush();
            return new SpecificDatumReader<T>(schema, schema, SpecificData.getForClass(type))
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(Schema schema, int seed) {
        switch (schema.getType()) {
            case RECORD: {
                GenericData.Record record = new GenericData.Record(schema);
                int field = 0;
                for (Schema.Field f : schema.getFields()) {
                    record.put(f.pos(), value(f.schema(), seed + field++));
                }
                return record;
            }
            case ENUM:
                return new GenericData.EnumSymbol(schema,
                        schema.getEnumSymbols().get(Math.floorMod(seed, schema.getEnumSymbols().size())));
            case ARRAY: {
                List<Object> items = new ArrayList<>();
                items.add(value(schema.getElementType(), seed));
                items.add(value(schema.getElementType(), seed + 1));
                return new GenericData.Array<>(schema, items);
            }
            case MAP:
                return Map.of("k" + seed, value(schema.getValueType(), seed));
            case UNION:
                for (Schema branch : schema.getTypes()) {
                    if (branch.getType() != Schema.Type.NULL) {
                        return value(branch, seed);
                    }
                }
                return null;
            case FIXED:
                return new GenericData.Fixed(schema, new byte[schema.getFixedSize()]);
            case STRING:
                return "s" + seed;
            case BYTES:
                return ByteBuffer.wrap(new byte[] {(byte) seed, 1, 2});
            case INT:
                return 19000 + seed;
            case LONG:
                return 1_700_000_000_000L + seed * 1000L;
            case FLOAT:
                return seed + 0.5f;
            case DOUBLE:
                return seed + 0.25;
            case BOOLEAN:
                return seed % 2 == 0;
            case NULL:
                return null;
            default:
                throw new IllegalArgumentException("Unhandled Avro type " + schema.getType());
        }
    }
}

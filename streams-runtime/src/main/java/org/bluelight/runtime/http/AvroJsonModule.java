package org.bluelight.runtime.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.util.Utf8;

/**
 * Writes Avro records (generated SpecificRecords and generic ones) as plain JSON objects of their
 * schema fields, so query endpoints can return what the state stores hold. Without it Jackson would
 * walk the records' getters, including {@code getSchema()}.
 */
public final class AvroJsonModule extends SimpleModule {

    public AvroJsonModule() {
        super("bluelight-avro");
        addSerializer(IndexedRecord.class, new IndexedRecordSerializer());
        addSerializer(Utf8.class, ToStringSerializer.instance);
        addKeySerializer(Utf8.class, ToStringSerializer.instance);
        addSerializer(GenericEnumSymbol.class, ToStringSerializer.instance);
    }

    private static final class IndexedRecordSerializer extends StdSerializer<IndexedRecord> {

        IndexedRecordSerializer() {
            super(IndexedRecord.class);
        }

        @Override
        public void serialize(IndexedRecord record, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            for (Schema.Field field : record.getSchema().getFields()) {
                gen.writeFieldName(field.name());
                provider.defaultSerializeValue(record.get(field.pos()), gen);
            }
            gen.writeEndObject();
        }
    }
}

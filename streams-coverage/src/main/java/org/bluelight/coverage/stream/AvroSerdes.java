package org.bluelight.coverage.stream;

import org.apache.kafka.common.serialization.Serde;
import org.apache.avro.specific.SpecificRecord;
import org.bluelight.schemas.Topic;

/** The value serde of each topic the app reads or writes (Avro, registered with the schema registry). */
public interface AvroSerdes {

    <V extends SpecificRecord> Serde<V> valueSerde(Topic topic);
}

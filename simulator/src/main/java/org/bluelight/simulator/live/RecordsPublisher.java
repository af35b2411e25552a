package org.bluelight.simulator.live;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.serde.ContractSerdes;
import org.bluelight.simulator.records.Publication;
import org.bluelight.simulator.records.RecordKeeper;

/**
 * Sends what the {@link RecordKeeper} hands out (hot spots, the trial schedule, crime and custody records, planned
 * operations), each stamped with its own simulated time, with its topic's key and value contracts.
 */
final class RecordsPublisher {

    private final Producer<byte[], byte[]> producer;
    private final AppSerdes serdes;
    private final PrintStream status;
    private final AtomicInteger sendFailures = new AtomicInteger();

    RecordsPublisher(Producer<byte[], byte[]> producer, RegistryClient registry, PrintStream status) {
        this.producer = producer;
        this.serdes = new AppSerdes(ContractSerdes.registry(registry));
        this.status = status;
    }

    void send(List<Publication<?, ?>> publications) {
        publications.forEach(this::send);
    }

    private <K, V extends SpecificRecord> void send(Publication<K, V> publication) {
        String topic = publication.topic().topicName();
        producer.send(new ProducerRecord<>(topic, null, publication.at().toEpochMilli(),
                serdes.keySerde(publication.topic()).serializer().serialize(topic, publication.key()),
                serdes.valueSerde(publication.topic()).serializer().serialize(topic, publication.value())),
                (metadata, error) -> {
                    if (error != null && sendFailures.getAndIncrement() == 0) {
                        status.println("simulator: a record to " + topic + " was refused: " + error.getMessage());
                    }
                });
    }

    int sendFailures() {
        return sendFailures.get();
    }
}

package org.bluelight.runtime.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bluelight.schemas.serde.AvroSerdeException;
import org.junit.jupiter.api.Test;

class ResultTest {

    @Test
    void reasonCodesAreShortLowerCaseLabels() {
        assertThat(Result.invalid("position-outside-map", "53.1,-9.9 is off the map"))
                .isEqualTo(new Result.Invalid<>("position-outside-map", "53.1,-9.9 is off the map"));
        assertThatThrownBy(() -> Result.invalid("Position outside map", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Result.invalid("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Result.valid(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void serdeFailuresAreNamedByTheirSerdeReason() {
        AvroSerdeException unknownId = new AvroSerdeException(AvroSerdeException.Reason.UNKNOWN_SCHEMA_ID,
                "officer.telematics", false, "no schema 42", null);

        DeadLetter letter = DeadLetter.of("officer.telematics", 2, 17, 5L, null, new byte[] {0, 0, 0, 0, 42},
                new RecordHeaders(), Stage.DESERIALIZATION, unknownId, Optional.empty());

        assertThat(letter.reason()).isEqualTo("unknown-schema-id");
        assertThat(letter.stage()).isEqualTo(Stage.DESERIALIZATION);
        assertThat(FailureReason.isTransient(unknownId)).isFalse();
        assertThat(FailureReason.isTransient(new AvroSerdeException(AvroSerdeException.Reason.REGISTRY_UNAVAILABLE,
                "officer.telematics", false, "registry down", null))).isTrue();
    }

    @Test
    void aWrappedFailedCheckIsAValidationLetter() {
        Exception wrapped = new RuntimeException("wrapper", new InvalidRecordException("stale-fix", "fix is 2 h old"));

        DeadLetter letter = DeadLetter.of("officer.telematics", 0, 1, 5L, null, null, null, Stage.PROCESSING, wrapped,
                Optional.of("KSTREAM-PROCESSVALUES-0000000001"));
        ProducerRecord<byte[], byte[]> record = letter.toProducerRecord("bluelight-dispatch");

        assertThat(letter.stage()).isEqualTo(Stage.VALIDATION);
        assertThat(letter.reason()).isEqualTo("stale-fix");
        assertThat(record.topic()).isEqualTo("officer.telematics.dlq");
        assertThat(header(record, DeadLetterHeaders.MESSAGE)).isEqualTo("fix is 2 h old");
        assertThat(header(record, DeadLetterHeaders.PROCESSOR)).isEqualTo("KSTREAM-PROCESSVALUES-0000000001");
        assertThat(header(record, DeadLetterHeaders.APPLICATION_ID)).isEqualTo("bluelight-dispatch");
    }

    @Test
    void errorHeadersAlreadyOnTheSourceRecordAreReplacedNotDuplicated() {
        RecordHeaders source = new RecordHeaders();
        source.add(DeadLetterHeaders.REASON, "old".getBytes(StandardCharsets.UTF_8));
        source.add("trace-id", "abc".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<byte[], byte[]> record = DeadLetter.of("cad.incidents", 0, 3, 9L, null, null, source,
                Stage.DESERIALIZATION, new IllegalArgumentException("bad"), Optional.empty()).toProducerRecord("app");

        assertThat(record.headers().headers(DeadLetterHeaders.REASON)).hasSize(1);
        assertThat(header(record, DeadLetterHeaders.REASON)).isEqualTo("IllegalArgumentException");
        assertThat(header(record, "trace-id")).isEqualTo("abc");
        assertThat(header(record, DeadLetterHeaders.TIMESTAMP)).isEqualTo("9");
    }

    @Test
    void aLetterIsStampedWhenWrittenWithItsSourcesHostileTimeKeptInAHeader() {
        long year9999 = java.time.Instant.parse("9999-12-31T00:00:00Z").toEpochMilli();
        for (long sourceTime : new long[] {0L, year9999}) {
            ProducerRecord<byte[], byte[]> record = DeadLetter.of("cad.incidents", 0, 3, sourceTime, null, null,
                    new RecordHeaders(), Stage.PROCESSING, new IllegalArgumentException("bad"), Optional.empty())
                    .toProducerRecord("app");

            // Null: the producer stamps it now, so retention counts from the dead-lettering, not from 1970.
            assertThat(record.timestamp()).as("timestamp of a letter from a record stamped %d", sourceTime).isNull();
            assertThat(header(record, DeadLetterHeaders.TIMESTAMP)).isEqualTo(Long.toString(sourceTime));
        }
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

package org.bluelight.metrics.fsu;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.CrimeRole;
import org.bluelight.schemas.SafeguardingTheme;

/**
 * A person's {@link PersonLedger} in its store, in a compact binary form: every call, crime and
 * custody record linking a person reads and rewrites their whole ledger (a frequent service user's
 * holds hundreds of entries), and as JSON that was the largest cost of a replay. Enum values are
 * written by name, so new symbols do not shift old ones. Ledgers stored as JSON by earlier versions
 * are still read (JSON starts with '{', this form with its version, {@value #VERSION}).
 */
public final class PersonLedgerSerde {

    private static final byte VERSION = 1;
    private static final Deserializer<PersonLedger> JSON = JsonSerde.of(PersonLedger.class).deserializer();

    private PersonLedgerSerde() {
    }

    public static Serde<PersonLedger> create() {
        Serializer<PersonLedger> serializer = (topic, ledger) -> ledger == null ? null : write(ledger);
        Deserializer<PersonLedger> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return JSON.deserialize(topic, bytes);
            }
            try {
                return read(bytes);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot read a person's ledger on " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static byte[] write(PersonLedger ledger) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 64 * ledger.activities().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(ledger.activities().size());
            for (Map.Entry<String, PersonActivity> entry : ledger.activities().entrySet()) {
                PersonActivity activity = entry.getValue();
                out.writeUTF(entry.getKey());
                out.writeUTF(activity.kind().name());
                writeInstant(out, activity.at());
                out.writeDouble(activity.resourceHours());
                writeNames(out, activity.roles());
                out.writeBoolean(activity.endAt() != null);
                if (activity.endAt() != null) {
                    writeInstant(out, activity.endAt());
                }
                writeNames(out, activity.themes());
                writeOptional(out, activity.area());
                writeOptional(out, activity.homeArea());
            }
        } catch (IOException e) {
            throw new SerializationException("cannot write a person's ledger", e);
        }
        return bytes.toByteArray();
    }

    private static PersonLedger read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IOException("unknown format " + version);
        }
        int count = in.readInt();
        Map<String, PersonActivity> activities = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            PersonActivity.Kind kind = PersonActivity.Kind.valueOf(in.readUTF());
            Instant at = readInstant(in);
            double resourceHours = in.readDouble();
            Set<CrimeRole> roles = readNames(in, CrimeRole.class);
            Instant endAt = in.readBoolean() ? readInstant(in) : null;
            Set<SafeguardingTheme> themes = readNames(in, SafeguardingTheme.class);
            String area = readOptional(in);
            String homeArea = readOptional(in);
            activities.put(key, new PersonActivity(kind, at, resourceHours, roles, endAt, themes, area, homeArea));
        }
        if (in.available() > 0) {
            throw new IOException(in.available() + " bytes after the person's ledger");
        }
        return new PersonLedger(activities);
    }

    private static void writeNames(DataOutputStream out, Set<? extends Enum<?>> values) throws IOException {
        out.writeByte(values.size());
        for (Enum<?> value : values) {
            out.writeUTF(value.name());
        }
    }

    private static <E extends Enum<E>> Set<E> readNames(DataInputStream in, Class<E> type) throws IOException {
        int count = in.readUnsignedByte();
        Set<E> values = EnumSet.noneOf(type);
        for (int i = 0; i < count; i++) {
            values.add(Enum.valueOf(type, in.readUTF()));
        }
        return values;
    }

    private static void writeOptional(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}

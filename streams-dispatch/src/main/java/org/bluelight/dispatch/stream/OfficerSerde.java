package org.bluelight.dispatch.stream;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.bluelight.dispatch.availability.CoverageImpact;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.routing.GeoPoint;
import org.bluelight.runtime.serde.EncodingBuffer;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.Transport;

/**
 * A unit's {@link Officer} state in its stores, in a compact binary form: every fix reads and
 * rewrites it, and as JSON that was the largest cost of the telematics path. Units stored as JSON
 * by earlier versions are still read (JSON starts with '{', this form with its version, {@value #VERSION}).
 */
final class OfficerSerde {

    private static final byte VERSION = 1;
    private static final Deserializer<Officer> JSON = JsonSerde.of(Officer.class).deserializer();

    private OfficerSerde() {
    }

    static Serde<Officer> create() {
        Serializer<Officer> serializer = (topic, officer) -> officer == null ? null : write(officer);
        Deserializer<Officer> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return JSON.deserialize(topic, bytes);
            }
            try {
                return read(bytes);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot read a unit's state on " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static byte[] write(Officer officer) {
        EncodingBuffer bytes = new EncodingBuffer(160);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeText(out, officer.id());
            writeText(out, officer.callSign());
            writeText(out, officer.state().name());
            writeInstant(out, officer.statusChangedAt());
            out.writeInt(officer.crewSize());
            writeText(out, officer.drivingStandard().name());
            writeText(out, officer.transport().name());
            writeText(out, officer.homeStation());
            writeText(out, officer.homeArea());
            writeText(out, officer.dispatchGroup());
            writeInstant(out, officer.shiftEnd());
            writeInstant(out, officer.predictedFreeAt());
            writeText(out, officer.incidentId());
            out.writeBoolean(officer.position() != null);
            if (officer.position() != null) {
                out.writeDouble(officer.position().lat());
                out.writeDouble(officer.position().lon());
                writeInstant(out, officer.positionAt());
            }
            out.writeBoolean(officer.coverage() != null);
            if (officer.coverage() != null) {
                out.writeInt(officer.coverage().soleCoverCells());
                out.writeDouble(officer.coverage().soleCoverDemandPerHour());
            }
        } catch (IOException e) {
            throw new SerializationException("cannot write a unit's state", e);
        }
        return bytes.toByteArray();
    }

    private static Officer read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IOException("unknown format " + version);
        }
        String id = readText(in);
        String callSign = readText(in);
        OfficerState state = OfficerState.valueOf(readText(in));
        Instant statusChangedAt = readInstant(in);
        int crewSize = in.readInt();
        DrivingStandard drivingStandard = DrivingStandard.valueOf(readText(in));
        Transport transport = Transport.valueOf(readText(in));
        String homeStation = readText(in);
        String homeArea = readText(in);
        String dispatchGroup = readText(in);
        Instant shiftEnd = readInstant(in);
        Instant predictedFreeAt = readInstant(in);
        String incidentId = readText(in);
        GeoPoint position = null;
        Instant positionAt = null;
        if (in.readBoolean()) {
            position = new GeoPoint(in.readDouble(), in.readDouble());
            positionAt = readInstant(in);
        }
        CoverageImpact coverage = in.readBoolean() ? new CoverageImpact(in.readInt(), in.readDouble()) : null;
        if (in.available() > 0) {
            throw new IOException(in.available() + " bytes after the unit's state");
        }
        return new Officer(id, callSign, state, statusChangedAt, crewSize, drivingStandard, transport, homeStation, homeArea,
                dispatchGroup, shiftEnd, predictedFreeAt, incidentId, position, positionAt, coverage);
    }

    /** Length-prefixed UTF-8, -1 for null: ids may be configured longer than writeUTF's 64 KiB. */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > in.available()) {
            throw new IOException("text of " + length + " bytes, " + in.available() + " left");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }
}

package org.bluelight.coverage.serde;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.coverage.cell.CellDelta;
import org.bluelight.coverage.cell.CellDeltas;
import org.bluelight.coverage.cell.CellIncident;
import org.bluelight.coverage.cell.CellSet;
import org.bluelight.coverage.cell.CellSignal;
import org.bluelight.coverage.cell.CellState;
import org.bluelight.coverage.impact.ImpactSignal;
import org.bluelight.coverage.impact.OfficerImpact;
import org.bluelight.coverage.impact.ReachSize;
import org.bluelight.coverage.impact.SoleCoverChange;
import org.bluelight.coverage.reach.OfficerReach;
import org.bluelight.coverage.reach.Reach;
import org.bluelight.coverage.reach.ReachProfile;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.Transport;

/** The serdes of the coverage app's state stores and repartition topics. */
public final class CoverageSerdes {

    private static final byte DELTA = 1;
    private static final byte INCIDENT = 2;
    private static final byte DELTAS = 3;
    private static final byte SOLE_COVER = 1;
    private static final byte REACH_SIZE = 2;

    private CoverageSerdes() {
    }

    public static Serde<CellSignal> cellSignal() {
        return new CodecSerde<>("cell signal", new CodecSerde.Codec<>() {
            @Override
            public void write(CellSignal signal, DataOutputStream out) throws IOException {
                if (signal instanceof CellDelta delta) {
                    out.writeByte(DELTA);
                    out.writeLong(delta.cell());
                    CodecSerde.writeText(out, delta.officerId());
                    out.writeByte(delta.reachChange());
                    out.writeBoolean(delta.available());
                } else if (signal instanceof CellDeltas batch) {
                    out.writeByte(DELTAS);
                    CodecSerde.writeText(out, batch.officerId());
                    out.writeBoolean(batch.available());
                    out.writeShort(batch.deltas().size());
                    for (CellDelta delta : batch.deltas()) {
                        out.writeLong(delta.cell());
                        out.writeByte(delta.reachChange());
                    }
                } else {
                    CellIncident incident = (CellIncident) signal;
                    out.writeByte(INCIDENT);
                    out.writeLong(incident.cell());
                    CodecSerde.writeText(out, incident.incidentId());
                    out.writeLong(incident.reportedAt().toEpochMilli());
                    out.writeBoolean(incident.counted());
                }
            }

            @Override
            public CellSignal read(DataInputStream in) throws IOException {
                byte tag = in.readByte();
                return switch (tag) {
                    case DELTA -> new CellDelta(in.readLong(), CodecSerde.readText(in), in.readByte(), in.readBoolean());
                    case INCIDENT -> new CellIncident(in.readLong(), CodecSerde.readText(in),
                            Instant.ofEpochMilli(in.readLong()), in.readBoolean());
                    case DELTAS -> readDeltas(in);
                    default -> throw new IOException("Unknown cell signal tag " + tag);
                };
            }
        });
    }

    private static CellDeltas readDeltas(DataInputStream in) throws IOException {
        String officerId = CodecSerde.readText(in);
        boolean available = in.readBoolean();
        int count = in.readUnsignedShort();
        if (count < 1 || count > CellDeltas.MAX_CELLS) {
            throw new IOException("Cell deltas of " + count + " cells, not 1 to " + CellDeltas.MAX_CELLS);
        }
        List<CellDelta> deltas = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            deltas.add(new CellDelta(in.readLong(), officerId, in.readByte(), available));
        }
        return new CellDeltas(deltas);
    }

    public static Serde<ImpactSignal> impactSignal() {
        return new CodecSerde<>("impact signal", new CodecSerde.Codec<>() {
            @Override
            public void write(ImpactSignal signal, DataOutputStream out) throws IOException {
                if (signal instanceof SoleCoverChange change) {
                    out.writeByte(SOLE_COVER);
                    CodecSerde.writeText(out, change.officerId());
                    out.writeLong(change.cell());
                    out.writeBoolean(change.sole());
                    out.writeDouble(change.demandPerHour());
                } else {
                    ReachSize size = (ReachSize) signal;
                    out.writeByte(REACH_SIZE);
                    CodecSerde.writeText(out, size.officerId());
                    out.writeInt(size.reachableCells());
                }
            }

            @Override
            public ImpactSignal read(DataInputStream in) throws IOException {
                byte tag = in.readByte();
                return switch (tag) {
                    case SOLE_COVER -> new SoleCoverChange(CodecSerde.readText(in), in.readLong(), in.readBoolean(), in.readDouble());
                    case REACH_SIZE -> new ReachSize(CodecSerde.readText(in), in.readInt());
                    default -> throw new IOException("Unknown impact signal tag " + tag);
                };
            }
        });
    }

    public static Serde<OfficerReach> officerReach() {
        return new CodecSerde<>("officer reach", new CodecSerde.Codec<>() {
            @Override
            public void write(OfficerReach officer, DataOutputStream out) throws IOException {
                out.writeBoolean(officer.onDuty());
                out.writeBoolean(officer.available());
                writeProfile(officer.profile(), out);
                writePosition(officer.position(), out);
                out.writeBoolean(officer.positionAt() != null);
                if (officer.positionAt() != null) {
                    out.writeLong(officer.positionAt().toEpochMilli());
                }
                Reach reach = officer.reach();
                out.writeBoolean(reach != null);
                if (reach != null) {
                    writePosition(reach.origin(), out);
                    out.writeBoolean(reach.originNode().isPresent());
                    if (reach.originNode().isPresent()) {
                        out.writeLong(reach.originNode().getAsLong());
                    }
                    writeProfile(reach.profile(), out);
                    long[] cells = reach.cells().toArray();
                    out.writeInt(cells.length);
                    for (long cell : cells) {
                        out.writeLong(cell);
                    }
                    out.writeLong(reach.computedAt().toEpochMilli());
                }
            }

            @Override
            public OfficerReach read(DataInputStream in) throws IOException {
                boolean onDuty = in.readBoolean();
                boolean available = in.readBoolean();
                ReachProfile profile = readProfile(in);
                GeoPoint position = readPosition(in);
                Instant positionAt = in.readBoolean() ? Instant.ofEpochMilli(in.readLong()) : null;
                Reach reach = null;
                if (in.readBoolean()) {
                    GeoPoint origin = readPosition(in);
                    OptionalLong node = in.readBoolean() ? OptionalLong.of(in.readLong()) : OptionalLong.empty();
                    ReachProfile reachProfile = readProfile(in);
                    long[] cells = new long[in.readInt()];
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = in.readLong();
                    }
                    reach = new Reach(origin, node, reachProfile, CellSet.of(cells), Instant.ofEpochMilli(in.readLong()));
                }
                return new OfficerReach(onDuty, available, profile, position, positionAt, reach);
            }
        });
    }

    public static Serde<CellSet> cellSet() {
        return new CodecSerde<>("cell set", new CodecSerde.Codec<>() {
            @Override
            public void write(CellSet cells, DataOutputStream out) throws IOException {
                long[] sorted = cells.toArray();
                out.writeInt(sorted.length);
                for (long cell : sorted) {
                    out.writeLong(cell);
                }
            }

            @Override
            public CellSet read(DataInputStream in) throws IOException {
                long[] cells = new long[in.readInt()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = in.readLong();
                }
                return CellSet.of(cells);
            }
        });
    }

    public static Serde<CellState> cellState() {
        return new CodecSerde<>("cell state", new CodecSerde.Codec<>() {
            @Override
            public void write(CellState state, DataOutputStream out) throws IOException {
                out.writeInt(state.officersInReach());
                out.writeInt(state.availableInReach());
                out.writeBoolean(state.onlyOfficer() != null);
                if (state.onlyOfficer() != null) {
                    CodecSerde.writeText(out, state.onlyOfficer());
                }
                out.writeInt(state.incidents().size());
                for (Map.Entry<String, Instant> incident : state.incidents().entrySet()) {
                    CodecSerde.writeText(out, incident.getKey());
                    out.writeLong(incident.getValue().toEpochMilli());
                }
                out.writeDouble(state.demandPerHour());
            }

            @Override
            public CellState read(DataInputStream in) throws IOException {
                int officers = in.readInt();
                int available = in.readInt();
                String only = in.readBoolean() ? CodecSerde.readText(in) : null;
                int incidentCount = in.readInt();
                Map<String, Instant> incidents = new HashMap<>();
                for (int i = 0; i < incidentCount; i++) {
                    incidents.put(CodecSerde.readText(in), Instant.ofEpochMilli(in.readLong()));
                }
                return new CellState(officers, available, only, incidents, in.readDouble());
            }
        });
    }

    public static Serde<OfficerImpact> officerImpact() {
        return new CodecSerde<>("officer impact", new CodecSerde.Codec<>() {
            @Override
            public void write(OfficerImpact impact, DataOutputStream out) throws IOException {
                out.writeInt(impact.soleCoverCells().size());
                for (Map.Entry<Long, Double> cell : impact.soleCoverCells().entrySet()) {
                    out.writeLong(cell.getKey());
                    out.writeDouble(cell.getValue());
                }
                out.writeInt(impact.reachableCells());
            }

            @Override
            public OfficerImpact read(DataInputStream in) throws IOException {
                int count = in.readInt();
                Map<Long, Double> cells = new HashMap<>();
                for (int i = 0; i < count; i++) {
                    cells.put(in.readLong(), in.readDouble());
                }
                return new OfficerImpact(cells, in.readInt());
            }
        });
    }

    private static void writeProfile(ReachProfile profile, DataOutputStream out) throws IOException {
        out.writeBoolean(profile != null);
        if (profile != null) {
            CodecSerde.writeText(out, profile.transport().name());
            CodecSerde.writeText(out, profile.drivingStandard().name());
        }
    }

    private static ReachProfile readProfile(DataInputStream in) throws IOException {
        return in.readBoolean()
                ? new ReachProfile(Transport.valueOf(CodecSerde.readText(in)), DrivingStandard.valueOf(CodecSerde.readText(in)))
                : null;
    }

    private static void writePosition(GeoPoint position, DataOutputStream out) throws IOException {
        out.writeBoolean(position != null);
        if (position != null) {
            out.writeDouble(position.lat());
            out.writeDouble(position.lon());
        }
    }

    private static GeoPoint readPosition(DataInputStream in) throws IOException {
        return in.readBoolean() ? new GeoPoint(in.readDouble(), in.readDouble()) : null;
    }
}

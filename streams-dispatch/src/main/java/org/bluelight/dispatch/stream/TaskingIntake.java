package org.bluelight.dispatch.stream;

import java.time.Instant;
import org.bluelight.dispatch.moveup.DemandCell;
import org.bluelight.routing.GeoPoint;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.schemas.CoverageCell;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.PatrolArea;
import org.bluelight.schemas.TaskDecision;
import org.bluelight.schemas.TrialAllocation;
import org.bluelight.schemas.TrialAllocationKey;

/**
 * The checks on what the tasking desk reads besides officers (which the dispatch desk's intake has checked): coverage
 * cells, dispatchers' decisions, hot spots and trial allocations. A refused record is dead-lettered with its reason
 * before it is re-keyed. Tombstones on the compacted reference topics delete what they name.
 */
final class TaskingIntake {

    static final String INVALID_CELL = "invalid-cell";
    static final String BAD_GEOMETRY = "bad-geometry";

    private final Inbound inbound;
    private final InputLimits limits;

    TaskingIntake(Inbound inbound, InputLimits limits) {
        this.inbound = inbound;
        this.limits = limits;
    }

    Result<TaskingEvent> cell(String key, CoverageCell cell, Instant recordTime) {
        if (cell == null) {
            return limits.at(recordTime).key(key).then("cell tombstone", () -> Result.valid(new TaskingEvent.CellGone(key)));
        }
        return limits.at(recordTime).key(key).id("cell id", cell.getCellId()).past("updated at", cell.getUpdatedAt())
                .then("cell " + cell.getCellId(), () -> {
                    if (!key.equals(cell.getCellId())) {
                        return Result.invalid(Inbound.KEY_MISMATCH, "key " + key + " but cell " + cell.getCellId());
                    }
                    if (!Double.isFinite(cell.getDemandPerHour()) || cell.getDemandPerHour() < 0 || cell.getRequiredLevel() < 0) {
                        return Result.invalid(INVALID_CELL, "cell " + key + ": demand " + cell.getDemandPerHour()
                                + " per hour and required level " + cell.getRequiredLevel() + " must be finite and not negative");
                    }
                    Result<GeoPoint> centre = inbound.location(cell.getCenter(), "cell " + key);
                    if (centre instanceof Result.Invalid<GeoPoint> invalid) {
                        return Result.invalid(invalid.reason(), invalid.detail());
                    }
                    GeoPoint at = ((Result.Valid<GeoPoint>) centre).value();
                    return Result.valid(new TaskingEvent.CellChanged(
                            new DemandCell(key, at, cell.getDemandPerHour(), cell.getRequiredLevel(), null)));
                });
    }

    Result<TaskingEvent> decision(String key, TaskDecision decision, Instant recordTime) {
        return limits.at(recordTime).key(key).id("task id", decision.getTaskId()).id("officer id", decision.getOfficerId())
                .id("dispatcher id", decision.getDispatcherId()).recent("decided at", decision.getDecidedAt())
                .then("decision on " + decision.getTaskId(), () -> key.equals(decision.getOfficerId())
                        ? Result.valid(new TaskingEvent.Decided(decision.getTaskId(), decision.getKind(),
                                decision.getOfficerId(), decision.getAccepted()))
                        : Result.invalid(Inbound.KEY_MISMATCH, "key " + key + " but decision for officer " + decision.getOfficerId()));
    }

    Result<TaskingEvent> hotSpot(String key, HotSpot hotSpot, Instant recordTime) {
        if (hotSpot == null) {
            return limits.at(recordTime).key(key).then("hot spot tombstone",
                    () -> Result.valid(new TaskingEvent.HotSpotPlaced(key, null, true)));
        }
        return limits.at(recordTime).key(key).id("hot spot id", hotSpot.getHotSpotId())
                .then("hot spot " + hotSpot.getHotSpotId(), () -> {
                    if (!key.equals(hotSpot.getHotSpotId())) {
                        return Result.invalid(Inbound.KEY_MISMATCH, "key " + key + " but hot spot " + hotSpot.getHotSpotId());
                    }
                    return HotSpotCentre.of(hotSpot.getPatrolAreas().stream().map(PatrolArea::getGeometryGeoJson).toList())
                            .<Result<TaskingEvent>>map(centre -> Result.valid(
                                    new TaskingEvent.HotSpotPlaced(key, centre, hotSpot.getExcluded())))
                            .orElseGet(() -> Result.invalid(BAD_GEOMETRY, "hot spot " + key
                                    + ": no GeoJSON Polygon or MultiPolygon with WGS84 positions among its patrol areas"));
                });
    }

    Result<TaskingEvent> allocation(TrialAllocationKey key, TrialAllocation allocation, Instant recordTime) {
        if (key == null) {
            return Result.invalid("null-key", "trial allocation without a key");
        }
        return limits.at(recordTime).id("hot spot id", key.getHotSpotId()).scheduled("trial day", key.getTrialDay())
                .then("allocation of " + key.getHotSpotId(), () -> {
                    if (allocation == null) {
                        return Result.valid(new TaskingEvent.ArmAllocated(key.getTrialDay().toEpochDay(), key.getHotSpotId(), null));
                    }
                    if (!key.getHotSpotId().equals(allocation.getHotSpotId()) || !key.getTrialDay().equals(allocation.getTrialDay())) {
                        return Result.invalid(Inbound.KEY_MISMATCH, "key " + key.getHotSpotId() + " on " + key.getTrialDay()
                                + " but allocation of " + allocation.getHotSpotId() + " on " + allocation.getTrialDay());
                    }
                    return Result.valid(new TaskingEvent.ArmAllocated(allocation.getTrialDay().toEpochDay(),
                            allocation.getHotSpotId(), allocation.getArm()));
                });
    }
}

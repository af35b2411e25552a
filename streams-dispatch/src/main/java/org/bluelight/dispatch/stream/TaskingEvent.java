package org.bluelight.dispatch.stream;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.moveup.DemandCell;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.TaskKind;
import org.bluelight.schemas.TrialArm;

/** Everything the force's tasking desk acts on, checked and re-keyed to the one tasking partition. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TaskingEvent.OfficerChanged.class, name = "officer"),
        @JsonSubTypes.Type(value = TaskingEvent.OfficerGone.class, name = "officer-gone"),
        @JsonSubTypes.Type(value = TaskingEvent.CellChanged.class, name = "cell"),
        @JsonSubTypes.Type(value = TaskingEvent.CellGone.class, name = "cell-gone"),
        @JsonSubTypes.Type(value = TaskingEvent.Decided.class, name = "decision"),
        @JsonSubTypes.Type(value = TaskingEvent.HotSpotPlaced.class, name = "hot-spot"),
        @JsonSubTypes.Type(value = TaskingEvent.ArmAllocated.class, name = "arm")
})
public sealed interface TaskingEvent {

    /** A unit's state after a status, position or coverage change. */
    record OfficerChanged(Officer officer) implements TaskingEvent {
    }

    /** A unit left its dispatch group. */
    record OfficerGone(String officerId) implements TaskingEvent {
    }

    /** A coverage cell's demand and required level. */
    record CellChanged(DemandCell cell) implements TaskingEvent {
    }

    /** A coverage cell deleted from its compacted topic. */
    record CellGone(String cellId) implements TaskingEvent {
    }

    /** A dispatcher accepted or declined a move-up or patrol task. */
    record Decided(String taskId, TaskKind kind, String officerId, boolean accepted) implements TaskingEvent {
    }

    /** A trial hot spot and where to patrol it (the centre of its patrol areas). */
    record HotSpotPlaced(String hotSpotId, GeoPoint centre, boolean excluded) implements TaskingEvent {
    }

    /** A hot spot's arm on one trial day ({@code epochDay}: the local date it starts on at 06:00). */
    record ArmAllocated(long epochDay, String hotSpotId, TrialArm arm) implements TaskingEvent {
    }
}

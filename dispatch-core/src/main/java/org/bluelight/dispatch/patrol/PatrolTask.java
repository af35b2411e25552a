package org.bluelight.dispatch.patrol;

import java.time.Duration;
import java.util.List;
import org.bluelight.routing.GeoPoint;

/** A patrol visit an available officer is tasked to make to a treatment hot spot. */
public record PatrolTask(String officerId, String hotSpotId, GeoPoint target, Duration visit, double travelMinutes,
                         List<String> reasons) {

    public PatrolTask {
        reasons = List.copyOf(reasons);
    }
}

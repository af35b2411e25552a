package org.bluelight.dispatch.moveup;

import java.util.List;
import org.bluelight.routing.GeoPoint;

/**
 * A recommendation that an available officer moves to a cell to restore coverage.
 *
 * @param expectedGain   expected covered demand gained, in grade 1–2 incidents per hour (DMEXCLP objective)
 * @param travelMinutes  estimated drive to the target at normal road speed
 * @param reasons        why, in words a dispatcher reads
 */
public record MoveUp(String officerId, String targetCellId, GeoPoint target, double expectedGain, double travelMinutes,
                     List<String> reasons) {

    public MoveUp {
        reasons = List.copyOf(reasons);
    }
}

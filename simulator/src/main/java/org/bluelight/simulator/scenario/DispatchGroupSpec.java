package org.bluelight.simulator.scenario;

import java.util.List;

/** A dispatch group (RAD) and the neighbourhood areas it serves; units are never shared between groups. */
public record DispatchGroupSpec(String id, List<AreaSpec> areas) {

    public DispatchGroupSpec {
        ScenarioException.require(id != null && !id.isBlank(), "a dispatch group needs an id");
        ScenarioException.require(areas != null && !areas.isEmpty(), "dispatch group " + id + " needs at least one area");
        areas = List.copyOf(areas);
    }
}

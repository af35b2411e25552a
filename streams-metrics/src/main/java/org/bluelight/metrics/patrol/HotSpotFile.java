package org.bluelight.metrics.patrol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.PatrolArea;

/**
 * Reads the trial's hot spots from a GeoJSON FeatureCollection with one Feature per patrol area:
 * a Polygon or MultiPolygon geometry and the properties {@code hotSpotId}, {@code patrolAreaId},
 * optional {@code hotSpotName} (defaults to the id) and optional {@code excluded} (boolean).
 * Patrol areas of one hot spot are grouped into one {@link HotSpot}.
 */
public final class HotSpotFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HotSpotFile() {
    }

    public static List<HotSpot> read(Path file, String trialId) throws IOException {
        return parse(JSON.readTree(file.toFile()), trialId);
    }

    public static List<HotSpot> parse(JsonNode collection, String trialId) {
        if (!"FeatureCollection".equals(collection.path("type").asText())) {
            throw new GeometryFormatException("hot spots file must be a GeoJSON FeatureCollection");
        }
        Map<String, HotSpot.Builder> hotSpots = new LinkedHashMap<>();
        Map<String, List<PatrolArea>> areas = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode feature : collection.path("features")) {
            JsonNode properties = feature.path("properties");
            String hotSpotId = properties.path("hotSpotId").asText("");
            String patrolAreaId = properties.path("patrolAreaId").asText("");
            if (hotSpotId.isBlank() || patrolAreaId.isBlank()) {
                throw new GeometryFormatException("feature " + index + " lacks a hotSpotId or patrolAreaId property");
            }
            try {
                AreaShape.fromGeoJson(feature.get("geometry"));
            } catch (GeometryFormatException e) {
                throw new GeometryFormatException("feature " + index + " (patrol area " + patrolAreaId + "): " + e.getMessage());
            }
            hotSpots.computeIfAbsent(hotSpotId, id -> HotSpot.newBuilder()
                    .setHotSpotId(id)
                    .setName(properties.path("hotSpotName").asText(id))
                    .setTrialId(trialId)
                    .setExcluded(false));
            if (properties.path("excluded").asBoolean(false)) {
                hotSpots.get(hotSpotId).setExcluded(true);
            }
            areas.computeIfAbsent(hotSpotId, id -> new ArrayList<>())
                    .add(new PatrolArea(patrolAreaId, feature.get("geometry").toString()));
            index++;
        }
        if (hotSpots.isEmpty()) {
            throw new GeometryFormatException("hot spots file has no features");
        }
        List<HotSpot> result = new ArrayList<>();
        hotSpots.forEach((id, builder) -> result.add(builder.setPatrolAreas(areas.get(id)).build()));
        return result;
    }
}

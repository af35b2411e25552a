package org.bluelight.routing.network;

import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import org.bluelight.routing.search.EdgeCosts;
import org.bluelight.routing.traffic.TrafficBand;

/**
 * A speed model in a traffic band, ready to search with: the weighting, its edge costs and its snap filter.
 * {@code hierarchyName} names its contraction hierarchy: it changes when the weighting's model does.
 */
record ProfileWeighting(Weighting weighting, EdgeCosts costs, EdgeFilter snapFilter, TrafficBand band, String hierarchyName) {
}

package org.bluelight.runtime;

import org.apache.kafka.streams.Topology;

/** Builds an app's topology; called once, before Kafka Streams is created. */
@FunctionalInterface
public interface TopologyFactory {

    Topology build(AppContext context);
}

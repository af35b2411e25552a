package org.bluelight.ops.kafka;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * One node of a cluster of brokers on this machine, every node both broker and KRaft controller,
 * set up to survive the loss of a node as production is: every topic, the offsets and the
 * transaction state on three replicas, two in sync for a write, no unclean leader election. What a
 * broker-loss test runs as separate processes, so that a node can be SIGKILLed.
 *
 * @param nodeId          this node's id, one of the voters
 * @param controllerPorts every voter's KRaft controller port on loopback, by node id
 * @param clusterId       the cluster's id (Kafka's base64 UUID), the same on every node
 */
public record BrokerQuorum(int nodeId, Map<Integer, Integer> controllerPorts, String clusterId) {

    private static final Pattern VOTER = Pattern.compile("(\\d+)@" + Pattern.quote(LocalKafkaBrokerConfig.HOST) + ":(\\d+)");
    /** Three replicas survive one lost node with two in sync; more would not change what a test of one loss shows. */
    private static final int REPLICAS = 3;

    public BrokerQuorum {
        controllerPorts = Map.copyOf(controllerPorts);
        Objects.requireNonNull(clusterId, "clusterId");
        if (controllerPorts.size() < REPLICAS) {
            throw new IllegalArgumentException("A quorum that survives a lost node needs " + REPLICAS + " voters, got " + controllerPorts.size());
        }
        if (!controllerPorts.containsKey(nodeId)) {
            throw new IllegalArgumentException("Node " + nodeId + " is not one of the voters " + new TreeMap<>(controllerPorts).keySet());
        }
        if (controllerPorts.values().stream().distinct().count() != controllerPorts.size()) {
            throw new IllegalArgumentException("Every voter needs a controller port of its own: " + new TreeMap<>(controllerPorts));
        }
        try {
            Uuid.fromString(clusterId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The cluster id " + clusterId + " is not a Kafka UUID (22 characters of base64)", e);
        }
    }

    /** Parses Kafka's {@code controller.quorum.voters} form, {@code 1@127.0.0.1:9093,2@127.0.0.1:9094,...}; loopback only. */
    public static BrokerQuorum parse(int nodeId, String voters, String clusterId) {
        Map<Integer, Integer> ports = new TreeMap<>();
        for (String voter : voters.split(",")) {
            var matcher = VOTER.matcher(voter.trim());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("A voter is ID@" + LocalKafkaBrokerConfig.HOST + ":PORT, got '" + voter.trim() + "'");
            }
            if (ports.put(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))) != null) {
                throw new IllegalArgumentException("Node " + matcher.group(1) + " is named twice in " + voters);
            }
        }
        return new BrokerQuorum(nodeId, ports, clusterId);
    }

    /** A new cluster id for a new cluster's nodes. */
    public static String newClusterId() {
        return Uuid.randomUuid().toString();
    }

    /** This node's controller port. */
    public int controllerPort() {
        return controllerPorts.get(nodeId);
    }

    /** The value of {@code controller.quorum.voters}. */
    public String voters() {
        return new TreeMap<>(controllerPorts).entrySet().stream()
                .map(voter -> voter.getKey() + "@" + LocalKafkaBrokerConfig.HOST + ":" + voter.getValue())
                .collect(Collectors.joining(","));
    }

    int replicas() {
        return REPLICAS;
    }

    int minInSyncReplicas() {
        return REPLICAS - 1;
    }
}

package org.bluelight.ops.security;

import java.util.Locale;
import org.bluelight.registry.access.RegistryRole;

/**
 * Who connects to a secured stack: one Kafka user (SCRAM-SHA-512) per part, also its schema
 * registry user. What each may do on Kafka is in {@link AccessRules}.
 */
public enum Account {
    /** The super user: the broker itself, topic provisioning, granting access. */
    ADMIN(RegistryRole.WRITE),
    /** The schema registry's own Kafka clients (its schemas topic); no registry login. */
    REGISTRY(null),
    DISPATCH(RegistryRole.WRITE),
    COVERAGE(RegistryRole.WRITE),
    METRICS(RegistryRole.WRITE),
    CONSOLE(RegistryRole.WRITE),
    /** Computer-aided dispatch, or the simulator playing it: incidents, assignments, officer status and positions. */
    CAD(RegistryRole.WRITE),
    /** The force's records systems: crime and custody records, hot spots and trial allocations. */
    RECORDS(RegistryRole.WRITE),
    /** People analysing the outputs: read everything, write nothing. */
    ANALYST(RegistryRole.READ);

    private final RegistryRole registryRole;

    Account(RegistryRole registryRole) {
        this.registryRole = registryRole;
    }

    /** The Kafka and registry user name, e.g. {@code dispatch}. */
    public String user() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of its registry login; null for an account with none. */
    RegistryRole registryRole() {
        return registryRole;
    }
}

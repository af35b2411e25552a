package org.bluelight.registry.access;

/** What a registry user may do: readers look schemas up, writers also register them and set compatibility. */
public enum RegistryRole {
    READ,
    WRITE;

    /** Whether this role covers a request that needs {@code needed}. */
    public boolean allows(RegistryRole needed) {
        return this == WRITE || needed == READ;
    }
}

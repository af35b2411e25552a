package org.bluelight.registry.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryAccessTest {

    @Test
    void changingWhatTheRegistryHoldsNeedsTheWriteRole() {
        assertThat(RegistryAccess.needed("POST", List.of("subjects", "cad.incidents-value", "versions"))).isEqualTo(RegistryRole.WRITE);
        assertThat(RegistryAccess.needed("PUT", List.of("config"))).isEqualTo(RegistryRole.WRITE);
        assertThat(RegistryAccess.needed("PUT", List.of("config", "cad.incidents-value"))).isEqualTo(RegistryRole.WRITE);
        assertThat(RegistryAccess.needed("DELETE", List.of("subjects", "cad.incidents-value"))).isEqualTo(RegistryRole.WRITE);
    }

    @Test
    void readingLookingUpAndTestingCompatibilityNeedOnlyTheReadRole() {
        assertThat(RegistryAccess.needed("GET", List.of("schemas", "ids", "1"))).isEqualTo(RegistryRole.READ);
        assertThat(RegistryAccess.needed("GET", List.of("subjects"))).isEqualTo(RegistryRole.READ);
        assertThat(RegistryAccess.needed("POST", List.of("subjects", "cad.incidents-value"))).isEqualTo(RegistryRole.READ);
        assertThat(RegistryAccess.needed("POST", List.of("compatibility", "subjects", "s", "versions", "latest")))
                .isEqualTo(RegistryRole.READ);
    }

    @Test
    void onlyTheHealthCheckIsPublic() {
        assertThat(RegistryAccess.isPublic("GET", List.of("health"))).isTrue();
        assertThat(RegistryAccess.isPublic("GET", List.of("subjects"))).isFalse();
        assertThat(RegistryAccess.isPublic("POST", List.of("health"))).isFalse();
    }

    @Test
    void writersMayReadAndReadersMayNotWrite() {
        assertThat(RegistryRole.WRITE.allows(RegistryRole.READ)).isTrue();
        assertThat(RegistryRole.WRITE.allows(RegistryRole.WRITE)).isTrue();
        assertThat(RegistryRole.READ.allows(RegistryRole.READ)).isTrue();
        assertThat(RegistryRole.READ.allows(RegistryRole.WRITE)).isFalse();
    }
}

package org.bluelight.dispatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.network.SearchWarmUp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoadNetworkLoadingTest {

    @TempDir
    Path dir;

    @Test
    void aMapThatCannotBeOpenedIsReportedAndTravelTimesFailWithItsReason() throws Exception {
        CompletableFuture<Throwable> heard = new CompletableFuture<>();
        try (RoadNetworkLoading loading = RoadNetworkLoading.start(NetworkConfig.of(dir.resolve("missing.osm.pbf"), dir.resolve("graphs")), SearchWarmUp.DEFAULT,
                network -> { }, heard::complete)) {
            Throwable reason = heard.get(60, TimeUnit.SECONDS);
            assertThat(loading.failure()).isSameAs(reason);
            assertThatThrownBy(() -> loading.toTarget(new GeoPoint(42.5, 1.5), List.of(), Instant.EPOCH))
                    .hasRootCauseMessage(rootMessage(reason));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}

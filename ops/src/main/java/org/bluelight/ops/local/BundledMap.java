package org.bluelight.ops.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Andorra extract that ships in {@code ops/maps/} (© OpenStreetMap contributors, ODbL 1.0). */
public final class BundledMap {

    /** Set by the {@code ./bluelight} script to the project root, so the map is found from any working directory. */
    static final String HOME_VARIABLE = "BLUELIGHT_HOME";

    private BundledMap() {
    }

    public static Path andorra() {
        Path relative = Path.of("ops", "maps", "andorra.osm.pbf");
        String home = System.getenv(HOME_VARIABLE);
        Path file = home == null ? relative : Path.of(home).resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The bundled map " + file.toAbsolutePath()
                    + " is missing: run from the project root, or pass --osm FILE");
        }
        return file;
    }
}

package org.bluelight.ops.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The Andorra extract that ships in {@code ops/maps/} (© OpenStreetMap contributors, ODbL 1.0). */
public final class BundledMap {

    /** Set by the {@code ./bluelight} script to the project root, so the map is found from any working directory. */
    static final String HOME_VARIABLE = "BLUELIGHT_HOME";

    private BundledMap() {
    }

    /** From the project root named by {@code BLUELIGHT_HOME}, else the working directory or its parent (a module's). */
    public static Path andorra() {
        Path relative = Path.of("ops", "maps", "andorra.osm.pbf");
        String home = System.getenv(HOME_VARIABLE);
        List<Path> candidates = home == null ? List.of(relative, Path.of("..").resolve(relative))
                : List.of(Path.of(home).resolve(relative));
        return candidates.stream().filter(Files::isRegularFile).findFirst()
                .map(file -> file.toAbsolutePath().normalize())
                .orElseThrow(() -> new IllegalArgumentException("The bundled map " + relative
                        + " is not under " + candidates.get(0).toAbsolutePath().getParent().getParent().getParent()
                        + ": run from the project root, or pass --osm FILE"));
    }
}

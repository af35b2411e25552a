package org.bluelight.routing.network;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.json.Statement;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.TurnCostsConfig;
import org.bluelight.routing.profile.CustomModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static com.graphhopper.json.Statement.Op.LIMIT;
import static com.graphhopper.json.Statement.Op.MULTIPLY;

/**
 * Imports an OSM extract into a GraphHopper graph, or loads the graph cached from an earlier import of the same
 * file content with the same import settings (the cache folder name carries a hash of both, so a changed file or
 * changed settings import afresh). Travel profiles and traffic are applied at query time and need no re-import.
 */
final class GraphImport {

    /** GraphHopper profiles that define access, subnetworks and turn restrictions for each kind of vehicle. */
    static final String CAR = "car";
    static final String BIKE = "bike";
    static final String FOOT = "foot";
    static final List<String> MOTOR_VEHICLE_TYPES = List.of("motorcar", "motor_vehicle");

    /** Bump when the import settings below change in a way the hash does not see. */
    private static final int IMPORT_FORMAT = 1;
    private static final Logger LOG = LoggerFactory.getLogger(GraphImport.class);

    private GraphImport() {
    }

    static GraphHopper importOrLoad(Path osmFile, Path cacheDir) {
        if (!Files.isReadable(osmFile))
            throw new IllegalArgumentException("OSM file not readable: " + osmFile);
        List<Profile> profiles = profiles();
        String settings = "format=" + IMPORT_FORMAT + ";ev=" + CustomModels.ENCODED_VALUES + ";profiles=" + profiles;
        Path graphDir = cacheDir.resolve(baseName(osmFile) + "-" + hash(osmFile, settings));

        GraphHopper hopper = new GraphHopper();
        hopper.setOSMFile(osmFile.toString());
        hopper.setGraphHopperLocation(graphDir.toString());
        hopper.setEncodedValuesString(CustomModels.ENCODED_VALUES);
        hopper.setProfiles(profiles);
        // residential-area detection only; it marks the roads where urban speed limits and peak traffic apply
        hopper.setUrbanDensityCalculation(400, 6000, 0, 0, 2);
        hopper.setMinNetworkSize(200);

        boolean cached = Files.exists(graphDir.resolve("properties"));
        long start = System.nanoTime();
        LOG.info(cached ? "loading cached road graph {}" : "importing {} into {} (progress below from GraphHopper)",
                cached ? graphDir : osmFile, graphDir);
        hopper.importOrLoad();
        LOG.info("road graph ready in {} ms: {} nodes, {} edges", (System.nanoTime() - start) / 1_000_000,
                hopper.getBaseGraph().getNodes(), hopper.getBaseGraph().getEdges());
        return hopper;
    }

    private static List<Profile> profiles() {
        Profile car = new Profile(CAR).setCustomModel(accessModel("car"))
                .setTurnCostsConfig(new TurnCostsConfig(MOTOR_VEHICLE_TYPES));
        return List.of(car, new Profile(BIKE).setCustomModel(accessModel("bike")),
                new Profile(FOOT).setCustomModel(accessModel("foot")));
    }

    private static CustomModel accessModel(String vehicle) {
        return new CustomModel().setDistanceInfluence(0d)
                .addToPriority(Statement.If("!" + vehicle + "_access", MULTIPLY, "0"))
                .addToSpeed(Statement.If("true", LIMIT, vehicle + "_average_speed"));
    }

    private static String baseName(Path osmFile) {
        return osmFile.getFileName().toString().replaceAll("\\.osm(\\.pbf|\\.gz)?$", "").replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static String hash(Path osmFile, String settings) {
        try (InputStream in = Files.newInputStream(osmFile)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; )
                digest.update(buffer, 0, n);
            digest.update(settings.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + osmFile, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

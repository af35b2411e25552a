package org.bluelight.ops.cli.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bluelight.ops.local.BundledMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RouteCommandIT {

    private static final Path GRAPH_CACHE = Path.of("target", "graph-cache").toAbsolutePath();

    private String run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new RouteCommand());
        command.setOut(new PrintWriter(out));
        assertThat(command.execute(args)).as(out.toString()).isEqualTo(expectedExit);
        return out.toString();
    }

    @Test
    void printsEtaDistanceAndProfileAsJson() throws Exception {
        String json = run(0, "--osm", BundledMap.andorra().toString(), "--graph-cache", GRAPH_CACHE.toString(),
                "--from", "42.5063,1.5218", "--to", "42.5364,1.5830", "--transport", "car", "--driver", "advanced",
                "--grade", "1", "--at", "2026-03-10T08:00:00Z");
        JsonNode result = new ObjectMapper().readTree(json);
        assertThat(result.get("etaSeconds").asDouble()).isBetween(60.0, 1800.0);
        assertThat(result.get("distanceMeters").asDouble()).isBetween(5000.0, 12000.0);
        assertThat(result.get("profile").asText()).isEqualTo("car-advanced-emergency");
        assertThat(result.get("trafficBand").asText()).isEqualTo("weekday-am-peak");
    }

    @Test
    void unroutablePointPrintsTheTypedReason() throws Exception {
        String json = run(RouteCommand.NOT_ROUTABLE, "--osm", BundledMap.andorra().toString(),
                "--graph-cache", GRAPH_CACHE.toString(), "--from", "51.5,-0.12", "--to", "42.5364,1.5830");
        JsonNode result = new ObjectMapper().readTree(json);
        assertThat(result.get("error").asText()).isEqualTo("PointNotRoutableException");
        assertThat(result.get("reason").asText()).isEqualTo("OUTSIDE_MAP");
    }

    @Test
    void unknownTransportPrintsTheTypedError() throws Exception {
        String json = run(RouteCommand.NOT_ROUTABLE, "--osm", BundledMap.andorra().toString(),
                "--graph-cache", GRAPH_CACHE.toString(), "--from", "42.5063,1.5218", "--to", "42.5364,1.5830",
                "--transport", "hovercraft");
        assertThat(new ObjectMapper().readTree(json).get("error").asText()).isEqualTo("UnknownProfileException");
    }
}

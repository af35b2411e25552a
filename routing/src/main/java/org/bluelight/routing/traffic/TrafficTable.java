package org.bluelight.routing.traffic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.graphhopper.routing.ev.RoadClass;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Predicted traffic by time of day and day of week: a list of bands, each with speed factors per road class.
 * A departure takes the first band that covers its local time; otherwise {@link TrafficBand#FREE_FLOW}.
 *
 * @param timeZone                 where the bands' local times are read (default Europe/London)
 * @param emergencyCongestionShare how much of the congestion delay blue-light driving still suffers (0..1):
 *                                 other traffic parts for it, so a 0.6 factor becomes 1 - (1 - 0.6) * share
 * @param bands                    the bands, first match wins
 */
public record TrafficTable(ZoneId timeZone, double emergencyCongestionShare, List<TrafficBand> bands) {

    private static final String DEFAULT_RESOURCE = "/org/bluelight/routing/traffic.json";

    public TrafficTable {
        if (timeZone == null)
            throw new IllegalArgumentException("traffic table needs a time zone");
        if (!(emergencyCongestionShare >= 0 && emergencyCongestionShare <= 1))
            throw new IllegalArgumentException("emergencyCongestionShare must be in [0, 1]");
        bands = List.copyOf(bands);
        Set<String> names = new HashSet<>();
        names.add(TrafficBand.FREE_FLOW.name());
        for (TrafficBand band : bands)
            if (!names.add(band.name()))
                throw new IllegalArgumentException("duplicate or reserved traffic band name: " + band.name());
    }

    public static TrafficTable defaults() {
        try (InputStream in = TrafficTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(in.readAllBytes(), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + DEFAULT_RESOURCE, e);
        }
    }

    public static TrafficTable read(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read traffic table " + file + ": " + e.getMessage(), e);
        }
    }

    private static TrafficTable parse(byte[] json, String source) throws IOException {
        try {
            return new ObjectMapper().readValue(json, TrafficTableJson.class).toTable();
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw new IllegalArgumentException("invalid traffic table " + source + ": " + e.getOriginalMessage(), e);
        }
    }

    public TrafficBand bandAt(Instant departure) {
        ZonedDateTime local = departure.atZone(timeZone);
        DayOfWeek day = local.getDayOfWeek();
        LocalTime time = local.toLocalTime();
        for (TrafficBand band : bands)
            if (band.covers(day, time))
                return band;
        return TrafficBand.FREE_FLOW;
    }

    /** The speed factor a driver meets, softened for blue-light driving. */
    public double speedFactor(TrafficBand band, RoadClass roadClass, boolean urban, boolean emergency) {
        double factor = band.speedFactor(roadClass, urban);
        return emergency ? 1 - (1 - factor) * emergencyCongestionShare : factor;
    }

    /** JSON shape: times as "HH:mm" strings. */
    private record TrafficTableJson(String timeZone, double emergencyCongestionShare, List<BandJson> bands) {
        @JsonCreator
        TrafficTableJson(@JsonProperty("timeZone") String timeZone,
                         @JsonProperty("emergencyCongestionShare") Double emergencyCongestionShare,
                         @JsonProperty("bands") List<BandJson> bands) {
            this(timeZone == null ? "Europe/London" : timeZone,
                    emergencyCongestionShare == null ? 0.5 : emergencyCongestionShare,
                    bands == null ? List.of() : bands);
        }

        TrafficTable toTable() {
            List<TrafficBand> result = new ArrayList<>();
            for (BandJson band : bands)
                result.add(new TrafficBand(band.name(), band.days(), time(band.name(), band.from()), time(band.name(), band.to()), band.factors()));
            return new TrafficTable(ZoneId.of(timeZone), emergencyCongestionShare, result);
        }

        private static LocalTime time(String band, String text) {
            if (text == null)
                throw new IllegalArgumentException("traffic band " + band + " needs from and to");
            if (text.equals("24:00"))
                return LocalTime.MAX;
            try {
                return LocalTime.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("traffic band " + band + ": bad time '" + text + "', expected HH:mm", e);
            }
        }
    }

    private record BandJson(String name, Set<DayOfWeek> days, String from, String to, List<TrafficFactor> factors) {
    }
}

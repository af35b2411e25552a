package org.bluelight.simulator.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads scenarios from YAML (JSON is YAML too). Unknown keys are errors, so a typo is never silently ignored.
 * Two presets are bundled: {@code andorra} (the default, sized to the Andorra map) and {@code west-midlands}
 * (the DOMAIN.md figures, 4,740 incidents a week and 164 units, on the generated county).
 */
public final class ScenarioFile {

    public static final String DEFAULT_PRESET = "andorra";
    public static final List<String> PRESETS = List.of("andorra", "west-midlands");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ScenarioFile() {
    }

    /** A bundled preset by name, or a YAML file by path. */
    public static Scenario load(String presetOrPath) {
        String key = presetOrPath.trim().toLowerCase(Locale.ROOT);
        if (PRESETS.contains(key)) {
            return preset(key);
        }
        Path file = Path.of(presetOrPath);
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException("no scenario file " + file.toAbsolutePath() + " and no preset named '" + presetOrPath
                    + "' (presets: " + String.join(", ", PRESETS) + ")");
        }
        return read(file);
    }

    public static Scenario preset(String name) {
        String resource = "/org/bluelight/simulator/scenario/" + name + ".yaml";
        try (InputStream in = ScenarioFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ScenarioException("no preset named '" + name + "' (presets: " + String.join(", ", PRESETS) + ")");
            }
            return parse(in.readAllBytes(), "preset " + name);
        } catch (IOException e) {
            throw new ScenarioException("cannot read preset " + name + ": " + e.getMessage(), e);
        }
    }

    public static Scenario read(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario " + file + ": " + e.getMessage(), e);
        }
    }

    static Scenario parse(byte[] yaml, String source) {
        try {
            Scenario scenario = YAML.readValue(yaml, Scenario.class);
            if (scenario == null) {
                throw new ScenarioException("scenario " + source + " is empty");
            }
            return scenario;
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            throw new ScenarioException("scenario " + source + ": " + (cause != null ? cause.getMessage() : e.getOriginalMessage()), e);
        } catch (JsonMappingException e) {
            String at = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new ScenarioException("scenario " + source + (at.isEmpty() ? "" : ", at " + at) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new ScenarioException("scenario " + source + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}

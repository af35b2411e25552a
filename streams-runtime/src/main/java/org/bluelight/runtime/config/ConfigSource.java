package org.bluelight.runtime.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Configuration values from a properties file with environment overrides.
 *
 * <p>Mapping rule: the environment variable {@code BLUELIGHT_<KEY>} overrides property {@code key},
 * where {@code <KEY>} is the key upper-cased with every {@code .} and {@code -} replaced by
 * {@code _} ({@code bootstrap.servers} ← {@code BLUELIGHT_BOOTSTRAP_SERVERS},
 * {@code http.port} ← {@code BLUELIGHT_HTTP_PORT}). For key groups read by prefix (see
 * {@link #withPrefix}) a variable maps back by lower-casing and turning {@code _} into {@code .}
 * ({@code BLUELIGHT_SASL_JAAS_CONFIG} → {@code sasl.jaas.config}), which is exact for Kafka's own
 * settings because they contain only dots. Environment beats file; file beats the default; values
 * a host process fixes ({@link #withFixed}) beat all three.
 */
public final class ConfigSource {

    /** Prefix of every environment variable that overrides a property. */
    public static final String ENV_PREFIX = "BLUELIGHT_";

    private final Map<String, String> fileValues;
    private final String fileName;
    private final Map<String, String> environment;
    private final Map<String, String> fixed;

    private ConfigSource(Map<String, String> fileValues, String fileName, Map<String, String> environment,
                         Map<String, String> fixed) {
        this.fileValues = Map.copyOf(fileValues);
        this.fileName = fileName;
        this.environment = Map.copyOf(environment);
        this.fixed = Map.copyOf(fixed);
    }

    private ConfigSource(Map<String, String> fileValues, String fileName, Map<String, String> environment) {
        this(fileValues, fileName, environment, Map.of());
    }

    /** Values from a properties file (if given) overridden by {@code BLUELIGHT_*} variables of {@code environment}. */
    public static ConfigSource load(Optional<Path> propertiesFile, Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        if (propertiesFile.isEmpty()) {
            return new ConfigSource(Map.of(), "(no file)", environment);
        }
        Path file = propertiesFile.get();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).trim()));
        return new ConfigSource(values, file.toString(), environment);
    }

    /**
     * What a standalone app's {@code main} reads: the properties file named by the first argument
     * (if any), overridden by the process environment.
     */
    public static ConfigSource forMain(String[] args) {
        Optional<Path> file = args.length > 0 ? Optional.of(Path.of(args[0])) : Optional.empty();
        return load(file, System.getenv());
    }

    /** Values given directly (e.g. by the one-JVM local stack), with no environment overrides. */
    public static ConfigSource of(Map<String, String> values) {
        return new ConfigSource(values, "(given values)", Map.of());
    }

    /** The environment variable that overrides {@code key}. */
    public static String environmentVariable(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * This source with {@code values} beating the environment and the file: what a host running
     * several apps in one process (the local stack) must decide itself, such as addresses and ports.
     */
    public ConfigSource withFixed(Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(fixed);
        all.putAll(values);
        return new ConfigSource(fileValues, fileName, environment, all);
    }

    /** This source with {@code values} under the file: defaults a host chooses for its own setting. */
    public ConfigSource withDefaults(Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(values);
        all.putAll(fileValues);
        return new ConfigSource(all, fileName, environment, fixed);
    }

    /** The value of {@code key}: fixed by the host, else from the environment, else the file. */
    public Optional<String> get(String key) {
        String fromHost = fixed.get(key);
        if (fromHost != null) {
            return Optional.of(fromHost);
        }
        String fromEnv = environment.get(environmentVariable(key));
        if (fromEnv != null) {
            return Optional.of(fromEnv.trim());
        }
        return Optional.ofNullable(fileValues.get(key));
    }

    public String string(String key, String defaultValue) {
        return get(key).filter(v -> !v.isEmpty()).orElse(defaultValue);
    }

    public Optional<String> optionalString(String key) {
        return get(key).filter(v -> !v.isEmpty());
    }

    public int integer(String key, int defaultValue) {
        Optional<String> value = optionalString(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw invalid(key, value.get(), "an integer");
        }
    }

    /** A duration written as whole milliseconds (Kafka's convention for {@code *.ms} keys). */
    public Duration millis(String key, Duration defaultValue) {
        Optional<String> value = optionalString(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Duration.ofMillis(Long.parseLong(value.get()));
        } catch (NumberFormatException e) {
            throw invalid(key, value.get(), "a whole number of milliseconds");
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> value = optionalString(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, value.get(), "true or false");
        };
    }

    public Path path(String key, Path defaultValue) {
        return optionalString(key).map(Path::of).orElse(defaultValue);
    }

    /**
     * Every key starting with {@code prefix} (the prefix kept), file then environment, sorted by
     * key. Environment names map back as described in the class comment.
     */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> values = new TreeMap<>();
        fileValues.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                values.put(key, value);
            }
        });
        String envPrefix = environmentVariable(prefix);
        environment.forEach((name, value) -> {
            if (name.startsWith(envPrefix) && name.length() > envPrefix.length()) {
                String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                values.put(key, value.trim());
            }
        });
        fixed.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                values.put(key, value);
            }
        });
        return values;
    }

    /** Where {@code key}'s value comes from, for error messages. */
    public String origin(String key) {
        if (fixed.containsKey(key)) {
            return "the host process";
        }
        String variable = environmentVariable(key);
        if (environment.containsKey(variable)) {
            return "environment variable " + variable;
        }
        if (fileValues.containsKey(key)) {
            return "file " + fileName;
        }
        return "default";
    }

    ConfigurationException invalid(String key, String value, String expected) {
        return new ConfigurationException(
                "Configuration " + key + "='" + value + "' (from " + origin(key) + ") must be " + expected);
    }
}

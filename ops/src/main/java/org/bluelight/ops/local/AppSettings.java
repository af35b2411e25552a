package org.bluelight.ops.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bluelight.runtime.config.ConfigSource;

/**
 * What configures each app of the local stack beyond the stack itself: a properties file per app
 * ({@code --app-settings dispatch=FILE}) and the {@code BLUELIGHT_*} environment, read exactly as a
 * standalone app reads them. The stack fixes what it owns (the broker and registry addresses, state
 * directory, application id, HTTP port, map), so those beat the file and the environment.
 *
 * @param files       a properties file per app name
 * @param environment the process environment
 */
public record AppSettings(Map<String, Path> files, Map<String, String> environment) {

    /** The apps a settings file can be given for. */
    public static final Set<String> APPS = Set.of("dispatch", "coverage", "metrics");

    public AppSettings {
        files = Map.copyOf(files);
        environment = Map.copyOf(environment);
        for (String app : files.keySet()) {
            if (!APPS.contains(app)) {
                throw new IllegalArgumentException("No app named '" + app + "' for a settings file: one of " + APPS);
            }
        }
    }

    /** No files and an empty environment: only what the stack fixes, and the apps' defaults. */
    public static AppSettings none() {
        return new AppSettings(Map.of(), Map.of());
    }

    /** The given files and this process's environment. */
    public static AppSettings of(Map<String, Path> files) {
        return new AppSettings(files, System.getenv());
    }

    /**
     * {@code app}'s configuration: the stack's {@code defaults}, its file over them, the environment
     * over the file, and {@code fixed} over all.
     */
    public ConfigSource source(String app, Map<String, String> defaults, Map<String, String> fixed) {
        Objects.requireNonNull(fixed, "fixed");
        return ConfigSource.load(Optional.ofNullable(files.get(app)), environment).withDefaults(defaults).withFixed(new HashMap<>(fixed));
    }
}

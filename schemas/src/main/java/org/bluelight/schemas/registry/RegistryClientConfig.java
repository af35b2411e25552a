package org.bluelight.schemas.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the schema registry.
 *
 * @param urls         registry base URLs, tried in order: a connection failure or 5xx moves on to the next
 * @param timeout      connect and per-request timeout
 * @param maxRetries   retries after the first attempt, for connection failures and 5xx answers
 * @param retryBackoff wait before the first retry; doubles on each further retry
 * @param basicAuth    credentials sent with every request, if any
 */
public record RegistryClientConfig(
        List<URI> urls, Duration timeout, int maxRetries, Duration retryBackoff, Optional<BasicAuth> basicAuth) {

    /** Kafka-style property: comma-separated registry URLs (Confluent's name). */
    public static final String URL_CONFIG = "schema.registry.url";
    /** Kafka-style property: {@code user:password} (Confluent's name). */
    public static final String BASIC_AUTH_USER_INFO_CONFIG = "basic.auth.user.info";
    public static final String TIMEOUT_MS_CONFIG = "bluelight.registry.timeout.ms";
    public static final String MAX_RETRIES_CONFIG = "bluelight.registry.max.retries";
    public static final String RETRY_BACKOFF_MS_CONFIG = "bluelight.registry.retry.backoff.ms";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(200);

    public RegistryClientConfig {
        Objects.requireNonNull(urls, "urls");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(basicAuth, "basicAuth");
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("At least one schema registry URL is needed");
        }
        for (URI url : urls) {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("Schema registry URL must be http or https: " + url);
            }
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
        }
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("retryBackoff must be >= 0, got " + retryBackoff);
        }
    }

    /** The given comma-separated URLs with the default timeout, retries and no credentials. */
    public static RegistryClientConfig of(String urls) {
        return new RegistryClientConfig(parseUrls(urls), DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES, DEFAULT_RETRY_BACKOFF,
                Optional.empty());
    }

    /**
     * Reads the configuration from Kafka client properties: {@value #URL_CONFIG} (required),
     * {@value #BASIC_AUTH_USER_INFO_CONFIG}, {@value #TIMEOUT_MS_CONFIG},
     * {@value #MAX_RETRIES_CONFIG}, {@value #RETRY_BACKOFF_MS_CONFIG}.
     */
    public static RegistryClientConfig fromProperties(Map<String, ?> properties) {
        Object urls = properties.get(URL_CONFIG);
        if (urls == null || urls.toString().isBlank()) {
            throw new IllegalArgumentException("Missing property " + URL_CONFIG);
        }
        Object userInfo = properties.get(BASIC_AUTH_USER_INFO_CONFIG);
        return new RegistryClientConfig(
                parseUrls(urls.toString()),
                Duration.ofMillis(longProperty(properties, TIMEOUT_MS_CONFIG, DEFAULT_TIMEOUT.toMillis())),
                (int) longProperty(properties, MAX_RETRIES_CONFIG, DEFAULT_MAX_RETRIES),
                Duration.ofMillis(longProperty(properties, RETRY_BACKOFF_MS_CONFIG, DEFAULT_RETRY_BACKOFF.toMillis())),
                userInfo == null || userInfo.toString().isEmpty()
                        ? Optional.empty()
                        : Optional.of(BasicAuth.parse(userInfo.toString())));
    }

    public RegistryClientConfig withBasicAuth(BasicAuth auth) {
        return new RegistryClientConfig(urls, timeout, maxRetries, retryBackoff, Optional.of(auth));
    }

    public RegistryClientConfig withTimeout(Duration newTimeout) {
        return new RegistryClientConfig(urls, newTimeout, maxRetries, retryBackoff, basicAuth);
    }

    public RegistryClientConfig withRetries(int newMaxRetries, Duration newRetryBackoff) {
        return new RegistryClientConfig(urls, timeout, newMaxRetries, newRetryBackoff, basicAuth);
    }

    private static List<URI> parseUrls(String urls) {
        return Arrays.stream(urls.split(","))
                .map(String::trim)
                .filter(url -> !url.isEmpty())
                .map(url -> URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url))
                .toList();
    }

    private static long longProperty(Map<String, ?> properties, String key, long defaultValue) {
        Object value = properties.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Property " + key + " must be a whole number, got " + value, e);
        }
    }
}

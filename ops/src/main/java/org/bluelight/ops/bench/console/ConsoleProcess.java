package org.bluelight.ops.bench.console;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.bluelight.ops.Bluelight;

/**
 * The console in a JVM of its own ({@code bluelight console run}), so its heap is its own and can
 * be read from its {@code /metrics} with a monitor login, as Prometheus would.
 */
final class ConsoleProcess implements AutoCloseable {

    private final Process process;
    private final URI base;
    private final String monitorAuthorization;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    ConsoleProcess(Map<String, String> settings, String heap, String monitor, String monitorPassword, Path workDir)
            throws IOException {
        Path file = workDir.resolve("console.properties");
        Properties properties = new Properties();
        properties.putAll(settings);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "bench console");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                Bluelight.class.getName(), "console", "run", file.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("console.log").toFile()).start();
        base = URI.create("http://127.0.0.1:" + settings.get("http.port"));
        monitorAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                (monitor + ":" + monitorPassword).getBytes(StandardCharsets.UTF_8));
    }

    URI base() {
        return base;
    }

    /** Waits until {@code /health} says UP, the view built from the topics. */
    void awaitUp(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("The console process ended with " + process.exitValue() + "; see its console.log");
            }
            try {
                if (get("/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IOException("The console was not UP within " + limit.toSeconds() + " s");
    }

    /** Heap in use now, from the console's own /metrics (jvm_memory_used_bytes, area heap). */
    long heapUsedBytes() throws IOException, InterruptedException {
        double total = 0;
        for (String line : get("/metrics").body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) total;
    }

    /** Logs in through the form and returns the session cookie's value. */
    String login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = response.headers().firstValue("Set-Cookie")
                .orElseThrow(() -> new IOException("Login refused: " + response.statusCode()));
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", monitorAuthorization)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

package org.bluelight.ops.bench.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An app's state stores as its {@code /metrics} endpoint reports them (Kafka Streams' RocksDB
 * property metrics): bytes in SST files and memtables, and the estimated number of keys, summed over
 * its stores. The state directory's size on disk says little: under exactly-once most state sits in
 * memtables until RocksDB flushes them.
 */
record StoreFigures(long bytes, long keys) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static StoreFigures scrape(int httpPort) throws IOException, InterruptedException {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return of(body);
    }

    /** From a Prometheus scrape. */
    static StoreFigures of(String scrape) {
        double bytes = 0;
        double keys = 0;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("kafka_stream_state_total_sst_files_size{") || line.startsWith("kafka_stream_state_size_all_mem_tables{")) {
                bytes += value(line);
            } else if (line.startsWith("kafka_stream_state_estimate_num_keys{")) {
                keys += value(line);
            }
        }
        return new StoreFigures((long) bytes, (long) keys);
    }

    private static double value(String line) {
        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        return Double.isFinite(value) && value > 0 ? value : 0;
    }
}

package org.bluelight.ops.bench.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A state store: as its app's {@code /metrics} endpoint reports it (Kafka Streams' RocksDB property
 * metrics: bytes in SST files and memtables, and the estimated number of keys, summed over its
 * tasks; both count overwritten versions until compaction), and its exact entries when counted
 * ({@link StoreEntries}). The state directory's size on disk says little: under exactly-once most
 * state sits in memtables until RocksDB flushes them.
 *
 * @param entries exact entries, or {@link StoreEntries#UNKNOWN}
 */
record StoreFigures(long bytes, long keys, long entries) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Key-value, window and session stores each name themselves in a label of their own. */
    private static final Pattern STORE_LABEL = Pattern.compile("rocksdb_(?:window_|session_)?state_id=\"([^\"]*)\"");

    static final StoreFigures NONE = new StoreFigures(0, 0, StoreEntries.UNKNOWN);

    /** Each store of the app serving {@code /metrics} on {@code httpPort}, by name. */
    static Map<String, StoreFigures> scrape(int httpPort) throws IOException, InterruptedException {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return byStore(body);
    }

    /** From a Prometheus scrape, each store by name. */
    static Map<String, StoreFigures> byStore(String scrape) {
        Map<String, StoreFigures> stores = new TreeMap<>();
        for (String line : scrape.split("\n")) {
            boolean bytes = line.startsWith("kafka_stream_state_total_sst_files_size{")
                    || line.startsWith("kafka_stream_state_size_all_mem_tables{");
            boolean keys = line.startsWith("kafka_stream_state_estimate_num_keys{");
            if (!bytes && !keys) {
                continue;
            }
            Matcher store = STORE_LABEL.matcher(line);
            String name = store.find() ? store.group(1) : "(unnamed)";
            long value = value(line);
            stores.merge(name, bytes ? new StoreFigures(value, 0, StoreEntries.UNKNOWN) : new StoreFigures(0, value, StoreEntries.UNKNOWN), StoreFigures::plus);
        }
        return stores;
    }

    /** Several stores' figures together. */
    static StoreFigures sum(Iterable<StoreFigures> figures) {
        StoreFigures total = new StoreFigures(0, 0, 0);
        for (StoreFigures f : figures) {
            total = total.plus(f);
        }
        return total;
    }

    /** Exact entries are known for the sum only when known for both. */
    StoreFigures plus(StoreFigures other) {
        boolean known = entries != StoreEntries.UNKNOWN && other.entries != StoreEntries.UNKNOWN;
        return new StoreFigures(bytes + other.bytes, keys + other.keys, known ? entries + other.entries : StoreEntries.UNKNOWN);
    }

    StoreFigures withEntries(long exact) {
        return new StoreFigures(bytes, keys, exact);
    }

    private static long value(String line) {
        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        return Double.isFinite(value) && value > 0 ? (long) value : 0;
    }
}

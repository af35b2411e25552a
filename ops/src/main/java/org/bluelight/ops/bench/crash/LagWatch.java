package org.bluelight.ops.bench.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far an app's group is behind its input, in time, sampled on a thread of its own: at each
 * sample the input's end offsets and the group's committed offsets. The app is "within 2 s" at a
 * sample when it has committed everything that had been written 2 s earlier.
 */
public final class LagWatch implements AutoCloseable {

    private static final long PERIOD_MS = 250;

    /** One sample: when, the input's end offsets, and the group's committed offsets. */
    private record Sample(long atMillis, Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed) {
    }

    private final String group;
    private final List<String> topics;
    private final Admin admin;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public LagWatch(String bootstrapServers, String group, List<String> topics) {
        this.group = group;
        this.topics = List.copyOf(topics);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        admin = Admin.create(props);
        thread = new Thread(this::sample, "bench-lag-" + group);
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running) {
            long at = System.currentTimeMillis();
            try {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS).values().forEach(description ->
                        description.partitions().forEach(p -> latest.put(new TopicPartition(description.name(), p.partition()),
                                OffsetSpec.latest())));
                Map<TopicPartition, Long> ends = new HashMap<>();
                admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
                Map<TopicPartition, Long> committed = new HashMap<>();
                Map<TopicPartition, OffsetAndMetadata> offsets =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                offsets.forEach((tp, offset) -> {
                    if (offset != null) {
                        committed.put(tp, offset.offset());
                    }
                });
                synchronized (samples) {
                    samples.add(new Sample(at, ends, committed));
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // The broker is busy: no sample this time.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(Math.max(0, PERIOD_MS - (System.currentTimeMillis() - at)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * How long after {@code fromMillis} the group was first within {@code lag} of its input again
     * (and had committed something after {@code fromMillis}), or null if never by the last sample.
     */
    Duration backWithin(long fromMillis, Duration lag) {
        List<Sample> copy;
        synchronized (samples) {
            copy = List.copyOf(samples);
        }
        for (Sample sample : copy) {
            if (sample.atMillis < fromMillis + lag.toMillis()) {
                continue;
            }
            Sample earlier = latestAtOrBefore(copy, sample.atMillis - lag.toMillis());
            if (earlier != null && covers(sample.committed, earlier.ends)) {
                return Duration.ofMillis(sample.atMillis - fromMillis);
            }
        }
        return null;
    }

    /**
     * The group's lag behind its input at each sample taken in {@code [fromMillis, toMillis)}: how long
     * before the sample the last input it had committed all of was written (0 when it had committed
     * everything), to the sampling period; the samples are dropped afterwards.
     */
    public List<Long> lagsMillis(long fromMillis, long toMillis) {
        List<Sample> copy;
        synchronized (samples) {
            copy = List.copyOf(samples);
        }
        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < copy.size(); i++) {
            Sample sample = copy.get(i);
            if (sample.atMillis < fromMillis || sample.atMillis >= toMillis) {
                continue;
            }
            int covered = i;
            while (covered >= 0 && !covers(sample.committed, copy.get(covered).ends)) {
                covered--;
            }
            lags.add(covered < 0 ? sample.atMillis - copy.get(0).atMillis : sample.atMillis - copy.get(covered).atMillis);
        }
        synchronized (samples) {
            long keepFrom = toMillis - 10 * 60_000L;
            samples.removeIf(s -> s.atMillis < keepFrom);
        }
        return lags;
    }

    private static Sample latestAtOrBefore(List<Sample> samples, long millis) {
        Sample found = null;
        for (Sample sample : samples) {
            if (sample.atMillis <= millis) {
                found = sample;
            }
        }
        return found;
    }

    private static boolean covers(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                || committed.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
        admin.close(Duration.ofSeconds(5));
    }
}

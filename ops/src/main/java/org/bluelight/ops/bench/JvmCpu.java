package org.bluelight.ops.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU this JVM used between two snapshots, in all and by kind of thread (names with their numbers
 * and ids dropped), for the benches that run a broker and an app in one JVM: shows whether the wall
 * clock went on the app, on the broker, or on waiting for a core.
 *
 * @param processNanos the whole process (GC and JIT included)
 * @param threadNanos  each live thread's CPU, by thread id
 * @param names        each thread's kind
 */
public record JvmCpu(long processNanos, Map<Long, Long> threadNanos, Map<Long, String> names) {

    public static JvmCpu now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null) {
                nanos.put(thread.getThreadId(), Math.max(0, threads.getThreadCpuTime(thread.getThreadId())));
                names.put(thread.getThreadId(), kind(thread.getThreadName()));
            }
        }
        long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        return new JvmCpu(process, Map.copyOf(nanos), Map.copyOf(names));
    }

    /** A thread's kind: its name without ids, numbers and the app's instance id. */
    static String kind(String threadName) {
        return threadName.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "*")
                .replaceAll("[0-9]+", "N");
    }

    /**
     * The CPU used since {@code earlier} against {@code wallSeconds}: the process in all, then the {@code top} kinds of
     * thread that used most (threads that ended in between are not counted).
     */
    public String since(JvmCpu earlier, double wallSeconds, int top) {
        Map<String, Long> byKind = new HashMap<>();
        threadNanos.forEach((id, nanos) -> byKind.merge(names.get(id), nanos - earlier.threadNanos.getOrDefault(id, 0L), Long::sum));
        double process = (processNanos - earlier.processNanos) / 1e9;
        return String.format(Locale.ROOT, "process CPU %.1f s in %.1f s wall (%.2f cores); threads: ", process, wallSeconds,
                process / wallSeconds)
                + byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .map(entry -> String.format(Locale.ROOT, "%s %.1f s", entry.getKey(), entry.getValue() / 1e9))
                .collect(Collectors.joining(", "));
    }
}

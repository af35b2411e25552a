package org.bluelight.ops.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU used so far by the live Kafka Streams stream threads in this JVM and their clients' threads
 * (named after them): on a loaded machine the wall clock says more about the other processes than
 * about the app.
 */
public final class StreamThreadCpu {

    private StreamThreadCpu() {
    }

    public static long nanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().contains("StreamThread")) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return nanos;
    }
}

package org.bluelight.runtime.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Utils;

/**
 * Whether an app instance's last run ended without a clean close (a {@code kill -9}, a lost machine),
 * told by a marker file in its state directory ({@code <state.dir>/<application.id>.running}) kept from
 * {@link #running()} to {@link #closedCleanly()}; and, after such an end under exactly-once, its task
 * state thrown away before Kafka Streams starts.
 *
 * <p>Under exactly-once a store's committed offsets are kept only from a clean close to the next
 * open, so every store a crashed run had open holds writes that may never have been committed. Kafka
 * Streams finds that out store by store: it opens each one at start (for the assignor), treats it as
 * corrupted when its task is assigned, wipes it, restores it from its changelog, and asks the group for
 * one more rebalance for each corrupted active task. Removing the task directories first gives the same
 * empty stores restored from the same changelogs, without the openings and the extra rebalance. The
 * global store's directory is left alone (its checkpoint is kept while it runs).
 */
public final class UncleanShutdown {

    /** Task directories: {@code <subtopology>_<partition>}, optionally after a topology name and {@code __}. */
    private static final Pattern TASK_DIRECTORY = Pattern.compile("(.+__)?\\d+_\\d+");
    /** The file Kafka Streams locks while an instance uses the application's state directory. */
    private static final String KAFKA_STREAMS_LOCK = ".lock";

    private final Path marker;
    private final Path applicationDir;

    public UncleanShutdown(Path stateDir, String applicationId) {
        this.marker = stateDir.resolve(applicationId + ".running");
        this.applicationDir = stateDir.resolve(applicationId);
    }

    /** Whether the last run started and never closed cleanly. */
    public boolean happened() {
        return Files.exists(marker);
    }

    /**
     * After an unclean shutdown, removes the task directories (not the global store's) unless another
     * process holds the state directory, which Kafka Streams will then refuse anyway.
     *
     * @return the tasks whose state was removed, e.g. {@code [0_0, 1_0]}
     */
    public List<String> discardTaskState() {
        if (!happened() || !Files.isDirectory(applicationDir)) {
            return List.of();
        }
        try (FileChannel channel = FileChannel.open(applicationDir.resolve(KAFKA_STREAMS_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null) {
                return List.of();
            }
            List<String> removed = new ArrayList<>();
            try (Stream<Path> entries = Files.list(applicationDir)) {
                for (Path task : entries.filter(Files::isDirectory)
                        .filter(dir -> TASK_DIRECTORY.matcher(dir.getFileName().toString()).matches()).sorted().toList()) {
                    Utils.delete(task.toFile());
                    removed.add(task.getFileName().toString());
                }
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the task state of an unclean shutdown in " + applicationDir, e);
        }
    }

    /** Marks the instance as running: until {@link #closedCleanly()}, an end is unclean. */
    public void running() {
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + marker, e);
        }
    }

    /** Marks the instance as closed cleanly (its stores' offsets committed). */
    public void closedCleanly() {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + marker, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }
}

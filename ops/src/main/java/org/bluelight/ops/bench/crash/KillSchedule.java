package org.bluelight.ops.bench.crash;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.bluelight.ops.bench.MachineLoad;

/**
 * The kills of a crash run, on a thread of their own, spread evenly over the first 70% of the load
 * (incidents stop before the last statuses do): kill {@code k} of {@code n} at {@code 0.7 (k + 0.5) / n}
 * of it, whether or not earlier victims are back. Every kill but the last takes one instance, in
 * turn dispatch-a, metrics-a, dispatch-b, metrics-b, and starts it again after the downtime; the
 * last takes every dispatch instance at once and starts them again at once. An app running as one
 * instance has no partner: its instance is killed and started again at once, like the last kill.
 */
final class KillSchedule {

    private final List<AppProcess> apps;
    private final CrashSettings settings;
    private final long loadStart;
    private final PrintStream progress;
    private static final double SPREAD = 0.7;

    private final List<KillFigures> kills = new ArrayList<>();
    private final List<CompletableFuture<Void>> restarts = new java.util.concurrent.CopyOnWriteArrayList<>();
    // Threads of its own: the schedule and each restart block for seconds (sleeps, process waits), and on a
    // 2-core machine the common pool has one worker, so a restart queued behind the sleeping schedule started
    // only at the next kill (seen on JDK 25: a dispatch restart 21 s late, counted as a 26 s restart).
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "bench-crash-kills");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Void> running;

    KillSchedule(List<AppProcess> apps, CrashSettings settings, long loadStart, PrintStream progress) {
        this.apps = apps;
        this.settings = settings;
        this.loadStart = loadStart;
        this.progress = progress;
    }

    void start() {
        running = CompletableFuture.runAsync(() -> {
            try {
                for (int k = 0; k < settings.kills(); k++) {
                    long due = loadStart + Math.round(settings.load().toMillis() * SPREAD * (k + 0.5) / settings.kills());
                    Thread.sleep(Math.max(0, due - System.currentTimeMillis()));
                    kills.add(k == settings.kills() - 1 ? restartAll("dispatch") : failover(k));
                }
            } catch (Exception e) {
                throw new IllegalStateException("Kill schedule failed", e);
            }
        }, threads);
    }

    /** Waits until every killed instance is back, then gives the kills (figures to be measured). */
    List<KillFigures> finish() {
        running.join();
        restarts.forEach(CompletableFuture::join);
        threads.shutdown();
        return List.copyOf(kills);
    }

    /** Starts the victims again and waits until they are healthy. */
    private void restart(List<AppProcess> victims, long restarted) throws Exception {
        for (AppProcess victim : victims) {
            victim.start();
        }
        boolean healthy = true;
        for (AppProcess victim : victims) {
            healthy &= victim.awaitHealthy();
        }
        if (healthy) {
            progress.printf("  %s healthy again %.1f s after their restart (%s)%n", victims,
                    (System.currentTimeMillis() - restarted) / 1000.0, MachineLoad.describe());
        }
    }

    /** Runs {@code restart} on a thread of its own; {@link #finish()} waits for it. */
    private void inBackground(RestartStep restart) {
        restarts.add(CompletableFuture.runAsync(() -> {
            try {
                restart.run();
            } catch (Exception e) {
                throw new IllegalStateException("Restart failed", e);
            }
        }, threads));
    }

    private interface RestartStep {
        void run() throws Exception;
    }

    private KillFigures failover(int k) throws Exception {
        List<String> order = Stream.of("dispatch-a", "metrics-a", "dispatch-b", "metrics-b")
                .filter(name -> apps.stream().anyMatch(app -> app.instance().equals(name))).toList();
        AppProcess victim = apps.stream().filter(app -> app.instance().equals(order.get(k % order.size()))).findFirst().orElseThrow();
        if (apps.stream().filter(app -> app.app().equals(victim.app())).count() == 1) {
            return restartAll(victim.app());
        }
        long at = System.currentTimeMillis();
        victim.kill();
        progress.printf("  %s kill -9 %s (its partner takes over; %s)%n", Instant.ofEpochMilli(at), victim, MachineLoad.describe());
        inBackground(() -> {
            Thread.sleep(settings.downtime().toMillis());
            restart(List.of(victim), System.currentTimeMillis());
        });
        return new KillFigures(List.of(victim.instance()), victim.app(), true, at, 0, List.of(), null, null, List.of());
    }

    private KillFigures restartAll(String app) throws Exception {
        List<AppProcess> victims = apps.stream().filter(a -> a.app().equals(app)).toList();
        long at = System.currentTimeMillis();
        for (AppProcess victim : victims) {
            victim.kill();
        }
        progress.printf("  %s kill -9 %s (all of %s), restarted on their state directories (%s)%n", Instant.ofEpochMilli(at), victims,
                app, MachineLoad.describe());
        long restarted = System.currentTimeMillis();
        inBackground(() -> restart(victims, restarted));
        return new KillFigures(victims.stream().map(AppProcess::instance).toList(), app, false, at, restarted, List.of(), null, null, List.of());
    }
}

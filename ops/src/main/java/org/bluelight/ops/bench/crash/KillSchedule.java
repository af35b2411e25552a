package org.bluelight.ops.bench.crash;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The kills of a crash run, on a thread of their own, spread evenly over the load: kill {@code k} of
 * {@code n} at {@code (k + 0.5) / n} of it. Every kill but the last takes one instance, in turn
 * dispatch-a, metrics-a, dispatch-b, metrics-b, and starts it again after the downtime; the last
 * takes every dispatch instance at once and starts them again at once.
 */
final class KillSchedule {

    private final List<AppProcess> apps;
    private final CrashSettings settings;
    private final long loadStart;
    private final PrintStream progress;
    private final List<KillFigures> kills = new ArrayList<>();
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
                    long due = loadStart + Math.round(settings.load().toMillis() * (k + 0.5) / settings.kills());
                    Thread.sleep(Math.max(0, due - System.currentTimeMillis()));
                    kills.add(k == settings.kills() - 1 ? restartAll("dispatch") : failover(k));
                }
            } catch (Exception e) {
                throw new IllegalStateException("Kill schedule failed", e);
            }
        });
    }

    /** Waits for the last kill's instances to be back, then gives the kills (figures to be measured). */
    List<KillFigures> finish() {
        running.join();
        return List.copyOf(kills);
    }

    private KillFigures failover(int k) throws Exception {
        String[] order = {"dispatch-a", "metrics-a", "dispatch-b", "metrics-b"};
        AppProcess victim = apps.stream().filter(app -> app.instance().equals(order[k % order.length])).findFirst().orElseThrow();
        long at = System.currentTimeMillis();
        victim.kill();
        progress.printf("  %s kill -9 %s (its partner takes over)%n", Instant.ofEpochMilli(at), victim);
        Thread.sleep(settings.downtime().toMillis());
        long restarted = System.currentTimeMillis();
        victim.start();
        victim.awaitHealthy();
        return new KillFigures(List.of(victim.instance()), victim.app(), true, at, restarted, List.of(), null, null);
    }

    private KillFigures restartAll(String app) throws Exception {
        List<AppProcess> victims = apps.stream().filter(a -> a.app().equals(app)).toList();
        long at = System.currentTimeMillis();
        for (AppProcess victim : victims) {
            victim.kill();
        }
        progress.printf("  %s kill -9 %s (all of %s), restarted on their state directories%n", Instant.ofEpochMilli(at), victims, app);
        long restarted = System.currentTimeMillis();
        for (AppProcess victim : victims) {
            victim.start();
        }
        for (AppProcess victim : victims) {
            victim.awaitHealthy();
        }
        progress.printf("  %s healthy again after %.1f s%n", victims,
                Duration.ofMillis(System.currentTimeMillis() - restarted).toMillis() / 1000.0);
        return new KillFigures(victims.stream().map(AppProcess::instance).toList(), app, false, at, restarted, List.of(), null, null);
    }
}

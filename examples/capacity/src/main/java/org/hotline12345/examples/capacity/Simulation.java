package org.hotline12345.examples.capacity;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.hotline12345.workflow.CaseConflictException;
import org.hotline12345.workflow.bpmn.EngineClock;

/**
 * Plays the scripts on one driver: the clock moves from the first action to the last in steps; at each step every
 * client thread performs its cases' actions that are due (a case always on the same thread), then the simulation waits
 * until the job executor has run every job due by then (the cards, the escalations, the event deliveries).
 */
final class Simulation {

    static final int MAX_ATTEMPTS = 5;
    private static final long RETRY_PAUSE_MILLIS = 10;

    /** What one run measured. */
    record Result(String driver, int threads, int cases, double seconds, double drainSeconds, Latencies latencies, long warnings,
            long escalations, long conflictsRetried, long conflictsGivenUp, long errors, long jobsSuccessful, long jobsFailed, long heapUsedMb) {

        double callsPerSecond() {
            return latencies.calls() / seconds;
        }

        double casesPerSecond() {
            return cases / seconds;
        }

        double warningsPerSecond() {
            return warnings / seconds;
        }
    }

    private Simulation() {
    }

    static Result run(Driver driver, List<CaseScript> scripts, int threads, Duration step, PrintStream progress) throws Exception {
        Instant first = scripts.stream().flatMap(s -> s.actions().stream()).map(CaseScript.Action::at).min(Instant::compareTo).orElseThrow();
        Instant last = scripts.stream().flatMap(s -> s.actions().stream()).map(CaseScript.Action::at).max(Instant::compareTo).orElseThrow();
        int[] next = new int[scripts.size()];
        List<Latencies> perThread = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            perThread.add(new Latencies());
        }
        AtomicLong retried = new AtomicLong();
        AtomicLong givenUp = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        // What the run before left on the heap (its in-memory database on H2) is collected now, not during this day.
        System.gc();
        long startNanos = System.nanoTime();
        long drainNanos = 0;
        Instant lastReport = first;
        try {
            for (Instant now = first; !now.isAfter(last.plus(step)); now = now.plus(step)) {
                EngineClock.freezeAt(now);
                Instant due = now;
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    work.add(clients.submit(() -> {
                        for (int c = thread; c < scripts.size(); c += threads) {
                            CaseScript script = scripts.get(c);
                            while (next[c] < script.actions().size() && !script.actions().get(next[c]).at().isAfter(due)) {
                                perform(driver, script, script.actions().get(next[c]), perThread.get(thread), retried, givenUp, errors);
                                next[c]++;
                            }
                        }
                    }));
                }
                for (Future<?> future : work) {
                    future.get();
                }
                long drainStart = System.nanoTime();
                drainJobs(driver);
                drainNanos += System.nanoTime() - drainStart;
                if (Duration.between(lastReport, now).toHours() >= 24) {
                    lastReport = now;
                    long calls = perThread.stream().mapToLong(Latencies::calls).sum();
                    progress.printf("  %-10s %d thread(s): simulated %s, %d calls, %.0f s%n", driver.name(), threads, now, calls,
                            (System.nanoTime() - startNanos) / 1e9);
                }
            }
        } finally {
            clients.shutdownNow();
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Latencies latencies = new Latencies();
        perThread.forEach(latencies::addAll);
        var configuration = (ProcessEngineConfigurationImpl) driver.engine().getProcessEngineConfiguration();
        if (configuration.getDbMetricsReporter() != null) {
            configuration.getDbMetricsReporter().reportNow();
        }
        var metrics = driver.engine().getManagementService();
        long successful = metrics.createMetricsQuery().name("job-successful").sum();
        long failed = metrics.createMetricsQuery().name("job-failed").sum();
        System.gc();
        long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
        return new Result(driver.name(), threads, scripts.size(), seconds, drainNanos / 1e9, latencies, driver.warnings(),
                driver.escalations(), retried.get(), givenUp.get(), errors.get(), successful, failed, heap);
    }

    /**
     * What the burst measured: cards issued by the job executor, the escalation ladders their red cards started, the
     * wall time until it had issued them all, the statements and batched rows the job executor sent for them, in all
     * and per statement, and per table the entries H2's commits changed ({@link H2Writes}; empty when not counted).
     */
    record Burst(long cards, long escalations, double seconds, double cpuSeconds, long statements, long rows, Map<String, long[]> bySql,
            Map<String, long[]> writes) {

        double cardsPerSecond() {
            return cards / seconds;
        }
    }

    /**
     * The warning burst's cases: {@code cases} complaints taken in and dispatched at {@code at}, and every job they
     * made run, so that {@link #fireBurst} finds only their cards due.
     */
    static void prepareBurst(Driver driver, int cases, Instant at) throws Exception {
        EngineClock.freezeAt(at);
        for (int i = 0; i < cases; i++) {
            CaseScript script = new CaseScript(1_000_000 + i, org.hotline12345.workflow.cases.Channel.PHONE,
                    org.hotline12345.workflow.cases.Category.COMPLAINT, org.hotline12345.workflow.cases.Urgency.NORMAL, "370199",
                    List.of());
            driver.perform(script, CaseScript.Action.of(at, CaseScript.Kind.INTAKE));
            driver.perform(script, new CaseScript.Action(at, CaseScript.Kind.DISPATCH, CityDay.UNITS.get(i % CityDay.UNITS.size())[0],
                    true, null));
        }
        drainJobs(driver);
    }

    /**
     * Warning throughput on its own: the clock jumps from the {@link #prepareBurst prepared} cases' dispatch
     * ({@code at}) past their sign-for deadline and the job executor issues every yellow and red card at once (in
     * both runs each red card also starts the escalation ladder). Measured from the jump until no job is due.
     */
    static Burst fireBurst(Driver driver, CountingDataSource counting, Instant at) throws Exception {
        long before = driver.warnings();
        long escalationsBefore = driver.escalations();
        long[] sentBefore = counting.background();
        Map<String, long[]> bySqlBefore = counting.backgroundBySql();
        Map<String, long[]> writesBefore = counting.backgroundWrites();
        System.gc();
        EngineClock.freezeAt(at.plus(Duration.ofDays(20)));
        long cpuAtStart = processCpuNanos();
        long start = System.nanoTime();
        drainJobs(driver);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuAtStart) / 1e9;
        long[] sent = counting.background();
        return new Burst(driver.warnings() - before, driver.escalations() - escalationsBefore, seconds, cpuSeconds, sent[0] - sentBefore[0],
                sent[1] - sentBefore[1], since(bySqlBefore, counting.backgroundBySql()), since(writesBefore, counting.backgroundWrites()));
    }

    /** Per key, {@code after}'s counts less {@code before}'s, for the keys whose counts grew. */
    static Map<String, long[]> since(Map<String, long[]> before, Map<String, long[]> after) {
        Map<String, long[]> difference = new java.util.TreeMap<>();
        after.forEach((key, counts) -> {
            long[] earlier = before.getOrDefault(key, new long[counts.length]);
            long[] grown = new long[counts.length];
            boolean grew = false;
            for (int i = 0; i < counts.length; i++) {
                grown[i] = counts[i] - earlier[i];
                grew |= grown[i] > 0;
            }
            if (grew) {
                difference.put(key, grown);
            }
        });
        return difference;
    }

    /**
     * The CPU time this JVM has used so far, all its threads: on H2, whose work runs in the calling threads, the
     * database's too. Where the burst's wall time differs more than its CPU time, the difference is waiting.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void perform(Driver driver, CaseScript script, CaseScript.Action action, Latencies latencies, AtomicLong retried,
            AtomicLong givenUp, AtomicLong errors) {
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            try {
                CountingDataSource.counting(action.kind().name(), () -> driver.perform(script, action));
                latencies.add(action.kind(), System.nanoTime() - start);
                return;
            } catch (CaseConflictException | OptimisticLockingException conflict) {
                // The job executor (a card, a delivery) changed or holds the case at the same time: retry after a
                // moment, as a portal's user would.
                if (attempt == MAX_ATTEMPTS) {
                    givenUp.incrementAndGet();
                    return;
                }
                retried.incrementAndGet();
                pause(attempt);
            } catch (RuntimeException e) {
                if (errors.incrementAndGet() <= 5) {
                    System.err.println("  " + driver.name() + ": case " + script.index() + " " + action.kind() + " failed: " + e);
                }
                return;
            }
        }
    }

    /** A short wait before the next attempt, longer each time: a card's transaction takes milliseconds. */
    static void pause(int attempt) {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until no job is due: the job executor has caught up with the clock. The clock has just moved, so timers are
     * due that the idle executor does not know of: it is told, as a new job tells it, instead of finding them when its
     * idle wait ends. The figures are then the work of both runs, not the executor's idle waits between clock steps.
     * The database is asked only while the executor's threads are idle and its queue empty: asked every 5 ms through a
     * burst, the count of due jobs (a scan of the job table) took a share of the server the job executor then lacked.
     */
    private static void drainJobs(Driver driver) throws InterruptedException {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) driver.engine().getProcessEngineConfiguration()).getJobExecutor();
        executor.jobWasAdded();
        ThreadPoolExecutor pool = ((DefaultJobExecutor) executor).getThreadPoolExecutor();
        var management = driver.engine().getManagementService();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (pool.getActiveCount() > 0 || !pool.getQueue().isEmpty()
                || CountingDataSource.uncounted(() -> management.createJobQuery().executable().count()) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the job executor of " + driver.name() + " did not catch up within 2 minutes");
            }
            Thread.sleep(5);
        }
    }
}

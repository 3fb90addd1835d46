package org.hotline12345.examples.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.access.Role;
import org.hotline12345.workflow.accountability.Period;
import org.hotline12345.workflow.accountability.UnitIndicators;
import org.hotline12345.workflow.bpmn.EngineClock;
import org.hotline12345.workflow.bpmn.HotlineWorkflowEngine;
import org.hotline12345.workflow.calendar.WorkingCalendar;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.directory.InMemoryOrganisationDirectory;
import org.hotline12345.workflow.directory.Unit;

/**
 * A simulated city day through the library, and the same lifecycle on the raw engine, in one JVM run (docs/performance.md).
 * {@code mvn -q -pl examples/capacity -am install -DskipTests && mvn -q -pl examples/capacity exec:java
 * -Dexec.args="--db h2 --threads 1,2 --cases 1000"}. Options: {@code --db h2|postgresql|mariadb}, {@code --threads 1,2},
 * {@code --cases N}, {@code --seed S}, {@code --step PT1H}, {@code --rounds R} (measured rounds per thread count, the
 * raw engine first in every other one, default 2), {@code --burst N} (cases of the warning burst, default 500),
 * {@code --warmup N} (cases of the unmeasured warm-up day, default three times the day's), {@code --sql true} (print the
 * statements the calls sent most and spent most time on, and every statement the job executor sent in the burst, per
 * card), {@code --trace REPLY,DISPATCH} (print every statement those operations sent, per call), {@code --writes true}
 * (on H2: count the entries of H2's maps each commit changed, per call, and by table for a card and the traced calls;
 * see {@link H2Writes}), {@code --json path}.
 */
public final class CapacitySimulation {

    /** Tuesday before the National Day holiday: the simulated cases cross a weekend and a week of holidays. */
    static final Instant DAY = OffsetDateTime.parse("2026-09-29T08:30:00+08:00").toInstant();
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The warning burst runs after the day, on a Monday clear of it. */
    static final Instant BURST_AT = OffsetDateTime.parse("2026-11-09T09:00:00+08:00").toInstant();
    static final int BURST_CASES = 500;
    /**
     * The warm-up is this many days of the measured size. The JIT compiles a method fully only after thousands of
     * calls, and a step's own code (a reply's, a review's) runs about once a case: after a warm-up of one day (600
     * cases on H2) the library's next day still ran a quarter faster (33.9 s, then 25.4 s) while the raw engine's ran
     * as fast. After four days the two rounds' ratios agreed (0.93, 0.95); after three, with 1,000 cases, the
     * library's two rounds took 44.9 s and 43.7 s.
     */
    static final int WARM_UP_DAYS = 3;
    /** How many of the most sent statements {@code --sql true} prints per run. */
    private static final int SQL_PROFILE = 80;

    private CapacitySimulation() {
    }

    /** One run's settings, from the command line ({@code --option value}); unnamed options take their defaults. */
    record Options(String db, int cases, long seed, Duration step, List<Integer> threads, int rounds, int burst, int warmUp, boolean sql,
            boolean writes, List<CaseScript.Kind> trace, Path json) {

        Options {
            if (writes && !db.equals("h2")) {
                throw new IllegalArgumentException("--writes counts what H2's commits change: it needs --db h2, not --db " + db);
            }
        }

        static Options parse(String[] args) {
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --option value, got " + args[i]);
                }
                options.put(args[i].substring(2), args[i + 1]);
            }
            int cases = Integer.parseInt(options.getOrDefault("cases", "1000"));
            return new Options(options.getOrDefault("db", "h2"), cases, Long.parseLong(options.getOrDefault("seed", "2026")),
                    Duration.parse(options.getOrDefault("step", "PT1H")),
                    Arrays.stream(options.getOrDefault("threads", "1,2").split(",")).map(Integer::parseInt).toList(),
                    Integer.parseInt(options.getOrDefault("rounds", "2")),
                    Integer.parseInt(options.getOrDefault("burst", String.valueOf(BURST_CASES))),
                    Integer.parseInt(options.getOrDefault("warmup", String.valueOf(WARM_UP_DAYS * cases))),
                    Boolean.parseBoolean(options.getOrDefault("sql", "false")),
                    Boolean.parseBoolean(options.getOrDefault("writes", "false")),
                    options.containsKey("trace") ? Arrays.stream(options.get("trace").split(",")).map(CaseScript.Kind::valueOf).toList()
                            : List.of(),
                    Path.of(options.getOrDefault("json", "target/capacity-report.json")));
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Map<String, Object> report = run(options, System.out);
        Files.createDirectories(options.json().toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.json().toFile(), report);
        System.out.println("report written to " + options.json().toAbsolutePath());
    }

    static Map<String, Object> run(Options options, java.io.PrintStream out) throws Exception {
        List<CaseScript> scripts = CityDay.generate(options.cases(), options.seed(), DAY);
        long actions = scripts.stream().mapToLong(s -> s.actions().size()).sum();
        out.printf("capacity: %d cases (%d actions, seed %d) on %s, %s steps, %d cores, %d MB max heap%n", options.cases(), actions,
                options.seed(), options.db(), options.step(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        String server = server(options.db());
        out.println("database server: " + server);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("database", options.db());
        report.put("server", server);
        report.put("cases", options.cases());
        report.put("actions", actions);
        report.put("seed", options.seed());
        report.put("warmUpCases", options.warmUp());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        List<Map<String, Object>> runs = new ArrayList<>();
        try {
            warmUp(options, out);
            Map<Integer, List<double[]>> ratios = new LinkedHashMap<>();
            for (int threads : options.threads()) {
                for (int round = 1; round <= options.rounds(); round++) {
                    Measured library;
                    Measured raw;
                    // Every other round the raw engine goes first: what drifts over a run (the JIT, the heap, the
                    // machine) falls on both sides alike.
                    if (round % 2 == 1) {
                        library = measure(options, scripts, threads, threads + "_" + round, true, out);
                        raw = measure(options, scripts, threads, threads + "_" + round, false, out);
                    } else {
                        raw = measure(options, scripts, threads, threads + "_" + round, false, out);
                        library = measure(options, scripts, threads, threads + "_" + round, true, out);
                    }
                    Map<String, Object> run = report(out, options, round, library, raw);
                    ratios.computeIfAbsent(threads, t -> new ArrayList<>())
                            .add(new double[] {(Double) run.get("lifecycleRatio"), (Double) run.get("warningRatio")});
                    runs.add(run);
                }
            }
            out.println();
            ratios.forEach((threads, rounds) -> out.printf("%d client thread(s), %d round(s): lifecycle ratio %s, mean %.2f, "
                    + "median %.2f; warning ratio %s, mean %.2f, median %.2f%n", threads, rounds.size(), list(rounds, 0),
                    mean(rounds, 0), median(rounds, 0), list(rounds, 1), mean(rounds, 1), median(rounds, 1)));
        } finally {
            EngineClock.reset();
        }
        report.put("runs", runs);
        return report;
    }

    /**
     * A day of other cases, and a burst, through both engines, each on a database of its own, before anything is
     * measured. Both runs share one JVM: without it the library, measured first, paid for compiling the engine's,
     * MyBatis' and the driver's code that the raw engine then ran compiled. A node carrying a city's day runs warm, and
     * the library's longer paths take longer to compile ({@link #WARM_UP_DAYS}).
     */
    private static void warmUp(Options options, java.io.PrintStream out) throws Exception {
        if (options.warmUp() == 0) {
            return;
        }
        List<CaseScript> scripts = CityDay.generate(options.warmUp(), options.seed() + 1, DAY);
        java.io.PrintStream quiet = new java.io.PrintStream(OutputStream.nullOutputStream());
        long start = System.nanoTime();
        measure(options, scripts, 1, "warmup", true, quiet);
        measure(options, scripts, 1, "warmup", false, quiet);
        out.printf("warm-up: %d other cases through each engine, not measured (%.0f s)%n", options.warmUp(), (System.nanoTime() - start) / 1e9);
    }

    private static LibraryDriver libraryDriver(DataSource dataSource, String name, int threads) {
        return new LibraryDriver(HotlineWorkflowEngine.builder().engineName(name).dataSource(dataSource).directory(directory())
                .jobExecutor(true).plugin(JobExecutorTuning.plugin(threads)).build());
    }

    private static RawDriver rawDriver(DataSource dataSource, String name, int threads) {
        return new RawDriver(dataSource, name, WorkingCalendar.chinaMainland(), new EngineClock(ZONE), threads);
    }

    /**
     * What one engine's measured day and burst gave; {@code dayMachineCpuMillis} is the machine's CPU time over the day
     * ({@link MachineCpu}), -1 where it cannot be read.
     */
    private record Measured(Simulation.Result result, CountingDataSource.Profile sql, Simulation.Burst burst,
            List<UnitIndicators> indicators, Volume volume, Volume burstVolume, long dayMachineCpuMillis) {
    }

    /**
     * What the day wrote on PostgreSQL: the server's write-ahead log from its first step to its last (the run's
     * database is the only busy one), and the database's size after it. Unlike time, they do not depend on how fast
     * the machine runs that day.
     */
    private record Volume(long walBytes, long databaseBytes) {

        /**
         * Has the PostgreSQL server write its changed pages out ({@code CHECKPOINT}) and returns its write-ahead log
         * position, or null on H2 and MariaDB. Every day then starts just after a checkpoint. Without it the server's own
         * checkpoints (every five minutes, or after a gigabyte of log) fell into one run or the other: after a
         * checkpoint the first change of each page writes the whole page into the log, and whichever run of a round came
         * first wrote about a tenth more log a case than the same engine did when it came second.
         */
        static String checkpoint(DataSource dataSource, String db) throws java.sql.SQLException {
            if (!db.equals("postgresql")) {
                return null;
            }
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
                try (java.sql.ResultSet rs = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }

        /**
         * Before the burst: on PostgreSQL {@code VACUUM ANALYZE} and a {@link #checkpoint}, returning the log's
         * position; on H2 {@code ANALYZE}, and on MariaDB {@code ANALYZE TABLE} of every table, returning null (InnoDB
         * purges old row versions by itself). The day leaves dead rows, and statistics from nearly empty
         * tables, behind: on a server without autovacuum (as on the machine of docs/performance.md) they stay, by as
         * much as each run's day left; with it the server vacuums, analyzes and checkpoints when it decides to, within
         * one run's burst and not the other's. The burst now starts, in both runs, as the cards of a Monday morning do
         * after a quiet weekend.
         */
        static String settle(DataSource dataSource, String db) throws java.sql.SQLException {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(switch (db) {
                    case "postgresql" -> "VACUUM ANALYZE";
                    case "mariadb" -> "ANALYZE TABLE " + String.join(", ", tables(statement));
                    default -> "ANALYZE";
                });
            }
            return checkpoint(dataSource, db);
        }

        private static List<String> tables(Statement statement) throws java.sql.SQLException {
            List<String> tables = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = statement.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            return tables;
        }

        /** Since {@code from}, or null where {@link #checkpoint} gave none. */
        static Volume since(DataSource dataSource, String from) throws java.sql.SQLException {
            if (from == null) {
                return null;
            }
            try (Connection connection = dataSource.getConnection(); java.sql.PreparedStatement statement = connection.prepareStatement(
                    "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::bigint, pg_database_size(current_database())")) {
                statement.setString(1, from);
                try (java.sql.ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return new Volume(rs.getLong(1), rs.getLong(2));
                }
            }
        }
    }

    /**
     * One engine's day and burst on a fresh database: the library's ({@code library} true) or the raw engine's.
     * {@code run} names the databases and the engine.
     */
    private static Measured measure(Options options, List<CaseScript> scripts, int threads, String run, boolean library,
            java.io.PrintStream out) throws Exception {
        String name = "capacity_" + (library ? "library_" : "raw_") + run;
        CountingDataSource counting = new CountingDataSource(options.writes() ? new H2Writes() : null);
        try (HikariDataSource dataSource = dataSource(options.db(), name);
                Driver driver = library ? libraryDriver(counting.wrap(dataSource), name, threads)
                        : rawDriver(counting.wrap(dataSource), name, threads)) {
            indexVariablesByExecution(dataSource, options.db());
            String walAtStart = Volume.checkpoint(dataSource, options.db());
            long machineAtStart = MachineCpu.busyMillis();
            Simulation.Result result = Simulation.run(driver, scripts, threads, options.step(), out);
            long machineAtEnd = MachineCpu.busyMillis();
            Volume volume = Volume.since(dataSource, walAtStart);
            CountingDataSource.Profile sql = counting.profile(SQL_PROFILE);
            Simulation.prepareBurst(driver, options.burst(), BURST_AT);
            String walAtBurst = Volume.settle(dataSource, options.db());
            Simulation.Burst burst = Simulation.fireBurst(driver, counting, BURST_AT);
            Volume burstVolume = Volume.since(dataSource, walAtBurst);
            List<UnitIndicators> indicators = driver instanceof LibraryDriver libraryDriver
                    ? libraryDriver.hotlineEngine().accountability().indicators(Actor.hotlineOffice("supervisor", Role.SUPERVISOR),
                            new Period(LocalDate.ofInstant(DAY, ZONE), LocalDate.ofInstant(DAY, ZONE).plusDays(30)), null)
                    : List.of();
            return new Measured(result, sql, burst, indicators, volume, burstVolume,
                    machineAtStart < 0 || machineAtEnd < 0 ? -1 : machineAtEnd - machineAtStart);
        } finally {
            EngineClock.reset();
        }
    }

    /** Prints one round and returns it for the JSON report. */
    private static Map<String, Object> report(java.io.PrintStream out, Options options, int round, Measured library, Measured raw) {
        Simulation.Result lib = library.result();
        Simulation.Result base = raw.result();
        CountingDataSource.Profile librarySql = library.sql();
        CountingDataSource.Profile rawSql = raw.sql();
        Simulation.Burst libraryBurst = library.burst();
        Simulation.Burst rawBurst = raw.burst();
        out.printf("%n== %d client thread(s), round %d of %d (%s first) ==%n", lib.threads(), round, options.rounds(),
                round % 2 == 1 ? "library" : "raw engine");
        print(out, lib, base, library.indicators());
        out.printf("database statements of the API calls over the day (executes and batches): library %d "
                + "(%.0f a case, %.1f a call), raw engine %d (%.0f a case, %.1f a call)%n", librarySql.statements(),
                (double) librarySql.statements() / options.cases(), (double) librarySql.statements() / lib.latencies().calls(),
                rawSql.statements(), (double) rawSql.statements() / options.cases(), (double) rawSql.statements() / base.latencies().calls());
        out.printf("rows the engine wrote in batches for the API calls: library %d (%.0f a case), raw engine %d (%.0f a case)%n",
                librarySql.rows(), (double) librarySql.rows() / options.cases(), rawSql.rows(), (double) rawSql.rows() / options.cases());
        if (library.dayMachineCpuMillis() >= 0 && raw.dayMachineCpuMillis() >= 0) {
            out.printf("CPU time of the machine a case over the day (this JVM, the database server and whatever else ran): library %.1f ms, "
                    + "raw engine %.1f ms%n", (double) library.dayMachineCpuMillis() / options.cases(),
                    (double) raw.dayMachineCpuMillis() / options.cases());
        }
        if (library.volume() != null) {
            out.printf("written over the day: write-ahead log library %.1f MB (%.0f kB a case), raw engine %.1f MB (%.0f kB a case); "
                    + "database after the day library %.1f MB, raw engine %.1f MB%n", library.volume().walBytes() / 1e6,
                    library.volume().walBytes() / 1e3 / options.cases(), raw.volume().walBytes() / 1e6,
                    raw.volume().walBytes() / 1e3 / options.cases(), library.volume().databaseBytes() / 1e6,
                    raw.volume().databaseBytes() / 1e6);
        }
        if (options.sql()) {
            out.println("per operation (library | raw engine): statements and batched rows a call");
            for (CaseScript.Kind kind : CaseScript.Kind.values()) {
                long[] l = librarySql.perOperation().getOrDefault(kind.name(), new long[2]);
                long[] r = rawSql.perOperation().getOrDefault(kind.name(), new long[2]);
                long libraryCalls = lib.latencies().calls(kind);
                long rawCalls = base.latencies().calls(kind);
                out.printf("  %-18s %6.1f %6.1f | %6.1f %6.1f%n", kind, perCall(l[0], libraryCalls), perCall(l[1], libraryCalls),
                        perCall(r[0], rawCalls), perCall(r[1], rawCalls));
            }
            printList(out, "statements the library's calls sent most (count, statement):", librarySql.mostSent());
            printList(out, "statements the raw engine's calls sent most:", rawSql.mostSent());
            out.printf("time the calls spent in the database driver (statements and commits): library %.1f s, raw engine %.1f s%n",
                    librarySql.driverMillis() / 1000.0, rawSql.driverMillis() / 1000.0);
            printList(out, "statements the library's calls spent most time on (ms, statement or commit):", librarySql.slowest());
            printList(out, "statements the raw engine's calls spent most time on:", rawSql.slowest());
        }
        for (CaseScript.Kind kind : options.trace()) {
            printTrace(out, "library", kind, librarySql, lib.latencies().calls(kind));
            printTrace(out, "raw engine", kind, rawSql, base.latencies().calls(kind));
        }
        out.printf("warning burst (%d dispatched cases, the clock jumps past their deadlines): library %d cards (%d escalations) in "
                + "%.1f s = %.1f/s, raw engine %d cards (%d escalations) in %.1f s = %.1f/s; ratio %.2f%n", options.burst(),
                libraryBurst.cards(), libraryBurst.escalations(), libraryBurst.seconds(), libraryBurst.cardsPerSecond(), rawBurst.cards(),
                rawBurst.escalations(), rawBurst.seconds(), rawBurst.cardsPerSecond(), libraryBurst.cardsPerSecond() / rawBurst.cardsPerSecond());
        out.printf("the job executor's statements and batched rows a card in the burst: library %.1f and %.1f, raw engine %.1f and %.1f%n",
                (double) libraryBurst.statements() / libraryBurst.cards(), (double) libraryBurst.rows() / libraryBurst.cards(),
                (double) rawBurst.statements() / rawBurst.cards(), (double) rawBurst.rows() / rawBurst.cards());
        out.printf("CPU time of this JVM a card in the burst (on H2 the database's too): library %.2f ms, raw engine %.2f ms%n",
                libraryBurst.cpuSeconds() * 1000 / libraryBurst.cards(), rawBurst.cpuSeconds() * 1000 / rawBurst.cards());
        if (library.burstVolume() != null) {
            out.printf("written in the burst: write-ahead log library %.1f kB a card, raw engine %.1f kB a card%n",
                    library.burstVolume().walBytes() / 1e3 / libraryBurst.cards(), raw.burstVolume().walBytes() / 1e3 / rawBurst.cards());
        }
        if (options.writes()) {
            printWrites(out, options, lib, base, librarySql, rawSql, libraryBurst, rawBurst);
        }
        if (options.sql()) {
            out.printf("statements of the job executor in the burst, library (%d cards): sent, batched rows and µs in the driver a card%n",
                    libraryBurst.cards());
            printStatements(out, libraryBurst.bySql(), libraryBurst.cards());
            out.printf("statements of the job executor in the burst, raw engine (%d cards): sent, batched rows and µs in the driver a card%n",
                    rawBurst.cards());
            printStatements(out, rawBurst.bySql(), rawBurst.cards());
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("threads", lib.threads());
        run.put("round", round);
        run.put("library", json(lib));
        run.put("raw", json(base));
        run.put("libraryStatements", librarySql.statements());
        run.put("rawStatements", rawSql.statements());
        run.put("libraryRows", librarySql.rows());
        run.put("rawRows", rawSql.rows());
        run.put("libraryDriverMillis", librarySql.driverMillis());
        run.put("rawDriverMillis", rawSql.driverMillis());
        run.put("lifecycleRatio", lib.casesPerSecond() / base.casesPerSecond());
        run.put("libraryBurst", json(libraryBurst));
        run.put("rawBurst", json(rawBurst));
        run.put("warningRatio", libraryBurst.cardsPerSecond() / rawBurst.cardsPerSecond());
        if (options.writes()) {
            run.put("libraryWritesPerOperation", totals(librarySql.writesPerOperation()));
            run.put("rawWritesPerOperation", totals(rawSql.writesPerOperation()));
            run.put("libraryBurstWrites", H2Writes.total(libraryBurst.writes()));
            run.put("rawBurstWrites", H2Writes.total(rawBurst.writes()));
        }
        if (library.volume() != null) {
            run.put("libraryWalBytes", library.volume().walBytes());
            run.put("rawWalBytes", raw.volume().walBytes());
            run.put("libraryDatabaseBytes", library.volume().databaseBytes());
            run.put("rawDatabaseBytes", raw.volume().databaseBytes());
            run.put("libraryBurstWalBytes", library.burstVolume().walBytes());
            run.put("rawBurstWalBytes", raw.burstVolume().walBytes());
        }
        if (library.dayMachineCpuMillis() >= 0 && raw.dayMachineCpuMillis() >= 0) {
            run.put("libraryDayMachineCpuMillis", library.dayMachineCpuMillis());
            run.put("rawDayMachineCpuMillis", raw.dayMachineCpuMillis());
        }
        run.put("indicators", library.indicators().stream().map(CapacitySimulation::json).toList());
        return run;
    }

    /**
     * What H2's commits changed ({@code --writes true}): the entries a call of each kind changed over the day, by table
     * for the kinds {@code --trace} names, and by table those a card changed in the burst, rows and index entries apart.
     */
    private static void printWrites(java.io.PrintStream out, Options options, Simulation.Result lib, Simulation.Result base,
            CountingDataSource.Profile librarySql, CountingDataSource.Profile rawSql, Simulation.Burst libraryBurst, Simulation.Burst rawBurst) {
        out.println("entries of H2's maps a call's commits changed over the day (library | raw engine)");
        for (CaseScript.Kind kind : CaseScript.Kind.values()) {
            out.printf("  %-18s %7.1f | %7.1f%n", kind,
                    perCall(H2Writes.total(librarySql.writesPerOperation().getOrDefault(kind.name(), Map.of())), lib.latencies().calls(kind)),
                    perCall(H2Writes.total(rawSql.writesPerOperation().getOrDefault(kind.name(), Map.of())), base.latencies().calls(kind)));
        }
        for (CaseScript.Kind kind : options.trace()) {
            out.printf("entries of H2's maps a %s call's commits changed, by table, rows and index entries (library | raw engine):%n", kind);
            printWritesByTable(out, librarySql.writesPerOperation().getOrDefault(kind.name(), Map.of()), lib.latencies().calls(kind),
                    rawSql.writesPerOperation().getOrDefault(kind.name(), Map.of()), base.latencies().calls(kind));
        }
        out.printf("entries of H2's maps a card's commits changed in the burst: library %.1f, raw engine %.1f; by table, rows and "
                + "index entries (library | raw engine):%n", perCall(H2Writes.total(libraryBurst.writes()), libraryBurst.cards()),
                perCall(H2Writes.total(rawBurst.writes()), rawBurst.cards()));
        printWritesByTable(out, libraryBurst.writes(), libraryBurst.cards(), rawBurst.writes(), rawBurst.cards());
    }

    /** Per table, {@code library}'s rows and index entries divided by {@code libraryPer}, beside {@code raw}'s by {@code rawPer}. */
    private static void printWritesByTable(java.io.PrintStream out, Map<String, long[]> library, long libraryPer, Map<String, long[]> raw,
            long rawPer) {
        java.util.Set<String> tables = new java.util.TreeSet<>(library.keySet());
        tables.addAll(raw.keySet());
        for (String table : tables) {
            long[] l = library.getOrDefault(table, new long[2]);
            long[] r = raw.getOrDefault(table, new long[2]);
            out.printf("  %-22s %6.2f %6.2f | %6.2f %6.2f%n", table, perCall(l[H2Writes.ROWS], libraryPer), perCall(l[H2Writes.INDEXES], libraryPer),
                    perCall(r[H2Writes.ROWS], rawPer), perCall(r[H2Writes.INDEXES], rawPer));
        }
    }

    /** Per operation, its entries in all tables. */
    private static Map<String, Long> totals(Map<String, Map<String, long[]>> writesPerOperation) {
        Map<String, Long> totals = new java.util.TreeMap<>();
        writesPerOperation.forEach((operation, tables) -> totals.put(operation, H2Writes.total(tables)));
        return totals;
    }

    /** Each statement one {@code kind} of call sent, per call: how often, and the rows added to its batches. */
    private static void printTrace(java.io.PrintStream out, String run, CaseScript.Kind kind, CountingDataSource.Profile sql, long calls) {
        out.printf("statements of a %s call, %s (%d calls): sent and batched rows a call%n", kind, run, calls);
        printStatements(out, sql.perOperationSql().getOrDefault(kind.name(), Map.of()), calls);
    }

    /**
     * {@code bySql}, each statement's count and batched rows (and where given, its nanoseconds, shown in µs), divided
     * by {@code per}: most first.
     */
    private static void printStatements(java.io.PrintStream out, Map<String, long[]> bySql, long per) {
        bySql.entrySet().stream()
                .sorted(Map.Entry.<String, long[]>comparingByValue(java.util.Comparator.comparingLong((long[] c) -> c[0] + c[1])).reversed())
                .forEach(e -> out.printf("  %5.2f %5.2f %s %s%n", perCall(e.getValue()[0], per), perCall(e.getValue()[1], per),
                        e.getValue().length > 2 ? String.format("%7.1f", perCall(e.getValue()[2], per) / 1000) : "", e.getKey()));
    }

    private static double perCall(long count, long calls) {
        return calls == 0 ? 0 : (double) count / calls;
    }

    private static String list(List<double[]> rounds, int index) {
        return rounds.stream().map(r -> String.format("%.2f", r[index])).collect(java.util.stream.Collectors.joining(", "));
    }

    private static double mean(List<double[]> rounds, int index) {
        return rounds.stream().mapToDouble(r -> r[index]).average().orElse(Double.NaN);
    }

    /**
     * The middle round's ratio (the mean of the two middle ones): on this machine a burst now and then runs at half
     * speed in either engine, and one such round moves the mean of a few by a tenth where it moves the median little.
     */
    static double median(List<double[]> rounds, int index) {
        double[] sorted = rounds.stream().mapToDouble(r -> r[index]).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void print(java.io.PrintStream out, Simulation.Result library, Simulation.Result raw, List<UnitIndicators> indicators) {
        out.printf("%-12s %9s %9s %9s %9s %9s %9s %9s %9s %11s %9s %8s%n", "run", "seconds", "cases/s", "calls/s", "p50 ms", "p95 ms",
                "p99 ms", "cards", "cards/s", "escalations", "conflicts", "heap MB");
        for (Simulation.Result result : List.of(library, raw)) {
            double[] overall = result.latencies().overall();
            out.printf("%-12s %9.1f %9.1f %9.1f %9.2f %9.2f %9.2f %9d %9.1f %11d %9d %8d%n", result.driver(), result.seconds(),
                    result.casesPerSecond(), result.callsPerSecond(), overall[1], overall[2], overall[3], result.warnings(),
                    result.warningsPerSecond(), result.escalations(), result.conflictsRetried(), result.heapUsedMb());
        }
        out.printf("ratio library / raw engine: lifecycle throughput %.2f%n", library.casesPerSecond() / raw.casesPerSecond());
        out.printf("of the seconds, waiting after each clock step until the job executor had run every due job: library %.2f s, "
                + "raw engine %.2f s%n", library.drainSeconds(), raw.drainSeconds());
        out.println("per operation (library | raw engine): calls, p50, p95, p99 ms");
        Map<CaseScript.Kind, double[]> lib = library.latencies().percentiles();
        Map<CaseScript.Kind, double[]> base = raw.latencies().percentiles();
        for (CaseScript.Kind kind : CaseScript.Kind.values()) {
            double[] l = lib.getOrDefault(kind, new double[4]);
            double[] r = base.getOrDefault(kind, new double[4]);
            out.printf("  %-18s %6.0f %7.2f %7.2f %7.2f | %6.0f %7.2f %7.2f %7.2f%n", kind, l[0], l[1], l[2], l[3], r[0], r[1], r[2], r[3]);
        }
        out.printf("jobs (library | raw): %d successful, %d failed | %d successful, %d failed; client conflicts given up: %d | %d; "
                + "errors: %d | %d%n", library.jobsSuccessful(), library.jobsFailed(), raw.jobsSuccessful(), raw.jobsFailed(),
                library.conflictsGivenUp(), raw.conflictsGivenUp(), library.errors(), raw.errors());
        out.println("indicators of the simulated month, per unit (library run):");
        for (UnitIndicators unit : indicators) {
            out.printf("  %-22s received %5d  on-time sign-for %s  on-time completion %s  satisfaction %s  composite %s%n",
                    unit.unit(), unit.received(), rate(unit.onTimeSignFor().value()), rate(unit.onTimeCompletion().value()),
                    rate(unit.satisfaction().value()), unit.composite() == null ? "-" : String.format("%.1f", unit.composite()));
        }
    }

    private static String rate(Double value) {
        return value == null ? "  -  " : String.format("%5.1f%%", value * 100);
    }

    private static void printList(java.io.PrintStream out, String title, List<Map.Entry<String, Long>> entries) {
        out.println(title);
        entries.forEach(entry -> out.printf("  %7d  %s%n", entry.getValue(), entry.getKey()));
    }

    private static Map<String, Object> json(Simulation.Result result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seconds", result.seconds());
        json.put("drainSeconds", result.drainSeconds());
        json.put("casesPerSecond", result.casesPerSecond());
        json.put("callsPerSecond", result.callsPerSecond());
        double[] overall = result.latencies().overall();
        json.put("calls", (long) overall[0]);
        json.put("p50Ms", overall[1]);
        json.put("p95Ms", overall[2]);
        json.put("p99Ms", overall[3]);
        Map<String, Object> operations = new LinkedHashMap<>();
        result.latencies().percentiles().forEach((kind, p) -> operations.put(kind.name(),
                Map.of("calls", (long) p[0], "p50Ms", p[1], "p95Ms", p[2], "p99Ms", p[3])));
        json.put("operations", operations);
        json.put("warnings", result.warnings());
        json.put("warningsPerSecond", result.warningsPerSecond());
        json.put("escalations", result.escalations());
        json.put("conflictsRetried", result.conflictsRetried());
        json.put("conflictsGivenUp", result.conflictsGivenUp());
        json.put("errors", result.errors());
        json.put("jobsSuccessful", result.jobsSuccessful());
        json.put("jobsFailed", result.jobsFailed());
        json.put("heapUsedMb", result.heapUsedMb());
        return json;
    }

    private static Map<String, Object> json(Simulation.Burst burst) {
        return Map.of("cards", burst.cards(), "escalations", burst.escalations(), "seconds", burst.seconds(),
                "cardsPerSecond", burst.cardsPerSecond(), "cpuSeconds", burst.cpuSeconds(), "statements", burst.statements(), "rows", burst.rows());
    }

    private static Map<String, Object> json(UnitIndicators unit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("unit", unit.unit().value());
        json.put("received", unit.received());
        json.put("onTimeSignFor", unit.onTimeSignFor().value());
        json.put("onTimeCompletion", unit.onTimeCompletion().value());
        json.put("returnRate", unit.returnRate().value());
        json.put("reopenRate", unit.reopenRate().value());
        json.put("satisfaction", unit.satisfaction().value());
        json.put("resolution", unit.resolution().value());
        json.put("composite", unit.composite());
        return json;
    }

    static InMemoryOrganisationDirectory directory() {
        UnitId jinan = UnitId.of("jinan");
        List<Unit> units = new ArrayList<>();
        units.add(new Unit(jinan, "济南市人民政府", null));
        for (String[] unit : CityDay.UNITS) {
            units.add(new Unit(UnitId.of(unit[0]), unit[0], jinan));
        }
        return InMemoryOrganisationDirectory.of(units.toArray(Unit[]::new));
    }

    /**
     * On H2, an index on the engine's variables by execution and name, in both runs' databases, once the engine has
     * made its tables. The engine reads a card's variables by execution, {@code TASK_ID_ IS NULL} and names; without
     * this index H2 plans that query, in one run's database or the other's as chance has it, on the index by task and
     * name, and so reads the named variables of every execution: that run's cards then took two to three times as long
     * (docs/performance.md, thirteenth session). The PostgreSQL runs showed no such swing.
     */
    static void indexVariablesByExecution(DataSource dataSource, String db) throws java.sql.SQLException {
        if (db.equals("h2")) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE INDEX capacity_variable_execution_name_ix ON ACT_RU_VARIABLE (EXECUTION_ID_, NAME_)");
            }
        }
    }

    /**
     * A fresh database for one run: in-memory H2, or a database of that name on the local PostgreSQL or MariaDB
     * server, configured as docs/operations.md asks (on MariaDB: read committed, and the driver's settings the engine
     * needs). An in-memory database is emptied when its pool closes, so that a finished run's rows do not count in the
     * next run's heap.
     */
    static HikariDataSource dataSource(String db, String name) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(10);
        String drop;
        switch (db) {
            case "h2" -> {
                config.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
                config.setUsername("sa");
                drop = null;
            }
            case "postgresql" -> {
                drop = "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
                serverAdmin(db, drop, "CREATE DATABASE " + name);
                config.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/" + name);
                config.setUsername("postgres");
            }
            case "mariadb" -> {
                drop = "DROP DATABASE IF EXISTS " + name;
                serverAdmin(db, drop, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
                config.setJdbcUrl("jdbc:mariadb://127.0.0.1:3306/" + name
                        + "?useMysqlMetadata=true&nullDatabaseMeansCurrent=true&allowMultiQueries=true");
                config.setUsername("root");
                config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
            }
            default -> throw new IllegalArgumentException("--db is h2, postgresql or mariadb, not " + db);
        }
        if (drop != null) {
            // Dropped when done with, so that the server keeps only the databases still in use, not one for every run.
            return new HikariDataSource(config) {
                @Override
                public void close() {
                    super.close();
                    try {
                        serverAdmin(db, drop);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException("could not drop the database " + name, e);
                    }
                }
            };
        }
        return new HikariDataSource(config) {
            @Override
            public void close() {
                try (Connection connection = getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("DROP ALL OBJECTS");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("could not empty the in-memory database " + name, e);
                }
                super.close();
            }
        };
    }

    /**
     * The server's version and the memory it caches the data in, for the report: InnoDB reads past the operating
     * system's cache ({@code O_DIRECT}), so on MariaDB what its buffer pool does not hold is read from the disk.
     */
    static String server(String db) throws java.sql.SQLException {
        if (db.equals("h2")) {
            return "H2 " + org.h2.engine.Constants.FULL_VERSION + ", in memory";
        }
        String query = db.equals("postgresql")
                ? "SELECT 'PostgreSQL ' || current_setting('server_version') || ', shared_buffers ' || current_setting('shared_buffers')"
                : "SELECT CONCAT('MariaDB ', VERSION(), ', InnoDB buffer pool ', @@innodb_buffer_pool_size DIV 1048576, ' MB, flush method ', "
                        + "@@innodb_flush_method)";
        try (Connection admin = adminConnection(db); Statement statement = admin.createStatement();
                java.sql.ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection adminConnection(String db) throws java.sql.SQLException {
        return db.equals("postgresql")
                ? DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")
                : DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
    }

    private static void serverAdmin(String db, String... statements) throws java.sql.SQLException {
        try (Connection admin = adminConnection(db); Statement statement = admin.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}

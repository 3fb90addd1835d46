package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.hotline12345.workflow.accountability.Accountability;
import org.hotline12345.workflow.accountability.Period;
import org.hotline12345.workflow.accountability.RankedUnit;
import org.hotline12345.workflow.accountability.UnitIndicators;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.cases.WarningLevel;
import org.hotline12345.workflow.directory.InMemoryOrganisationDirectory;
import org.hotline12345.workflow.directory.Unit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Not a test: a benchmark, run on demand on PostgreSQL and reported, never timed against a threshold. It also times
 * the heaviest lists of the case table at that size: a unit's open cases with their warning level, as the hotline office
 * and as the unit itself see it, and the whole city's red-carded open cases.
 * {@code mvn -B -pl workflow-bpmn -am -Pdb-postgresql,benchmark test -Dtest=IndicatorsBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. It loads 200 units and 1,000,000 closed cases (their case rows and their
 * units' parts, and the units' access rows) dispatched over October and November 2026 with COPY, of which 2 % are still
 * open with a warning level, then computes November's indicators and ranking through the API several times and prints
 * the times.
 */
@Tag("benchmark")
class IndicatorsBenchmark {

    private static final int UNITS = 200;
    private static final int CASES = 1_000_000;
    private static final int RUNS = 7;
    private static final Instant OCTOBER = OffsetDateTime.parse("2026-10-01T00:00:00+08:00").toInstant();

    @Test
    void novemberIndicatorsAndRankingOverAMillionClosedCases() throws Exception {
        if (!"postgresql".equals(TestDatabase.configuredKind())) {
            throw new IllegalStateException("the indicators benchmark runs on PostgreSQL: add -Pdb-postgresql");
        }
        List<Unit> units = new ArrayList<>();
        UnitId city = UnitId.of("city");
        units.add(new Unit(city, "City", null));
        for (int u = 0; u < UNITS; u++) {
            units.add(new Unit(UnitId.of("unit-" + u), "Unit " + u, city));
        }
        TestDatabase database = TestDatabase.create("bench_indicators");
        try (HikariDataSource dataSource = database.dataSource();
                HotlineWorkflowEngine engine = TestCity.engine("bench", database, dataSource)
                        .directory(InMemoryOrganisationDirectory.of(units.toArray(Unit[]::new))).build()) {
            long loadStart = System.nanoTime();
            load(dataSource);
            System.out.printf("BENCHMARK loaded %d units, %d cases (2 %% still open) with their parts and access rows in %.1f s%n", UNITS, CASES,
                    (System.nanoTime() - loadStart) / 1e9);
            Accountability accountability = engine.accountability();
            Period november = Period.parse("2026-11");
            List<UnitIndicators> indicators = time("indicators", () -> accountability.indicators(TestCity.supervisor(), november, null));
            List<RankedUnit> ranking = time("ranking", () -> accountability.ranking(TestCity.supervisor(), november));
            long received = indicators.stream().mapToLong(UnitIndicators::received).sum();
            System.out.printf("BENCHMARK November: %d units, %d parts received; best %s (%.2f), worst %s (%.2f)%n", indicators.size(),
                    received, ranking.get(0).indicators().unit(), ranking.get(0).indicators().composite(),
                    ranking.get(ranking.size() - 1).indicators().unit(), ranking.get(ranking.size() - 1).indicators().composite());
            assertThat(indicators).hasSize(UNITS);
            UnitId unit = UnitId.of("unit-7");
            var workflow = engine.workflow();
            var openOfUnit = new org.hotline12345.workflow.cases.CaseQuery(unit, CaseStatus.IN_PROGRESS, null, null, 0, 50);
            var redOfUnit = new org.hotline12345.workflow.cases.CaseQuery(unit, CaseStatus.IN_PROGRESS, WarningLevel.RED, null, 0, 50);
            var page = time("open cases of a unit (hotline office, 50 a page)", () -> workflow.cases(TestCity.dispatcher(), openOfUnit));
            time("a unit's red-carded open cases (hotline office)", () -> workflow.cases(TestCity.dispatcher(), redOfUnit));
            time("a unit's own open cases (the unit's user)", () -> workflow.cases(Actor.unitHandler("h7", unit), openOfUnit));
            var redOfCity = new org.hotline12345.workflow.cases.CaseQuery(null, CaseStatus.IN_PROGRESS, WarningLevel.RED, null, 0, 50);
            time("the city's red-carded open cases (hotline office)", () -> workflow.cases(TestCity.dispatcher(), redOfCity));
            System.out.printf("BENCHMARK unit-7 has %d open cases%n", page.total());
        }
    }

    private static <T> T time(String what, Supplier<T> call) {
        T result = call.get();
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            result = call.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("BENCHMARK %s: min %.1f ms, median %.1f ms, max %.1f ms over %d runs after one warm-up%n", what,
                millis.get(0), millis.get(RUNS / 2), millis.get(RUNS - 1), RUNS);
        return result;
    }

    /** Closed cases with realistic spreads of lateness, returns, reopens and ratings, seeded. */
    private static void load(HikariDataSource dataSource) throws Exception {
        Random random = new Random(12345);
        String[] satisfaction = {"SATISFIED", "SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED", "UNREACHABLE"};
        String[] warnings = {"NONE", "NONE", "NONE", "YELLOW", "RED"};
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            int chunk = 100_000;
            for (int from = 0; from < CASES; from += chunk) {
                StringBuilder cases = new StringBuilder();
                StringBuilder parts = new StringBuilder();
                StringBuilder access = new StringBuilder();
                for (int i = from; i < Math.min(CASES, from + chunk); i++) {
                    String id = UUID.randomUUID().toString();
                    String unit = "unit-" + (i % UNITS);
                    Instant dispatched = OCTOBER.plusSeconds(random.nextInt(61 * 24 * 3600));
                    Instant signForDue = dispatched.plus(Duration.ofDays(1));
                    Instant signed = dispatched.plusSeconds(random.nextInt(36 * 3600));
                    Instant due = signed.plus(Duration.ofDays(7));
                    Instant replied = signed.plusSeconds(random.nextInt(8 * 24 * 3600));
                    Instant called = replied.plus(Duration.ofDays(1));
                    boolean returned = random.nextInt(100) < 5;
                    String ended = returned && random.nextBoolean() ? "RETURNED" : "";
                    int reopens = random.nextInt(100) < 8 ? 1 : 0;
                    String rating = satisfaction[random.nextInt(satisfaction.length)];
                    String resolved = "UNREACHABLE".equals(rating) ? "" : String.valueOf(!"UNSATISFIED".equals(rating));
                    boolean open = random.nextInt(100) < 2;
                    cases.append(id).append(",RX").append(String.format("%013d", i)).append(open ? ",IN_PROGRESS," : ",CLOSED,")
                            .append("COMPLAINT,NORMAL,PHONE,Benchmark case,false,false,")
                            .append(open ? warnings[random.nextInt(warnings.length)] : "NONE").append(",0,")
                            .append(returned ? 1 : 0).append(',').append(reopens).append(',')
                            .append(ts(dispatched)).append(',').append(ts(called)).append(',').append(open ? "" : ts(called)).append(',')
                            .append(unit).append(",RESOLVED,").append(rating).append(",0\n");
                    access.append(id).append(',').append(unit).append(',').append(ts(dispatched)).append('\n');
                    parts.append(UUID.randomUUID()).append(',').append(id).append(',').append(unit).append(',').append(ts(dispatched))
                            .append(',').append(ts(signForDue)).append(',').append(ts(signed)).append(',').append(ts(due)).append(',')
                            .append(ts(replied)).append(',').append(returned).append(',').append(ended).append(',').append(reopens)
                            .append(',').append(ts(called)).append(',').append(rating).append(',').append(resolved).append('\n');
                }
                copy.copyIn("COPY hw_case (id, case_number, status, category, urgency, channel, subject, caller_anonymous, "
                        + "caller_confidential, warning_level, extended_days, returns_count, reopens_count, created_at, updated_at, "
                        + "closed_at, lead_unit, reply_result, satisfaction, row_version) FROM STDIN WITH (FORMAT csv)",
                        new StringReader(cases.toString()));
                copy.copyIn("COPY hw_unit_part (id, case_id, unit, dispatched_at, sign_for_due, signed_for_at, handling_due, "
                        + "replied_at, return_requested, ended, reopens, callback_at, satisfaction, resolved) FROM STDIN WITH (FORMAT csv)",
                        new StringReader(parts.toString()));
                copy.copyIn("COPY hw_case_unit (case_id, unit, assigned_at) FROM STDIN WITH (FORMAT csv)", new StringReader(access.toString()));
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE hw_case");
                statement.execute("ANALYZE hw_unit_part");
                statement.execute("ANALYZE hw_case_unit");
            }
        }
    }

    private static String ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDateTime().toString();
    }
}

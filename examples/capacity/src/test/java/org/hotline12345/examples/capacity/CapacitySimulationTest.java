package org.hotline12345.examples.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulation plays every script to its end on both engines and reports the same cases: a correctness check of the
 * harness on a small day. No figure is asserted; the figures belong to the benchmark run (docs/performance.md).
 */
class CapacitySimulationTest {

    @Test
    @SuppressWarnings("unchecked")
    void aSmallDayRunsThroughTheLibraryAndTheRawEngineWithoutErrors() throws Exception {
        List<CaseScript> scripts = CityDay.generate(30, 7, CapacitySimulation.DAY);
        long actions = scripts.stream().mapToLong(s -> s.actions().size()).sum();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Map<String, Object> report = CapacitySimulation.run(new CapacitySimulation.Options("h2", 30, 7, Duration.ofHours(2), List.of(1), 2,
                20, 5, false, false, List.of(CaseScript.Kind.REPLY), null), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat((String) report.get("server")).as("the report says what the database ran on").startsWith("H2 2.");
        List<Map<String, Object>> runs = (List<Map<String, Object>>) report.get("runs");
        assertThat(runs).extracting(run -> run.get("round")).containsExactly(1, 2);
        for (Map<String, Object> run : runs) {
            for (String driver : List.of("library", "raw")) {
                Map<String, Object> result = (Map<String, Object>) run.get(driver);
                assertThat(result.get("calls")).as(driver + " played every action").isEqualTo(actions);
                assertThat(result.get("errors")).as(driver).isEqualTo(0L);
                assertThat(result.get("conflictsGivenUp")).as(driver).isEqualTo(0L);
            }
            assertThat((List<?>) run.get("indicators")).isNotEmpty();
            assertThat((Long) run.get("libraryRows")).as("rows the library's calls wrote in batches").isPositive();
            assertThat((Long) run.get("rawRows")).as("rows the raw engine's calls wrote in batches").isPositive();
            if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/stat"))) {
                assertThat((Long) run.get("libraryDayMachineCpuMillis")).as("the machine's CPU time over the library's day").isPositive();
                assertThat((Long) run.get("rawDayMachineCpuMillis")).as("the machine's CPU time over the raw engine's day").isPositive();
            }
            Map<String, Object> libraryBurst = (Map<String, Object>) run.get("libraryBurst");
            Map<String, Object> rawBurst = (Map<String, Object>) run.get("rawBurst");
            // The baseline does the same work on a card: every dispatched case earns a yellow and a red card for its
            // sign-for clock, and each red card starts an escalation ladder in both engines.
            assertThat(libraryBurst.get("cards")).isEqualTo(40L);
            assertThat(rawBurst.get("cards")).isEqualTo(40L);
            assertThat(libraryBurst.get("escalations")).isEqualTo(20L);
            assertThat(rawBurst.get("escalations")).isEqualTo(20L);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("database server: H2 2.", "warm-up: 5 other cases",
                "round 2 of 2 (raw engine first)", "1 client thread(s), 2 round(s): lifecycle ratio", "statements of a REPLY call, library",
                "statements of a REPLY call, raw engine");
        String printed = out.toString(StandardCharsets.UTF_8);
        String libraryReply = printed.substring(printed.indexOf("statements of a REPLY call, library"),
                printed.indexOf("statements of a REPLY call, raw engine"));
        // On H2 the library keeps its statements prepared on H2's own connection, under the counting wrapper: they are
        // counted all the same.
        assertThat(libraryReply).as("the library's own statements are counted")
                .contains("UPDATE hw_case SET", "INSERT INTO hw_case_event");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onH2TheWritesOfEachCallAndCardAreCountedByTable() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Map<String, Object> report = CapacitySimulation.run(new CapacitySimulation.Options("h2", 20, 11, Duration.ofHours(2), List.of(1), 1,
                10, 5, false, true, List.of(CaseScript.Kind.DISPATCH), null), new PrintStream(out, true, StandardCharsets.UTF_8));

        Map<String, Object> run = ((List<Map<String, Object>>) report.get("runs")).get(0);
        Map<String, Long> libraryCalls = (Map<String, Long>) run.get("libraryWritesPerOperation");
        Map<String, Long> rawCalls = (Map<String, Long>) run.get("rawWritesPerOperation");
        assertThat(libraryCalls).as("every case is taken in and dispatched").containsKeys("INTAKE", "DISPATCH");
        assertThat(rawCalls).containsKeys("INTAKE", "DISPATCH");
        assertThat(libraryCalls.values()).allSatisfy(entries -> assertThat(entries).isPositive());
        assertThat((Long) run.get("libraryBurstWrites")).isPositive();
        assertThat((Long) run.get("rawBurstWrites")).isPositive();
        String printed = out.toString(StandardCharsets.UTF_8);
        String dispatch = printed.substring(printed.indexOf("entries of H2's maps a DISPATCH call's commits changed, by table"),
                printed.indexOf("entries of H2's maps a card's commits changed in the burst"));
        // The library records the unit a case went to; the raw engine's dispatch writes the engine's rows only.
        assertThat(dispatch).containsPattern(tableRow("HW_CASE_UNIT", true, false)).containsPattern(tableRow("ACT_RU_TASK", true, true));
        String byTable = printed.substring(printed.indexOf("entries of H2's maps a card's commits changed in the burst"));
        // A card's own rows are the library's alone; the engine's job and history rows are written in both runs.
        assertThat(byTable).containsPattern(tableRow("HW_CASE", true, false)).containsPattern(tableRow("HW_CASE_WARNING", true, false))
                .containsPattern(tableRow("ACT_RU_JOB", true, true)).containsPattern(tableRow("ACT_HI_ACTINST", true, true));
    }

    /** A line of the writes by table: its rows and index entries in the library's run, then in the raw engine's, each some or none. */
    private static String tableRow(String table, boolean library, boolean raw) {
        String some = "(?!0\\.00 )\\d+\\.\\d\\d +(?!0\\.00\\b)\\d+\\.\\d\\d";
        String none = "0\\.00 +0\\.00";
        return "\\n +" + table + " +" + (library ? some : none) + " \\| +" + (raw ? some : none);
    }

    @Test
    void countingWritesNeedsH2() {
        assertThatThrownBy(() -> CapacitySimulation.Options.parse(new String[] {"--db", "postgresql", "--writes", "true"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--writes").hasMessageContaining("--db h2");
    }

    @Test
    void theSummarysMedianIsTheMiddleRoundsRatio() {
        List<double[]> rounds = List.of(new double[] {1.10, 0.62}, new double[] {0.98, 0.91}, new double[] {1.02, 0.95});

        assertThat(CapacitySimulation.median(rounds, 0)).isEqualTo(1.02);
        assertThat(CapacitySimulation.median(rounds, 1)).as("a slow round does not pull it down").isEqualTo(0.91);
        assertThat(CapacitySimulation.median(rounds.subList(1, 3), 1)).isEqualTo(0.93, org.assertj.core.data.Offset.offset(1e-9));
    }
}

package org.hotline12345.examples.portal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline12345.examples.portal.cluster.PortalNode.Response;
import org.junit.jupiter.api.Test;

/**
 * Two portal JVMs on one PostgreSQL database, each with its own job executor: a Camunda 7 homogeneous cluster. Calls
 * go to both nodes in turn, every sign-for is raced on both nodes at once, and the warnings of all cases fall due
 * together on both nodes. Nothing acknowledged may be lost, every race must have one winner and one 409, every card
 * must be issued exactly once, and no job may be left failed.
 */
class TwoNodeClusterIT {

    private static final int CASES = 100;
    private static final List<String> UNITS = List.of("lixia", "shizhong", "huaiyin", "city-urban-management");
    private static final String START = "2026-11-26T02:00:00Z";

    private static final String INTAKE = """
            {"externalId": "cluster-%d", "channel": "PHONE", "category": "COMPLAINT", "subject": "Case %d",
             "caller": {"name": "市民%d", "phone": "13800000%03d"}}""";

    @Test
    void twoNodesLoseNothingRaceFairlyAndWarnOnce() throws Exception {
        ClusterDatabase database = ClusterDatabase.create("hw_cluster");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try (PortalNode a = PortalNode.onPostgres("node-a", database.name()).start();
                PortalNode b = PortalNode.onPostgres("node-b", database.name()).start()) {
            List<PortalNode> nodes = List.of(a, b);
            for (PortalNode node : nodes) {
                node.setClock(START);
            }
            Map<Integer, String> ids = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> callsPerNode = Map.of(a.name(), new AtomicInteger(), b.name(), new AtomicInteger());

            // Intake and dispatch, alternating nodes, four clients at a time.
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                int n = i;
                work.add(clients.submit(() -> {
                    PortalNode intakeNode = nodes.get(n % 2);
                    Response taken = intakeNode.post("operator", "/api/cases", INTAKE.formatted(n, n, n, n));
                    assertThat(taken.status()).as("intake %d on %s: %s", n, intakeNode.name(), taken.body()).isEqualTo(201);
                    callsPerNode.get(intakeNode.name()).incrementAndGet();
                    String id = taken.body().get("id").asText();
                    ids.put(n, id);
                    PortalNode dispatchNode = nodes.get((n + 1) % 2);
                    Response dispatched = dispatchNode.post("dispatcher", "/api/cases/" + id + "/dispatch",
                            "{\"leadUnit\": \"" + UNITS.get(n % UNITS.size()) + "\"}");
                    assertThat(dispatched.status()).as("dispatch %d: %s", n, dispatched.body()).isEqualTo(200);
                    callsPerNode.get(dispatchNode.name()).incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get(120, TimeUnit.SECONDS);
            }

            // Every sign-for is sent to both nodes at the same instant.
            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            for (int i = 0; i < CASES; i++) {
                String id = ids.get(i);
                String unit = UNITS.get(i % UNITS.size());
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Response>> race = new ArrayList<>();
                for (PortalNode node : nodes) {
                    race.add(clients.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return node.post(unit, "/api/cases/" + id + "/sign-for", null);
                    }));
                }
                int winners = 0;
                int losers = 0;
                for (Future<Response> future : race) {
                    Response response = future.get(60, TimeUnit.SECONDS);
                    if (response.status() == 200) {
                        winners++;
                        outcomes.computeIfAbsent("200", k -> new AtomicInteger()).incrementAndGet();
                    } else {
                        assertThat(response.status()).as("the loser of race %d: %s", i, response.body()).isEqualTo(409);
                        losers++;
                        outcomes.computeIfAbsent("409 " + response.body().get("error").asText(), k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                }
                assertThat(winners).as("winners of race %d", i).isEqualTo(1);
                assertThat(losers).as("losers of race %d", i).isEqualTo(1);
            }

            // Half the units reply in time; the other half's clocks will run out.
            for (int i = 0; i < CASES; i += 2) {
                PortalNode node = nodes.get((i / 2) % 2);
                Response replied = node.post(UNITS.get(i % UNITS.size()), "/api/cases/" + ids.get(i) + "/reply",
                        "{\"result\": \"RESOLVED\", \"text\": \"Handled.\"}");
                assertThat(replied.status()).as("reply %d: %s", i, replied.body()).isEqualTo(200);
            }

            // Both nodes move to ten seconds before the handling deadline (Thursday 3 December, 23:59:59): the yellow
            // cards are due at once, the red cards fall due while both job executors are polling.
            for (PortalNode node : nodes) {
                node.setClock("2026-12-03T15:59:49Z");
            }
            long expectedCards = (CASES / 2) * 2L;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (database.count("SELECT COUNT(*) FROM hw_case_warning") < expectedCards && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            Thread.sleep(3000);

            assertThat(database.count("SELECT COUNT(*) FROM hw_case_warning")).isEqualTo(expectedCards);
            assertThat(database.count("SELECT COUNT(*) FROM hw_case_event WHERE event_type = 'YELLOW_CARD_ISSUED'")).isEqualTo(CASES / 2);
            assertThat(database.count("SELECT COUNT(*) FROM hw_case_event WHERE event_type = 'RED_CARD_ISSUED'")).isEqualTo(CASES / 2);
            assertThat(database.count("SELECT COUNT(*) FROM (SELECT case_id FROM hw_case_event WHERE event_type IN "
                    + "('YELLOW_CARD_ISSUED', 'RED_CARD_ISSUED') GROUP BY case_id, event_type HAVING COUNT(*) > 1) twice")).isZero();
            assertThat(database.count("SELECT COUNT(*) FROM act_ru_job WHERE retries_ = 0 OR exception_msg_ IS NOT NULL"))
                    .as("failed jobs").isZero();
            assertThat(database.count("SELECT COUNT(*) FROM act_ru_incident")).isZero();

            // Every acknowledged call's effect is there, read back through both nodes.
            for (int i = 0; i < CASES; i++) {
                Response view = nodes.get(i % 2).get("supervisor", "/api/cases/" + ids.get(i));
                assertThat(view.status()).isEqualTo(200);
                assertThat(view.body().get("leadUnit").asText()).isEqualTo(UNITS.get(i % UNITS.size()));
                if (i % 2 == 0) {
                    assertThat(view.body().get("status").asText()).isEqualTo("REPLIED");
                    assertThat(view.body().get("warning").asText()).isEqualTo("NONE");
                } else {
                    assertThat(view.body().get("status").asText()).isEqualTo("IN_PROGRESS");
                    assertThat(view.body().get("warning").asText()).isEqualTo("RED");
                }
            }
            assertThat(database.count("SELECT COUNT(*) FROM hw_case")).isEqualTo(CASES);
            Response audit = b.get("auditor", "/api/audit/verify");
            assertThat(audit.body().get("ok").asBoolean()).as("audit chains written by both nodes: %s", audit.body()).isTrue();
            assertThat(database.count("SELECT COUNT(DISTINCT case_number) FROM hw_case")).isEqualTo(CASES);

            System.out.printf("CLUSTER RESULT: %d cases; calls per node %s; sign-for races %d, outcomes %s; cards %d "
                            + "(yellow %d, red %d); timer jobs per node %s; failed jobs %d; audit chains intact (%d rows)%n",
                    CASES, callsPerNode, CASES, outcomes, expectedCards, CASES / 2, CASES / 2,
                    database.strings("SELECT hostname_ || '=' || COUNT(*) FROM act_hi_job_log WHERE job_state_ = 2 "
                            + "AND job_def_type_ = 'timer-transition' GROUP BY hostname_ ORDER BY hostname_"),
                    database.count("SELECT COUNT(*) FROM act_ru_job WHERE retries_ = 0"), audit.body().get("recordsChecked").asLong());
        } finally {
            clients.shutdownNow();
        }
    }
}

package org.hotline12345.examples.portal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline12345.examples.portal.cluster.PortalNode.Response;
import org.junit.jupiter.api.Test;

/**
 * A portal node killed with SIGKILL in the middle of a stream of intakes and dispatches, then restarted on the same
 * PostgreSQL database after its clock has moved on: every acknowledged call is there in full, no failed call left
 * half a case, and the warnings that fell due while it was down are issued after the restart, once.
 */
class CrashRecoveryIT {

    private static final String START = "2026-11-26T02:00:00Z";
    private static final List<String> UNITS = List.of("lixia", "shizhong", "huaiyin", "city-urban-management");

    @Test
    void aKilledNodeLosesNoAcknowledgedCallAndLeavesNoHalfCase() throws Exception {
        ClusterDatabase database = ClusterDatabase.create("hw_crash");
        Map<String, String> acknowledgedIntakes = new ConcurrentHashMap<>();
        Map<String, String> acknowledgedDispatches = new ConcurrentHashMap<>();
        Set<String> failedCalls = ConcurrentHashMap.newKeySet();
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();

        PortalNode node = PortalNode.onPostgres("node-crash", database.name()).start();
        node.setClock(START);
        // Four clients stream intakes and dispatches, so that several calls are in flight when the node dies.
        List<Thread> streams = new java.util.ArrayList<>();
        for (int client = 0; client < 4; client++) {
            int first = client;
            streams.add(new Thread(() -> {
                for (int i = first; !stop.get(); i += 4) {
                    attempts.incrementAndGet();
                    String externalId = "crash-" + i;
                    try {
                        Response taken = node.post("operator", "/api/cases", """
                                {"externalId": "%s", "channel": "WEB", "category": "HELP", "subject": "Crash test %d",
                                 "caller": {"anonymous": true}}""".formatted(externalId, i));
                        if (taken.status() != 201) {
                            failedCalls.add("intake " + externalId + ": " + taken.status());
                            continue;
                        }
                        String id = taken.body().get("id").asText();
                        acknowledgedIntakes.put(externalId, id);
                        String unit = UNITS.get(i % UNITS.size());
                        attempts.incrementAndGet();
                        Response dispatched = node.post("dispatcher", "/api/cases/" + id + "/dispatch", "{\"leadUnit\": \"" + unit + "\"}");
                        if (dispatched.status() == 200) {
                            acknowledgedDispatches.put(id, unit);
                        } else {
                            failedCalls.add("dispatch " + id + ": " + dispatched.status());
                        }
                    } catch (Exception e) {
                        failedCalls.add(externalId + ": " + e.getClass().getSimpleName());
                    }
                }
            }));
        }
        streams.forEach(Thread::start);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledgedDispatches.size() < 60 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        node.kill();
        stop.set(true);
        for (Thread stream : streams) {
            stream.join(30_000);
        }
        assertThat(acknowledgedDispatches).as("calls acknowledged before the kill").hasSizeGreaterThanOrEqualTo(60);

        try (PortalNode restarted = PortalNode.onPostgres("node-crash", database.name()).start()) {
            // Two days passed while the node was down: every sign-for deadline of the dispatched cases ran out.
            restarted.setClock("2026-11-28T02:00:00Z");

            for (Map.Entry<String, String> intake : acknowledgedIntakes.entrySet()) {
                Response view = restarted.get("supervisor", "/api/cases/" + intake.getValue());
                assertThat(view.status()).as("acknowledged intake %s", intake.getKey()).isEqualTo(200);
                assertThat(view.body().get("externalId").asText()).isEqualTo(intake.getKey());
            }
            for (Map.Entry<String, String> dispatch : acknowledgedDispatches.entrySet()) {
                Response view = restarted.get("supervisor", "/api/cases/" + dispatch.getKey());
                assertThat(view.body().get("status").asText()).as("acknowledged dispatch of %s", dispatch.getKey()).isEqualTo("DISPATCHED");
                assertThat(view.body().get("leadUnit").asText()).isEqualTo(dispatch.getValue());
            }

            // No half cases: the case table and the engine agree on every case, acknowledged or not.
            long cases = database.count("SELECT COUNT(*) FROM hw_case");
            assertThat(database.count("SELECT COUNT(*) FROM hw_case c WHERE NOT EXISTS (SELECT 1 FROM act_ru_execution e "
                    + "WHERE e.business_key_ = c.id AND e.parent_id_ IS NULL AND e.proc_def_id_ LIKE 'hotline-case:%')"))
                    .as("case rows without their process").isZero();
            assertThat(database.count("SELECT COUNT(*) FROM act_ru_execution e WHERE e.parent_id_ IS NULL "
                    + "AND e.proc_def_id_ LIKE 'hotline-case:%' AND NOT EXISTS (SELECT 1 FROM hw_case c WHERE c.id = e.business_key_)"))
                    .as("processes without their case row").isZero();
            assertThat(database.count("SELECT COUNT(*) FROM hw_case c WHERE NOT EXISTS (SELECT 1 FROM hw_case_event v "
                    + "WHERE v.case_id = c.id AND v.event_type = 'CASE_REGISTERED')")).as("cases without their intake event").isZero();
            long dispatched = database.count("SELECT COUNT(*) FROM hw_case WHERE status = 'DISPATCHED'");
            assertThat(database.count("SELECT COUNT(*) FROM hw_case c WHERE c.status = 'DISPATCHED' AND NOT EXISTS ("
                    + "SELECT 1 FROM act_ru_task t JOIN act_ru_execution e ON e.proc_inst_id_ = t.proc_inst_id_ "
                    + "WHERE e.business_key_ = c.id AND t.task_def_key_ = 'UserTask_SignFor')"))
                    .as("dispatched cases without a sign-for task").isZero();
            assertThat(database.count("SELECT COUNT(*) FROM hw_case c WHERE c.status = 'REGISTERED' AND c.lead_unit IS NOT NULL"))
                    .as("registered cases that claim a unit").isZero();
            assertThat(dispatched).isGreaterThanOrEqualTo(acknowledgedDispatches.size());

            // The yellow and red cards that fell due while the node was down are issued after the restart, once.
            long expected = dispatched * 2;
            long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (database.count("SELECT COUNT(*) FROM hw_case_warning") < expected && System.nanoTime() < wait) {
                Thread.sleep(250);
            }
            Thread.sleep(2000);
            assertThat(database.count("SELECT COUNT(*) FROM hw_case_warning")).isEqualTo(expected);
            assertThat(database.count("SELECT COUNT(*) FROM hw_case_event WHERE event_type IN ('YELLOW_CARD_ISSUED', 'RED_CARD_ISSUED')"))
                    .isEqualTo(expected);
            assertThat(database.count("SELECT COUNT(*) FROM act_ru_job WHERE retries_ = 0 OR exception_msg_ IS NOT NULL")).isZero();
            Response audit = restarted.get("auditor", "/api/audit/verify");
            assertThat(audit.body().get("ok").asBoolean()).as("every audit chain intact: %s", audit.body()).isTrue();

            System.out.printf("CRASH RESULT: %d calls attempted; %d intakes and %d dispatches acknowledged before SIGKILL; "
                            + "%d calls cut off by the kill %s; after restart %d cases (%d dispatched), all consistent; "
                            + "%d cards issued after restart; audit chains intact (%d rows)%n",
                    attempts.get(), acknowledgedIntakes.size(), acknowledgedDispatches.size(), failedCalls.size(), failedCalls,
                    cases, dispatched, expected, audit.body().get("recordsChecked").asLong());
        }
    }
}

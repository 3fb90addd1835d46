package org.hotline12345.workflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static List<AuditRecord> chain(int length) {
        List<AuditRecord> rows = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditRecord row = new AuditRecord("case-1", i, "CASE_DISPATCHED", Instant.parse("2026-11-26T02:00:00.123456Z").plusSeconds(i),
                    "dispatcher", i % 2 == 0 ? "lixia" : null, "UserTask_Dispatch", "step " + i + "\nwith a second line", null,
                    "hotline-case", 1, null, null).sealed(previous);
            rows.add(row);
            previous = row.hash();
        }
        return rows;
    }

    private static AuditRecord withDetail(AuditRecord r, String detail) {
        return new AuditRecord(r.caseId(), r.sequence(), r.eventType(), r.occurredAt(), r.actor(), r.actorUnit(), r.taskKey(), detail,
                r.deadline(), r.processKey(), r.processVersion(), r.previousHash(), r.hash());
    }

    private static AuditRecord atSequence(AuditRecord r, long sequence) {
        return new AuditRecord(r.caseId(), sequence, r.eventType(), r.occurredAt(), r.actor(), r.actorUnit(), r.taskKey(), r.detail(),
                r.deadline(), r.processKey(), r.processVersion(), r.previousHash(), r.hash());
    }

    @Test
    void anUntouchedChainVerifies() {
        List<AuditRecord> rows = chain(4);
        assertThat(AuditChain.verify("case-1", rows, 4L, rows.get(3).hash())).isEqualTo(AuditVerification.intact("case-1", 4));
        assertThat(rows.get(0).hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void anAlteredRowIsFoundAndLocated() {
        List<AuditRecord> rows = chain(4);
        rows.set(2, withDetail(rows.get(2), "step 3, quietly changed"));

        AuditVerification result = AuditChain.verify("case-1", rows, 4L, rows.get(3).hash());

        assertThat(result.ok()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(3);
        assertThat(result.problem()).contains("altered");
    }

    @Test
    void aRemovedRowIsFoundAndLocated() {
        List<AuditRecord> rows = chain(4);
        rows.remove(1);
        assertThat(AuditChain.verify("case-1", rows, 4L, rows.get(2).hash()))
                .satisfies(result -> {
                    assertThat(result.brokenAt()).isEqualTo(2);
                    assertThat(result.problem()).contains("row 2 missing");
                });
    }

    @Test
    void swappedRowsAreFoundWhereTheyNoLongerFollow() {
        List<AuditRecord> rows = chain(4);
        AuditRecord second = rows.get(1);
        AuditRecord third = rows.get(2);
        rows.set(1, atSequence(third, 2));
        rows.set(2, atSequence(second, 3));

        AuditVerification result = AuditChain.verify("case-1", rows, 4L, rows.get(3).hash());

        assertThat(result.brokenAt()).isEqualTo(2);
        assertThat(result.problem()).contains("does not follow");
    }

    @Test
    void rowsCutFromTheEndAreFoundThroughTheHead() {
        List<AuditRecord> rows = chain(4);
        String head = rows.get(3).hash();
        rows.remove(3);

        AuditVerification result = AuditChain.verify("case-1", rows, 4L, head);

        assertThat(result.brokenAt()).isEqualTo(4);
        assertThat(result.problem()).contains("missing from the end");
    }

    @Test
    void theCanonicalFormIsUnambiguous() {
        AuditRecord a = chain(1).get(0);
        AuditRecord b = new AuditRecord(a.caseId(), a.sequence(), a.eventType(), a.occurredAt(), a.actor(), "", a.taskKey(), a.detail(),
                a.deadline(), a.processKey(), a.processVersion(), AuditChain.GENESIS, null);
        assertThat(AuditChain.canonicalForm(a)).contains("actorUnit=~\n").contains("occurredAt=24:2026-11-26T02:00:01.123Z");
        assertThat(AuditChain.hashOf(b)).isNotEqualTo(a.hash());
    }
}

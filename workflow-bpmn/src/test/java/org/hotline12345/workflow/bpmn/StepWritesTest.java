package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.WarningLevel;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.review.ReviewDecision;
import org.hotline12345.workflow.timeline.CaseEventType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A step's own records (its audit row, the unit's part, the case row) are written at the end of the step, all with the
 * engine's changes or none of them; on PostgreSQL, and on MariaDB where the URL allows several statements in a query,
 * they go to the server in one round trip.
 */
class StepWritesTest {

    private static final List<String> PREPARED = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final CityEngine CITY = CityEngine.recordingStatements(PREPARED);

    @BeforeEach
    void forget() {
        PREPARED.clear();
    }

    /** H2 runs in the JVM, where a round trip costs nothing; the other test databases take joined statements. */
    private static boolean joinsStatements() {
        return !CITY.databaseKind().equals("h2");
    }

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    @Test
    void aSignForWritesItsAuditRowItsPartAndItsCaseRowTogether() throws SQLException {
        CaseId id = TestCity.dispatchedToLixia(workflow());
        PREPARED.clear();

        workflow().signFor(leadUnit(), id);

        assertThat(workflow().caseView(operator(), id).status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(TestCity.count(workflow(), id, CaseEventType.CASE_SIGNED_FOR)).isOne();
        assertThat(signedForAt(id)).isTrue();
        List<String> auditWrites = PREPARED.stream().filter(sql -> sql.contains("INSERT INTO hw_case_event")).toList();
        assertThat(auditWrites).hasSize(1);
        if (joinsStatements()) {
            assertThat(auditWrites.get(0)).contains("UPDATE hw_case SET", "UPDATE hw_unit_part SET");
        } else {
            assertThat(auditWrites.get(0)).doesNotContain("UPDATE hw_case SET", "UPDATE hw_unit_part SET");
        }
    }

    @Test
    void anIntakeWritesTheNewCaseRowOnceWithWhatTheIntakeSetsInIt() throws SQLException {
        CaseId id = workflow().intake(operator(), TestCity.complaint()).caseView().id();

        List<String> caseWrites = PREPARED.stream().filter(sql -> sql.contains("INSERT INTO hw_case (")).toList();
        assertThat(caseWrites).hasSize(1);
        assertThat(PREPARED).noneMatch(sql -> sql.contains("UPDATE hw_case SET"));
        if (joinsStatements()) {
            assertThat(caseWrites.get(0)).contains("INSERT INTO hw_case_event");
        }
        assertThat(workflow().caseView(operator(), id).status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(TestCity.count(workflow(), id, CaseEventType.CASE_REGISTERED)).isOne();
        assertThat(CITY.engine().processEngine().getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id.value())
                .singleResult().getId()).as("the case row names its process").isEqualTo(column(id, "process_instance_id"));
        assertThat(column(id, "open_tasks")).as("the case row names its open dispatch task").startsWith("UserTask_Dispatch=");
        workflow().dispatch(TestCity.dispatcher(), id, new org.hotline12345.workflow.dispatch.DispatchOrder(TestCity.LIXIA, null));
        assertThat(workflow().caseView(operator(), id).status()).isEqualTo(CaseStatus.DISPATCHED);
    }

    @Test
    void anIntakeTakesTheDaysCaseNumberAfterItsProcessAndDuplicateSearchWithOnlyItsWritesToFollow() {
        workflow().intake(operator(), TestCity.complaint());

        // The day's sequence row stays locked until the intake commits, and every other intake of the day waits for it.
        // Where the database counts the sequence in several statements (MariaDB), the last of them.
        List<Integer> sequence = positions(sql -> sql.contains("hw_case_number_seq"));
        int number = sequence.get(sequence.size() - 1);
        assertThat(number).as("the day's number taken after the process started and the duplicates were searched")
                .isGreaterThan(positions(sql -> sql.contains("from ACT_RE_PROCDEF")).get(0))
                .isGreaterThan(positions(sql -> sql.contains("FROM hw_case WHERE category")).get(0));
        assertThat(PREPARED.subList(number + 1, PREPARED.size())).as("after it, the intake's writes only")
                .allMatch(sql -> sql.stripLeading().matches("(?is)(insert|update|delete).*"));
    }

    /** Where the statements {@code statement} matches were prepared, in order. */
    private static List<Integer> positions(java.util.function.Predicate<String> statement) {
        List<Integer> positions = java.util.stream.IntStream.range(0, PREPARED.size())
                .filter(i -> statement.test(PREPARED.get(i))).boxed().toList();
        assertThat(positions).as("statements prepared: " + PREPARED).isNotEmpty();
        return positions;
    }

    @Test
    void anApprovedReviewSendsItsCaseRowWithItsAuditRow() {
        CaseId id = TestCity.dispatchedToLixia(workflow());
        workflow().signFor(leadUnit(), id);
        workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Repaired."));
        PREPARED.clear();

        workflow().review(TestCity.dispatcher(), id, new ReviewDecision(true, null));

        // The look-up of cases merged into this one reads other rows: the reviewed case's changes need not go before it,
        // and go with the audit row at the end.
        List<String> caseWrites = PREPARED.stream().filter(sql -> sql.contains("UPDATE hw_case SET")).toList();
        assertThat(caseWrites).hasSize(1);
        if (joinsStatements()) {
            assertThat(caseWrites.get(0)).contains("INSERT INTO hw_case_event");
        }
        assertThat(workflow().caseView(operator(), id).status()).isEqualTo(CaseStatus.CALLBACK);
    }

    @Test
    void aCardsJobLooksItsCardUpAsItTakesTheCaseAndRecordsItWithItsOtherWrites() {
        CaseId id = TestCity.dispatchedToLixia(workflow());
        PREPARED.clear();

        // Dispatched on Thursday to be signed for by Friday night: on Saturday its yellow and its red card are due.
        TestCity.at("2026-11-28T10:00:00+08:00");
        Timers.fireDue(CITY.engine());

        assertThat(workflow().caseView(operator(), id).warning()).isEqualTo(WarningLevel.RED);
        assertThat(TestCity.count(workflow(), id, CaseEventType.YELLOW_CARD_ISSUED)).isOne();
        assertThat(TestCity.count(workflow(), id, CaseEventType.RED_CARD_ISSUED)).isOne();
        // Each card's job (of this case, and of other tests' cases due by now): one statement takes the case and looks
        // the card up, and one writes the card's record; nothing else reads the cards.
        List<String> cardStatements = PREPARED.stream().filter(sql -> sql.contains("hw_case_warning")).toList();
        List<String> takes = cardStatements.stream().filter(sql -> sql.contains("FOR UPDATE")).toList();
        List<String> records = cardStatements.stream().filter(sql -> !sql.contains("FOR UPDATE")).toList();
        assertThat(takes).hasSizeGreaterThanOrEqualTo(2).allSatisfy(sql -> assertThat(sql).contains("FROM hw_case WHERE id = ?"));
        assertThat(records).hasSameSizeAs(takes).noneMatch(sql -> sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6));
        if (joinsStatements()) {
            assertThat(records).allSatisfy(sql -> assertThat(sql).contains("INSERT INTO hw_case_event", "UPDATE hw_case SET"));
        }
    }

    @Test
    void aStepWhoseOwnRecordsCannotBeWrittenLeavesNothingBehind() throws SQLException {
        CaseId id = TestCity.dispatchedToLixia(workflow());
        // The database refuses this case's part a sign-for time: the last of the step's own writes fails.
        execute("ALTER TABLE hw_unit_part ADD CONSTRAINT test_no_sign_for CHECK (signed_for_at IS NULL OR case_id <> '" + id.value() + "')");
        try {
            assertThatThrownBy(() -> workflow().signFor(leadUnit(), id)).isInstanceOf(RuntimeException.class);
        } finally {
            execute("ALTER TABLE hw_unit_part DROP CONSTRAINT test_no_sign_for");
        }

        assertThat(workflow().caseView(operator(), id).status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(TestCity.count(workflow(), id, CaseEventType.CASE_SIGNED_FOR)).isZero();
        assertThat(signedForAt(id)).isFalse();
        assertThat(CITY.engine().processEngine().getTaskService().createTaskQuery().processInstanceBusinessKey(id.value())
                .taskDefinitionKey(StandardTask.SIGN_FOR.taskKey()).count()).as("the sign-for task is still open").isOne();

        workflow().signFor(leadUnit(), id);
        assertThat(workflow().caseView(operator(), id).status()).isEqualTo(CaseStatus.IN_PROGRESS);
    }

    private static boolean signedForAt(CaseId id) throws SQLException {
        try (Connection connection = CITY.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT signed_for_at FROM hw_unit_part WHERE case_id = ?")) {
            statement.setString(1, id.value());
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as("the unit's part").isTrue();
                return rs.getTimestamp(1) != null;
            }
        }
    }

    private static String column(CaseId id, String column) throws SQLException {
        try (Connection connection = CITY.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT " + column + " FROM hw_case WHERE id = ?")) {
            statement.setString(1, id.value());
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as("the case row").isTrue();
                return rs.getString(1);
            }
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = CITY.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

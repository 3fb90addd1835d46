package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.review.CallbackResult;
import org.hotline12345.workflow.review.ReviewDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The case row names the case's open standard tasks (hw_case.open_tasks), and a step finds its task by that id. A row
 * that names none (a case from before the column) or a task that is gone still takes its steps: the engine is asked.
 */
class OpenTasksTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }


    /** The engine's one open task of the case with that key. */
    private static String engineTask(CaseId id, String taskKey) {
        return CITY.engine().processEngine().getTaskService().createTaskQuery().processInstanceBusinessKey(id.value())
                .taskDefinitionKey(taskKey).singleResult().getId();
    }

    private static Connection connection() throws SQLException {
        return CITY.engine().processEngine().getProcessEngineConfiguration().getDataSource().getConnection();
    }

    private static String openTasks(CaseId id) throws SQLException {
        try (Connection connection = connection();
                PreparedStatement statement = connection.prepareStatement("SELECT open_tasks FROM hw_case WHERE id = ?")) {
            statement.setString(1, id.value());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void setOpenTasks(CaseId id, String value) throws SQLException {
        try (Connection connection = connection();
                PreparedStatement statement = connection.prepareStatement("UPDATE hw_case SET open_tasks = ? WHERE id = ?")) {
            statement.setString(1, value);
            statement.setString(2, id.value());
            statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    @Test
    void theRowNamesEachOpenStepUntilTheCaseCloses() throws SQLException {
        CaseId id = TestCity.dispatchedToLixia(workflow());
        assertThat(openTasks(id)).isEqualTo("UserTask_SignFor=" + engineTask(id, "UserTask_SignFor"));

        workflow().signFor(leadUnit(), id);
        assertThat(openTasks(id)).isEqualTo("UserTask_Handle=" + engineTask(id, "UserTask_Handle"));

        workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Fixed."));
        workflow().review(dispatcher(), id, new ReviewDecision(true, null));
        assertThat(openTasks(id)).isEqualTo("UserTask_Callback=" + engineTask(id, "UserTask_Callback"));

        assertThat(workflow().callback(operator(), id, new CallbackResult(Satisfaction.SATISFIED, true, null)).status())
                .isEqualTo(CaseStatus.CLOSED);
        assertThat(openTasks(id)).isEmpty();
    }

    @Test
    void aRowThatNamesNoTaskOrAGoneOneStillTakesItsSteps() throws SQLException {
        CaseId fromBefore = TestCity.dispatchedToLixia(workflow());
        setOpenTasks(fromBefore, null);
        assertThat(workflow().signFor(leadUnit(), fromBefore).status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(openTasks(fromBefore)).isEqualTo("UserTask_Handle=" + engineTask(fromBefore, "UserTask_Handle"));

        CaseId stale = TestCity.dispatchedToLixia(workflow());
        setOpenTasks(stale, "UserTask_SignFor=a-task-that-is-gone");
        assertThat(workflow().signFor(leadUnit(), stale).status()).isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void aStepDoneInTheEngineOutsideTheApiIsNoLongerNamed() throws SQLException {
        CaseId id = TestCity.dispatchedToLixia(workflow());
        CITY.engine().processEngine().getTaskService().complete(engineTask(id, "UserTask_SignFor"), Map.of("unitAction", "SIGN_FOR"));

        assertThat(openTasks(id)).isEqualTo("UserTask_Handle=" + engineTask(id, "UserTask_Handle"));
        assertThat(workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Fixed.")).status()).isEqualTo(CaseStatus.REPLIED);
    }
}

package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.QUANCHENG_STREET;
import static org.hotline12345.workflow.bpmn.TestCity.SHIZHONG;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.count;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;
import static org.hotline12345.workflow.bpmn.TestCity.otherUnit;
import static org.hotline12345.workflow.bpmn.TestCity.request;

import java.util.Map;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.IllegalCaseStateException;
import org.hotline12345.workflow.InvalidCaseException;
import org.hotline12345.workflow.InvalidCaseException.FieldError;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.dispatch.TransferRequest;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.intake.IntakeRequest;
import org.hotline12345.workflow.review.ReviewDecision;
import org.hotline12345.workflow.tasks.TaskView;
import org.hotline12345.workflow.timeline.CaseEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Transfer down (下派) on unit-handling.bpmn: a district passes a case to its street office, the deadline stands. */
class TransferTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static final Actor STREET = Actor.unitHandler("quancheng", QUANCHENG_STREET);
    private static final TransferRequest TO_THE_STREET = new TransferRequest(QUANCHENG_STREET, "The site is in Quancheng street.");

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    private static CaseId signedForByLixia(IntakeRequest request) {
        CaseId id = workflow().intake(operator(), request).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        workflow().signFor(leadUnit(), id);
        return id;
    }

    private static TaskView approvalOf(CaseId id) {
        return workflow().openTasks(dispatcher()).stream()
                .filter(task -> task.caseId().equals(id) && task.taskKey().equals(StandardTask.APPROVE_TRANSFER_TASK))
                .findFirst().orElseThrow();
    }

    private static boolean hasHandlingTask(Actor actor, CaseId id) {
        return workflow().openTasks(actor).stream()
                .anyMatch(task -> task.caseId().equals(id) && task.taskKey().equals(StandardTask.HANDLE.taskKey()));
    }

    @Test
    void aDistrictPassesTheCaseToItsStreetOnceTheHotlineOfficeApproves() {
        CaseId id = signedForByLixia(complaint());
        CaseView before = workflow().caseView(dispatcher(), id);

        CaseView requested = workflow().requestTransfer(leadUnit(), id, TO_THE_STREET);
        assertThat(requested.leadUnit()).as("the complaint's policy wants approval first").isEqualTo(LIXIA);
        assertThat(approvalOf(id).step()).as("completed through the generic task API").isNull();
        assertThatThrownBy(() -> workflow().requestTransfer(leadUnit(), id, TO_THE_STREET))
                .isInstanceOf(IllegalCaseStateException.class).hasMessageContaining("already has a transfer waiting");

        CaseView transferred = workflow().completeTask(dispatcher(), approvalOf(id).id(),
                Map.of("transferApproved", true, "transferNote", "Agreed."));

        assertThat(transferred.leadUnit()).isEqualTo(QUANCHENG_STREET);
        assertThat(transferred.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(transferred.deadlines().handling()).as("the deadline does not reset").isEqualTo(before.deadlines().handling());
        assertThat(hasHandlingTask(STREET, id)).isTrue();
        assertThat(hasHandlingTask(leadUnit(), id)).isFalse();
        assertThat(workflow().caseView(leadUnit(), id).leadUnit()).as("the district still sees the case").isEqualTo(QUANCHENG_STREET);
        assertThat(count(workflow(), id, CaseEventType.TRANSFER_REQUESTED)).isOne();
        assertThat(workflow().timeline(operator(), id)).filteredOn(entry -> entry.type() == CaseEventType.CASE_TRANSFERRED)
                .singleElement().satisfies(entry -> {
                    assertThat(entry.actor()).isEqualTo("dispatcher");
                    assertThat(entry.unit()).isEqualTo(QUANCHENG_STREET);
                    assertThat(entry.detail()).contains("Agreed.");
                });
        assertThat(workflow().reply(STREET, id, new Reply(ReplyResult.RESOLVED, "Stall removed.")).status())
                .isEqualTo(CaseStatus.REPLIED);
    }

    @Test
    void aReplySentBackAfterATransferGoesBackToTheStreetUnderTheSameDeadline() {
        CaseId id = signedForByLixia(complaint());
        workflow().requestTransfer(leadUnit(), id, TO_THE_STREET);
        CaseView transferred = workflow().completeTask(dispatcher(), approvalOf(id).id(), Map.of("transferApproved", true));
        workflow().reply(STREET, id, new Reply(ReplyResult.RESOLVED, "Stall removed."));

        CaseView sentBack = workflow().review(dispatcher(), id, new ReviewDecision(false, "Add a photo of the site."));

        assertThat(sentBack.leadUnit()).isEqualTo(QUANCHENG_STREET);
        assertThat(hasHandlingTask(STREET, id)).as("the unit the case was passed to handles it again").isTrue();
        assertThat(hasHandlingTask(leadUnit(), id)).isFalse();
        assertThat(workflow().openTasks(STREET).stream().filter(task -> task.caseId().equals(id)).findFirst().orElseThrow().due())
                .isEqualTo(transferred.deadlines().handling());
    }

    @Test
    void theHotlineOfficeRefusesATransferAndTheDistrictKeepsTheCase() {
        CaseId id = signedForByLixia(complaint());
        workflow().requestTransfer(leadUnit(), id, TO_THE_STREET);

        CaseView refused = workflow().completeTask(dispatcher(), approvalOf(id).id(),
                Map.of("transferApproved", false, "transferNote", "District matter."));

        assertThat(refused.leadUnit()).isEqualTo(LIXIA);
        assertThat(hasHandlingTask(leadUnit(), id)).isTrue();
        assertThat(hasHandlingTask(STREET, id)).isFalse();
        assertThat(count(workflow(), id, CaseEventType.TRANSFER_REFUSED)).isOne();
        assertThat(count(workflow(), id, CaseEventType.CASE_TRANSFERRED)).isZero();
    }

    @Test
    void anUrgentCasePassesDownAtOnce() {
        CaseId id = signedForByLixia(request(Category.HELP, Urgency.URGENT));

        CaseView transferred = workflow().requestTransfer(leadUnit(), id, TO_THE_STREET);

        assertThat(transferred.leadUnit()).isEqualTo(QUANCHENG_STREET);
        assertThat(hasHandlingTask(STREET, id)).isTrue();
        assertThat(workflow().timeline(operator(), id)).filteredOn(entry -> entry.type() == CaseEventType.CASE_TRANSFERRED)
                .singleElement().satisfies(entry -> assertThat(entry.actor()).isEqualTo("lixia"));
    }

    @Test
    void aCasePassesDownOnlyToASubordinateUnitWithAReason() {
        CaseId id = signedForByLixia(complaint());

        assertThatThrownBy(() -> workflow().requestTransfer(leadUnit(), id, new TransferRequest(SHIZHONG, "Neighbours.")))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields()).singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("toUnit")));
        assertThatThrownBy(() -> workflow().requestTransfer(leadUnit(), id, new TransferRequest(UnitId.of("jinan"), "Up.")))
                .as("up the hierarchy is not down").isInstanceOf(InvalidCaseException.class);
        assertThatThrownBy(() -> workflow().requestTransfer(leadUnit(), id, new TransferRequest(QUANCHENG_STREET, " ")))
                .isInstanceOfSatisfying(InvalidCaseException.class,
                        e -> assertThat(e.fields()).extracting(FieldError::field).containsExactly("reason"));
        assertThat(count(workflow(), id, CaseEventType.TRANSFER_REQUESTED)).as("nothing written").isZero();
    }

    @Test
    void theApprovalNeedsAYesOrNo() {
        CaseId id = signedForByLixia(complaint());
        workflow().requestTransfer(leadUnit(), id, TO_THE_STREET);
        String taskId = approvalOf(id).id();

        assertThatThrownBy(() -> workflow().completeTask(dispatcher(), taskId, Map.of("transferNote", "Hm.")))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields()).extracting(FieldError::field)
                        .containsExactly("variables.transferApproved"));
        assertThatThrownBy(() -> workflow().completeTask(leadUnit(), taskId, Map.of("transferApproved", true)))
                .as("the hotline office approves, not the unit").isInstanceOf(NotAuthorizedException.class);
        assertThat(approvalOf(id).id()).as("still open").isEqualTo(taskId);
    }

    @Test
    void onlyTheLeadUnitPassesDownAndOnlyAfterSigningFor() {
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));

        assertThatThrownBy(() -> workflow().requestTransfer(leadUnit(), id, TO_THE_STREET))
                .isInstanceOf(IllegalCaseStateException.class);
        workflow().signFor(leadUnit(), id);
        assertThatThrownBy(() -> workflow().requestTransfer(otherUnit(), id, TO_THE_STREET))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> workflow().requestTransfer(STREET, id, TO_THE_STREET))
                .isInstanceOf(NotAuthorizedException.class);
    }
}

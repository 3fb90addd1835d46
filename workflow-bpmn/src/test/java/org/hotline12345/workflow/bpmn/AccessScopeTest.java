package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.workflow.bpmn.TestCity.HUAIYIN;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.QUANCHENG_STREET;
import static org.hotline12345.workflow.bpmn.TestCity.SHIZHONG;
import static org.hotline12345.workflow.bpmn.TestCity.auditor;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;
import static org.hotline12345.workflow.bpmn.TestCity.otherUnit;
import static org.hotline12345.workflow.bpmn.TestCity.request;

import java.util.List;
import java.util.Map;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseQuery;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.dispatch.Arbitration;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.dispatch.ReturnDecision;
import org.hotline12345.workflow.dispatch.ReturnReason;
import org.hotline12345.workflow.dispatch.ReturnRequest;
import org.hotline12345.workflow.dispatch.TransferRequest;
import org.hotline12345.workflow.extension.ExtensionRequest;
import org.hotline12345.workflow.merge.MergeOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Unit-scoped access across the API: a unit's users see and act on the cases that are or were assigned to their unit
 * (lead, assisting, passed down), the hotline office sees all, the auditor reads all and changes nothing, and a list
 * never shows a case its reader may not see.
 */
class AccessScopeTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static final Actor HUAIYIN_HANDLER = Actor.unitHandler("huaiyin", HUAIYIN);
    private static final Actor STREET = Actor.unitHandler("quancheng", QUANCHENG_STREET);

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    /** The case as {@code actor} finds it by its number in a list: empty when it may not see it. */
    private static List<CaseView> listed(Actor actor, CaseId id) {
        String number = workflow().caseView(operator(), id).number().value();
        return workflow().cases(actor, new CaseQuery(null, null, null, number, 0, 20)).items();
    }

    /** Dispatched to Lixia, returned, and now with Shizhong. */
    private static CaseId movedFromLixiaToShizhong() {
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        workflow().requestReturn(leadUnit(), id, new ReturnRequest(ReturnReason.OUTSIDE_AREA, "Shizhong's street."));
        workflow().decideReturn(dispatcher(), id, new ReturnDecision(true, null, SHIZHONG));
        return id;
    }

    @Test
    void aCaseBackWithAUnitItHadBeforeIsListedForItOnce() {
        CaseId id = movedFromLixiaToShizhong();
        workflow().requestReturn(otherUnit(), id, new ReturnRequest(ReturnReason.OUTSIDE_AREA, "Lixia's street after all."));
        workflow().arbitrate(dispatcher(), id, new Arbitration(LIXIA, "Surveyed: the site is in Lixia."));

        assertThat(workflow().caseView(operator(), id).leadUnit()).isEqualTo(LIXIA);
        assertThat(listed(leadUnit(), id)).hasSize(1);
        assertThat(listed(otherUnit(), id)).as("Shizhong had it").hasSize(1);
    }

    @Test
    void aUnitSeesTheCasesItHasOrHadAndNoOther() {
        CaseId id = movedFromLixiaToShizhong();

        assertThat(workflow().caseView(otherUnit(), id).leadUnit()).isEqualTo(SHIZHONG);
        assertThat(workflow().caseView(leadUnit(), id).leadUnit()).as("Lixia had it").isEqualTo(SHIZHONG);
        assertThat(listed(leadUnit(), id)).hasSize(1);
        assertThat(workflow().timeline(leadUnit(), id)).isNotEmpty();

        assertThatThrownBy(() -> workflow().caseView(HUAIYIN_HANDLER, id)).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> workflow().timeline(HUAIYIN_HANDLER, id)).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> workflow().fullTimeline(HUAIYIN_HANDLER, id)).isInstanceOf(NotAuthorizedException.class);
        assertThat(listed(HUAIYIN_HANDLER, id)).as("a list does not leak the case").isEmpty();
        assertThatThrownBy(() -> workflow().cases(HUAIYIN_HANDLER, CaseQuery.all().withUnit(SHIZHONG)))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void aUnitActsOnlyWhileItLeadsTheCase() {
        CaseId id = movedFromLixiaToShizhong();

        assertThatThrownBy(() -> workflow().signFor(leadUnit(), id)).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> workflow().requestReturn(leadUnit(), id, new ReturnRequest(ReturnReason.OTHER, "x")))
                .isInstanceOf(NotAuthorizedException.class);
        workflow().signFor(otherUnit(), id);
        assertThatThrownBy(() -> workflow().requestExtension(leadUnit(), id, new ExtensionRequest(2, "x")))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> workflow().requestTransfer(leadUnit(), id, new TransferRequest(QUANCHENG_STREET, "x")))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void assistingUnitsAndUnitsACaseWasPassedDownToSeeIt() {
        CaseId id = workflow().intake(operator(), request(Category.HELP, Urgency.URGENT)).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, List.of(HUAIYIN), null));
        workflow().signFor(leadUnit(), id);
        workflow().requestTransfer(leadUnit(), id, new TransferRequest(QUANCHENG_STREET, "The street's matter."));

        assertThat(workflow().caseView(HUAIYIN_HANDLER, id).assistingUnits()).containsExactly(HUAIYIN);
        assertThat(listed(HUAIYIN_HANDLER, id)).hasSize(1);
        assertThat(workflow().caseView(STREET, id).leadUnit()).isEqualTo(QUANCHENG_STREET);
        assertThat(workflow().caseView(leadUnit(), id).leadUnit()).as("the district passed it down").isEqualTo(QUANCHENG_STREET);
        assertThatThrownBy(() -> workflow().caseView(otherUnit(), id)).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void theAuditorReadsEveryCaseAndChangesNothing() {
        CaseId id = movedFromLixiaToShizhong();
        CaseId registered = workflow().intake(operator(), complaint()).caseView().id();

        assertThat(workflow().caseView(auditor(), id).leadUnit()).isEqualTo(SHIZHONG);
        assertThat(listed(auditor(), id)).hasSize(1);
        assertThat(workflow().fullTimeline(auditor(), id)).isNotEmpty();
        assertThat(workflow().duplicates(auditor(), registered)).isNotNull();

        assertThatThrownBy(() -> workflow().intake(auditor(), complaint())).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> workflow().dispatch(auditor(), registered, new DispatchOrder(LIXIA, null)))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> workflow().merge(auditor(), registered, new MergeOrder(id, null)))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> workflow().signFor(auditor(), id)).isInstanceOf(NotAuthorizedException.class);
        String dispatchTask = workflow().openTasks(dispatcher()).stream().filter(task -> task.caseId().equals(registered))
                .findFirst().orElseThrow().id();
        assertThatThrownBy(() -> workflow().completeTask(auditor(), dispatchTask, Map.of()))
                .isInstanceOf(NotAuthorizedException.class);
        assertThat(workflow().openTasks(auditor())).as("the auditor has no worklist").isEmpty();
    }

    @Test
    void theHotlineOfficeSeesEveryCase() {
        CaseId id = movedFromLixiaToShizhong();

        assertThat(listed(dispatcher(), id)).hasSize(1);
        assertThat(workflow().caseView(operator(), id).leadUnit()).isEqualTo(SHIZHONG);
    }
}

package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.SHIZHONG;
import static org.hotline12345.workflow.bpmn.TestCity.URBAN_MANAGEMENT;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.count;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.operator;
import static org.hotline12345.workflow.bpmn.TestCity.otherUnit;
import static org.hotline12345.workflow.bpmn.TestCity.request;

import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.access.Step;
import org.hotline12345.workflow.cases.Caller;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Channel;
import org.hotline12345.workflow.cases.Location;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.intake.IntakeRequest;
import org.hotline12345.workflow.timeline.CaseEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shipped routing table: the unit a new case is suggested to, and emergencies dispatched without a dispatcher. */
class RoutingTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    private static IntakeRequest inArea(Urgency urgency, String areaCode) {
        return new IntakeRequest(null, Channel.PHONE, Category.HELP, urgency, "Gas smell in the stairwell", null,
                Caller.anonymousCaller(), Location.of("某路1号", areaCode));
    }

    @Test
    void aNormalCaseIsSuggestedToItsAreaAndWaitsForTheDispatcher() {
        CaseView registered = workflow().intake(operator(), complaint()).caseView();

        assertThat(registered.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(registered.routingSuggestion()).isEqualTo(LIXIA);
        assertThat(registered.leadUnit()).isNull();
        assertThat(workflow().timeline(operator(), registered.id()).get(0).detail()).contains("routing table suggests");
        assertThat(workflow().openTasks(dispatcher())).filteredOn(task -> task.caseId().equals(registered.id()))
                .singleElement().satisfies(task -> {
                    assertThat(task.step()).isEqualTo(Step.DISPATCH);
                    assertThat(task.routingSuggestion()).isEqualTo(LIXIA);
                });

        workflow().dispatch(dispatcher(), registered.id(), new DispatchOrder(SHIZHONG, "the site is across the border"));
        CaseView dispatched = workflow().caseView(operator(), registered.id());
        assertThat(dispatched.leadUnit()).isEqualTo(SHIZHONG);
        assertThat(dispatched.routingSuggestion()).isEqualTo(LIXIA);
    }

    @Test
    void anEmergencyInAKnownAreaIsDispatchedAtOnce() {
        CaseView registered = workflow().intake(operator(), inArea(Urgency.EMERGENCY, "370103")).caseView();

        assertThat(registered.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(registered.leadUnit()).isEqualTo(SHIZHONG);
        assertThat(count(workflow(), registered.id(), CaseEventType.CASE_DISPATCHED)).isEqualTo(1);
        assertThat(registered.deadlines().signFor()).isNotNull();
        assertThat(workflow().openTasks(otherUnit())).anySatisfy(task -> assertThat(task.caseId()).isEqualTo(registered.id()));
    }

    @Test
    void theSameCaseWithoutEmergencyIsOnlySuggested() {
        CaseView registered = workflow().intake(operator(), inArea(Urgency.NORMAL, "370103")).caseView();

        assertThat(registered.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(registered.routingSuggestion()).isEqualTo(SHIZHONG);
        assertThat(count(workflow(), registered.id(), CaseEventType.CASE_DISPATCHED)).isZero();
    }

    @Test
    void reportsOutsideTheDistrictsGoToUrbanManagement() {
        CaseView registered = workflow().intake(operator(), request(Category.REPORT, Urgency.NORMAL)).caseView();

        assertThat(registered.routingSuggestion()).isEqualTo(URBAN_MANAGEMENT);
        assertThat(registered.status()).isEqualTo(CaseStatus.REGISTERED);
    }

    @Test
    void aConsultationWithoutAreaGetsNoSuggestion() {
        CaseView registered = workflow().intake(operator(), request(Category.CONSULTATION, Urgency.NORMAL)).caseView();

        assertThat(registered.routingSuggestion()).isNull();
        assertThat(workflow().timeline(operator(), registered.id()).get(0).detail()).contains("suggests no unit");
    }

    @Test
    void aReportInLixiaIsSuggestedWithUrbanManagementAssisting() {
        IntakeRequest report = new IntakeRequest(null, Channel.PHONE, Category.REPORT, Urgency.NORMAL, "Illegal street stall",
                null, Caller.anonymousCaller(), Location.of("历下区泉城路1号", "370102"));

        CaseView registered = workflow().intake(operator(), report).caseView();

        assertThat(registered.routingSuggestion()).isEqualTo(LIXIA);
        assertThat(registered.suggestedAssistingUnits()).containsExactly(URBAN_MANAGEMENT);
        assertThat(registered.assistingUnits()).as("a suggestion only, until dispatch").isEmpty();
        assertThat(workflow().timeline(operator(), registered.id()).get(0).detail()).contains("assisted by city-urban-management");
    }

    @Test
    void anEmergencyReportInLixiaIsDispatchedAtOnceWithItsAssistingUnit() {
        IntakeRequest report = new IntakeRequest(null, Channel.PHONE, Category.REPORT, Urgency.EMERGENCY, "Collapsing wall",
                null, Caller.anonymousCaller(), Location.of("历下区泉城路1号", "370102"));

        CaseView registered = workflow().intake(operator(), report).caseView();

        assertThat(registered.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(registered.leadUnit()).isEqualTo(LIXIA);
        assertThat(registered.assistingUnits()).containsExactly(URBAN_MANAGEMENT);
        assertThat(count(workflow(), registered.id(), CaseEventType.ASSISTANCE_REQUESTED)).isOne();
    }
}

package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.count;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;

import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.IllegalCaseStateException;
import org.hotline12345.workflow.InvalidCaseException;
import org.hotline12345.workflow.InvalidCaseException.FieldError;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.cases.Caller;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Channel;
import org.hotline12345.workflow.cases.Location;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.dispatch.ReturnDecision;
import org.hotline12345.workflow.dispatch.ReturnReason;
import org.hotline12345.workflow.dispatch.ReturnRequest;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.intake.DirectAnswer;
import org.hotline12345.workflow.intake.IntakeReceipt;
import org.hotline12345.workflow.intake.IntakeRequest;
import org.hotline12345.workflow.merge.DuplicateProposal;
import org.hotline12345.workflow.merge.MergeOrder;
import org.hotline12345.workflow.review.CallbackResult;
import org.hotline12345.workflow.review.ReviewDecision;
import org.hotline12345.workflow.timeline.CaseEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Merging duplicates (并单) on hotline-case.bpmn: proposals at intake, a merged case following its master, unmerging. */
class MergeTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    /** The same night-time pile driving as {@link TestCity#complaint()}, told by another neighbour in other words. */
    private static IntakeRequest sameNoise(String areaCode) {
        return new IntakeRequest(null, Channel.WECHAT, Category.COMPLAINT, Urgency.NORMAL, "Construction noise after 22:00 again",
                "Pile driving at night at the site on Jingshi Road keeps residents awake.",
                new Caller("李四", "13900001111", false, false), Location.of("历下区经十路102号", areaCode));
    }

    private static CaseId dispatchedMaster() {
        CaseId master = workflow().intake(operator(), complaint()).caseView().id();
        workflow().dispatch(dispatcher(), master, new DispatchOrder(LIXIA, null));
        return master;
    }

    private static CaseId mergedInto(CaseId master) {
        CaseId child = workflow().intake(operator(), sameNoise("370102")).caseView().id();
        workflow().merge(dispatcher(), child, new MergeOrder(master, "Same site."));
        return child;
    }

    private static void replyAndApprove(CaseId master) {
        workflow().signFor(leadUnit(), master);
        workflow().reply(leadUnit(), master, new Reply(ReplyResult.RESOLVED, "Night work stopped by order."));
        workflow().review(dispatcher(), master, new ReviewDecision(true, null));
    }

    @Test
    void intakeProposesOpenCasesOfTheSameMatterInTheSameArea() {
        CaseId master = dispatchedMaster();
        CaseId otherMatter = workflow().intake(operator(), new IntakeRequest(null, Channel.PHONE, Category.COMPLAINT,
                Urgency.NORMAL, "Street light out", "The light at the corner has been dark for a week.", Caller.anonymousCaller(),
                Location.of("历下区经十路1号", "370102"))).caseView().id();

        IntakeReceipt receipt = workflow().intake(operator(), sameNoise("370102"));

        assertThat(receipt.possibleDuplicates()).extracting(DuplicateProposal::id).contains(master).doesNotContain(otherMatter);
        DuplicateProposal proposal = receipt.possibleDuplicates().stream().filter(p -> p.id().equals(master)).findFirst().orElseThrow();
        assertThat(proposal.similarity()).isBetween(0.5, 1.0);
        assertThat(proposal.leadUnit()).isEqualTo(LIXIA);
        assertThat(workflow().duplicates(dispatcher(), receipt.caseView().id())).contains(proposal);
        assertThat(workflow().intake(operator(), sameNoise("370103")).possibleDuplicates())
                .as("another area is another matter").extracting(DuplicateProposal::id).doesNotContain(master);
        assertThatThrownBy(() -> workflow().duplicates(leadUnit(), receipt.caseView().id()))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void aMergedCaseFollowsItsMasterGetsItsReplyAndHasItsOwnCallback() {
        CaseId master = dispatchedMaster();
        CaseId child = mergedInto(master);

        CaseView merged = workflow().caseView(dispatcher(), child);
        assertThat(merged.status()).isEqualTo(CaseStatus.MERGED);
        assertThat(merged.masterId()).isEqualTo(master);
        assertThat(count(workflow(), master, CaseEventType.CASE_MERGED)).as("on the master's record too").isOne();

        replyAndApprove(master);

        CaseView called = workflow().caseView(dispatcher(), child);
        assertThat(called.status()).isEqualTo(CaseStatus.CALLBACK);
        assertThat(called.replyResult()).isEqualTo(ReplyResult.RESOLVED);
        assertThat(called.deadlines().callback()).isNotNull();
        assertThat(workflow().timeline(operator(), child)).filteredOn(e -> e.type() == CaseEventType.MASTER_REPLY_RECEIVED)
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("Night work stopped by order."));

        CaseView closed = workflow().callback(operator(), child, new CallbackResult(Satisfaction.SATISFIED, true, null));
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.masterId()).as("indicators count the master once").isEqualTo(master);
        assertThat(workflow().caseView(dispatcher(), master).status()).as("each caller is called back").isEqualTo(CaseStatus.CALLBACK);
    }

    @Test
    void anUnsatisfiedCitizenOfAMergedCaseGetsACaseOfItsOwn() {
        CaseId master = dispatchedMaster();
        CaseId child = mergedInto(master);
        replyAndApprove(master);

        CaseView own = workflow().callback(operator(), child, new CallbackResult(Satisfaction.UNSATISFIED, false, "Still noisy."));

        assertThat(own.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(own.masterId()).isNull();
        assertThat(count(workflow(), child, CaseEventType.CASE_UNMERGED)).isOne();
        assertThat(workflow().dispatch(dispatcher(), child, new DispatchOrder(LIXIA, null)).status()).isEqualTo(CaseStatus.DISPATCHED);
    }

    @Test
    void aMergeCanBeUndoneUntilTheMasterReplies() {
        CaseId master = dispatchedMaster();
        CaseId child = mergedInto(master);

        CaseView own = workflow().unmerge(dispatcher(), child, "Another site after all.");
        assertThat(own.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(own.masterId()).isNull();
        assertThat(count(workflow(), master, CaseEventType.CASE_UNMERGED)).isOne();

        workflow().merge(dispatcher(), child, new MergeOrder(master, null));
        workflow().signFor(leadUnit(), master);
        workflow().reply(leadUnit(), master, new Reply(ReplyResult.RESOLVED, "Stopped."));
        assertThatThrownBy(() -> workflow().unmerge(dispatcher(), child, null))
                .isInstanceOf(IllegalCaseStateException.class).hasMessageContaining("has replied");
        assertThat(workflow().caseView(dispatcher(), child).status()).isEqualTo(CaseStatus.MERGED);
    }

    @Test
    void aMergeNeedsARegisteredCaseAndAMasterWithAUnitThatHasNotReplied() {
        CaseId registeredMaster = workflow().intake(operator(), complaint()).caseView().id();
        CaseId child = workflow().intake(operator(), sameNoise("370102")).caseView().id();

        assertThatThrownBy(() -> workflow().merge(dispatcher(), child, new MergeOrder(registeredMaster, null)))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields()).extracting(FieldError::field)
                        .containsExactly("masterId"));
        assertThatThrownBy(() -> workflow().merge(dispatcher(), child, new MergeOrder(child, null)))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields()).extracting(FieldError::reason)
                        .containsExactly("is the case itself"));
        assertThatThrownBy(() -> workflow().merge(dispatcher(), child, new MergeOrder(CaseId.of("nowhere"), null)))
                .isInstanceOf(InvalidCaseException.class);
        CaseId master = dispatchedMaster();
        assertThatThrownBy(() -> workflow().merge(leadUnit(), child, new MergeOrder(master, null)))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> workflow().merge(dispatcher(), master, new MergeOrder(child, null)))
                .as("a dispatched case is past merging").isInstanceOf(IllegalCaseStateException.class);
        assertThat(workflow().caseView(dispatcher(), child).status()).isEqualTo(CaseStatus.REGISTERED);
    }

    @Test
    void aMasterWithWaitingDuplicatesIsNotClosedWithoutThem() {
        CaseId master = dispatchedMaster();
        mergedInto(master);
        workflow().requestReturn(leadUnit(), master, new ReturnRequest(ReturnReason.NOT_IN_REMIT, "Not ours."));
        workflow().decideReturn(dispatcher(), master, new ReturnDecision(true, null, null));

        assertThatThrownBy(() -> workflow().answerDirectly(dispatcher(), master, new DirectAnswer("Explained on the call.")))
                .isInstanceOf(IllegalCaseStateException.class).hasMessageContaining("are merged into it");
    }
}

package org.hotline12345.workflow;

import java.util.List;
import java.util.Map;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseQuery;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.cases.Page;
import org.hotline12345.workflow.dispatch.Arbitration;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.dispatch.UnitReturns;
import org.hotline12345.workflow.dispatch.ReturnDecision;
import org.hotline12345.workflow.dispatch.ReturnRequest;
import org.hotline12345.workflow.dispatch.TransferRequest;
import org.hotline12345.workflow.extension.ExtensionDecision;
import org.hotline12345.workflow.extension.ExtensionRequest;
import org.hotline12345.workflow.handling.AssistAnswer;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.suspension.SuspensionDecision;
import org.hotline12345.workflow.suspension.SuspensionRequest;
import org.hotline12345.workflow.intake.DirectAnswer;
import org.hotline12345.workflow.intake.IntakeReceipt;
import org.hotline12345.workflow.intake.IntakeRequest;
import org.hotline12345.workflow.merge.DuplicateProposal;
import org.hotline12345.workflow.merge.MergeOrder;
import org.hotline12345.workflow.review.CallbackResult;
import org.hotline12345.workflow.review.ReopenLimitDecision;
import org.hotline12345.workflow.review.ReviewDecision;
import org.hotline12345.workflow.tasks.TaskView;
import org.hotline12345.workflow.timeline.TimelineEntry;

/**
 * The facade a portal calls to run citizen cases through their lifecycle.
 *
 * <p>Every operation takes the acting {@link Actor} and checks it: hotline-office steps need a
 * hotline-office role, unit steps need membership of the case's current lead unit. Every changing
 * operation runs in one transaction covering the workflow engine and the library's own tables: it
 * either happens whole or not at all.
 *
 * <p>Errors, common to all changing operations:
 * <ul>
 *   <li>{@link InvalidCaseException} lists every invalid field; nothing was written;</li>
 *   <li>{@link CaseNotFoundException} when the case does not exist;</li>
 *   <li>{@link NotAuthorizedException} when the actor may not perform the step (or see the case);</li>
 *   <li>{@link IllegalCaseStateException} when the case is not at that step, naming its current status;</li>
 *   <li>{@link CaseConflictException} when another action on the same case committed first; retryable.</li>
 * </ul>
 */
public interface HotlineWorkflow {

    /**
     * Records a new case (受理) and starts its workflow. With an {@code externalId} already known, returns
     * that case unchanged with {@code created == false}.
     */
    IntakeReceipt intake(Actor actor, IntakeRequest request);

    /**
     * The open cases that may be the same matter as this one (并单 proposals), most alike first: same category and area
     * code, taken in within the configured window, text similarity at least the configured threshold
     * ({@link org.hotline12345.workflow.merge.TextSimilarity}). Cases merged into another are not proposed. Hotline
     * office and auditors.
     */
    List<DuplicateProposal> duplicates(Actor actor, CaseId caseId);

    /**
     * Merges a registered case into a master case (并单) that has a lead unit and no reply yet: the case (status
     * {@code MERGED}) follows the master, receives its reply when the hotline office approves it, and has its own
     * callback; an unsatisfied citizen sends it back to dispatch as a case of its own.
     */
    CaseView merge(Actor actor, CaseId caseId, MergeOrder order);

    /** Makes a merged case its own again, back at dispatch; refused once the master has replied. */
    CaseView unmerge(Actor actor, CaseId caseId, String note);

    /** Closes a registered case with an answer given on the call (直办). */
    CaseView answerDirectly(Actor actor, CaseId caseId, DirectAnswer answer);

    /** Sends a registered case to its lead unit (派单); starts the sign-for clock. */
    CaseView dispatch(Actor actor, CaseId caseId, DispatchOrder order);

    /** The lead unit accepts the case (签收); starts the handling clock. */
    CaseView signFor(Actor actor, CaseId caseId);

    /** An assisting unit accepts its part of the case (协办签收); a user of several assisting units signs for the first. */
    CaseView assistSignFor(Actor actor, CaseId caseId);

    /**
     * An assisting unit answers the lead unit (协办反馈) after signing for its part. The lead unit sees the answer in the
     * case view and replies once for the case.
     */
    CaseView assistReply(Actor actor, CaseId caseId, AssistAnswer answer);

    /** The lead unit asks to hand the case back as not its business (退单). */
    CaseView requestReturn(Actor actor, CaseId caseId, ReturnRequest request);

    /** The hotline office accepts a return (back to dispatch, or on to a named unit) or rejects it. */
    CaseView decideReturn(Actor actor, CaseId caseId, ReturnDecision decision);

    /**
     * The hotline office arbitrates a dispute (status {@code DISPUTED}): the named unit handles the case from now on
     * and may not return it; another unit than the returning one gets it dispatched at once.
     */
    CaseView arbitrate(Actor actor, CaseId caseId, Arbitration arbitration);

    /**
     * The lead unit passes the case down to one of its subordinate units (下派) while handling it: at once, or once the
     * hotline office approves where the policy says so (a task {@code UserTask_ApproveTransfer}, completed through
     * {@link #completeTask} with {@code transferApproved} true or false and an optional {@code transferNote}). The
     * deadlines do not reset. Refused with {@link InvalidCaseException} for a unit that is not below the lead unit, and
     * with {@link IllegalCaseStateException} while another transfer waits.
     */
    CaseView requestTransfer(Actor actor, CaseId caseId, TransferRequest request);

    /**
     * The lead unit asks for more working days (延期) before its handling deadline. Refused with
     * {@link IllegalCaseStateException} after the deadline or while another request waits, and with
     * {@link InvalidCaseException} beyond the policy's cap on the total.
     */
    CaseView requestExtension(Actor actor, CaseId caseId, ExtensionRequest request);

    /**
     * The hotline office approves an extension (the handling deadline moves, its yellow and red cards with it) or
     * refuses it.
     */
    CaseView decideExtension(Actor actor, CaseId caseId, ExtensionDecision decision);

    /**
     * The lead unit pauses its handling clock (挂起) with a reason: at once, or once the hotline office approves where the
     * policy says so. While suspended, cards do not fire and the unit cannot reply, return or extend.
     */
    CaseView requestSuspension(Actor actor, CaseId caseId, SuspensionRequest request);

    /** The hotline office approves (the clock stops) or refuses a suspension request. */
    CaseView decideSuspension(Actor actor, CaseId caseId, SuspensionDecision decision);

    /** The lead unit starts its clock again, with the working time that was left when it stopped. */
    CaseView resume(Actor actor, CaseId caseId);

    /**
     * The lead unit replies with its result (答复), once for the case. While an assisting unit's answer is outstanding
     * the reply needs {@code outstandingAssistanceReason} ({@link InvalidCaseException} naming that field otherwise);
     * the outstanding parts then end, cancelled, with that reason.
     */
    CaseView reply(Actor actor, CaseId caseId, Reply reply);

    /** The hotline office approves the reply (on to callback) or sends it back to the unit. */
    CaseView review(Actor actor, CaseId caseId, ReviewDecision decision);

    /**
     * Records the citizen's answer at callback (回访). Unsatisfied reopens the case to the same unit
     * while the policy's reopen limit allows; past it the hotline office decides.
     */
    CaseView callback(Actor actor, CaseId caseId, CallbackResult result);

    /** The hotline office's decision on a case still unsatisfied after the reopen limit. */
    CaseView decideAfterReopenLimit(Actor actor, CaseId caseId, ReopenLimitDecision decision);

    /** The case as {@code actor} may see it (caller data masked without the personal-data right). */
    CaseView caseView(Actor actor, CaseId caseId);

    /**
     * Per unit, the returns it asked for and those found improper from {@code from} to {@code to} (whole days in the
     * working calendar's zone), most returns first; a unit's users see their own units only.
     */
    List<UnitReturns> returnsByUnit(Actor actor, java.time.LocalDate from, java.time.LocalDate to);

    /** Cases matching {@code query}, limited to what {@code actor} may see. */
    Page<CaseView> cases(Actor actor, CaseQuery query);

    /** The open tasks {@code actor} may work on, standard and analyst-added, oldest first. */
    List<TaskView> openTasks(Actor actor);

    /**
     * Completes an open task with variables. Meant for steps analysts add to the diagrams; standard steps
     * are refused with {@link IllegalCaseStateException} naming the dedicated operation.
     */
    CaseView completeTask(Actor actor, String taskId, Map<String, Object> variables);

    /** Every domain event of the case, in order: its audit log as a reader sees it. */
    List<TimelineEntry> timeline(Actor actor, CaseId caseId);

    /**
     * The domain events merged, in time order, with the engine's history of the case: activities entered and left
     * (with who completed them), changes of the variables that carry deadlines and units, comments.
     */
    List<TimelineEntry> fullTimeline(Actor actor, CaseId caseId);
}

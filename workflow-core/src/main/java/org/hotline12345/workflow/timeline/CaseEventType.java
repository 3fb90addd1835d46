package org.hotline12345.workflow.timeline;

/** What happened to a case. {@link #eventName()} gives the past-tense domain event name. */
public enum CaseEventType {
    CASE_REGISTERED("CaseRegistered"),
    /** A deadline is near (预警, yellow card). */
    YELLOW_CARD_ISSUED("YellowCardIssued"),
    /** A deadline has passed (red card). */
    RED_CARD_ISSUED("RedCardIssued"),
    /** An urging notice (催办) went to the overdue unit, copied to its leader. */
    CASE_URGED("CaseUrged"),
    /** A supervision order (督办) was issued for a case still overdue after urging. */
    SUPERVISION_ORDERED("SupervisionOrdered"),
    /** A fact about a unit's conduct was recorded for the accountability review (问责). */
    ACCOUNTABILITY_FACT_RECORDED("AccountabilityFactRecorded"),
    CASE_ANSWERED_DIRECTLY("CaseAnsweredDirectly"),
    CASE_DISPATCHED("CaseDispatched"),
    /** The supervision office recorded its findings in an accountability review of a case's unit. */
    ACCOUNTABILITY_FINDINGS_RECORDED("AccountabilityFindingsRecorded"),
    /** The unit under an accountability review wrote its statement (情况说明). */
    ACCOUNTABILITY_STATEMENT_SUBMITTED("AccountabilityStatementSubmitted"),
    /** An accountability review was decided: outcome, reasoning and who decided, on every case of its facts. */
    ACCOUNTABILITY_REVIEW_DECIDED("AccountabilityReviewDecided"),
    /** The case was drawn for a spot check (明察暗访). */
    SPOT_CHECK_DRAWN("SpotCheckDrawn"),
    /** The second callback of a spot check was recorded and compared with the reply. */
    SPOT_CHECK_RECORDED("SpotCheckRecorded"),
    /** A duplicate was merged into a master case (并单); recorded on both cases. */
    CASE_MERGED("CaseMerged"),
    /** A merged duplicate became a case of its own again; recorded on both cases. */
    CASE_UNMERGED("CaseUnmerged"),
    /** A merged duplicate received its master's approved reply and goes to its own callback. */
    MASTER_REPLY_RECEIVED("MasterReplyReceived"),
    CASE_SIGNED_FOR("CaseSignedFor"),
    /** A unit was asked at dispatch to assist the lead unit (协办); the event's unit is the assisting unit. */
    ASSISTANCE_REQUESTED("AssistanceRequested"),
    ASSISTANCE_SIGNED_FOR("AssistanceSignedFor"),
    /** An assisting unit answered the lead unit. */
    ASSISTANCE_ANSWERED("AssistanceAnswered"),
    /** An assisting unit's part ended without its answer (the lead unit replied without it, or the case left the lead unit). */
    ASSISTANCE_CANCELLED("AssistanceCancelled"),
    RETURN_REQUESTED("ReturnRequested"),
    RETURN_ACCEPTED("ReturnAccepted"),
    RETURN_REJECTED("ReturnRejected"),
    /** The hotline office fixed the lead unit of a disputed case; the event's unit is that unit. */
    DISPUTE_ARBITRATED("DisputeArbitrated"),
    /** The lead unit asked to pass the case down to a subordinate unit; the hotline office approves. */
    TRANSFER_REQUESTED("TransferRequested"),
    /** The case passed down to a subordinate unit (下派), which is its lead unit from now on; the deadline stands. */
    CASE_TRANSFERRED("CaseTransferred"),
    TRANSFER_REFUSED("TransferRefused"),
    EXTENSION_REQUESTED("ExtensionRequested"),
    /** The handling deadline moved; the event carries the new deadline. */
    EXTENSION_APPROVED("ExtensionApproved"),
    EXTENSION_REFUSED("ExtensionRefused"),
    SUSPENSION_REQUESTED("SuspensionRequested"),
    SUSPENSION_REFUSED("SuspensionRefused"),
    /** The handling clock stopped. */
    CASE_SUSPENDED("CaseSuspended"),
    /** The handling clock runs again; the event carries the new deadline and how long the pause lasted. */
    CASE_RESUMED("CaseResumed"),
    CASE_REPLIED("CaseReplied"),
    REPLY_APPROVED("ReplyApproved"),
    REPLY_SENT_BACK("ReplySentBack"),
    CALLBACK_RECORDED("CallbackRecorded"),
    CASE_REOPENED("CaseReopened"),
    REOPEN_LIMIT_REACHED("ReopenLimitReached"),
    TASK_COMPLETED("TaskCompleted"),
    /**
     * A step of the case changed in the engine without going through the API (Cockpit, Tasklist, a direct engine call,
     * a process-instance modification): recorded all the same, with the engine user if known.
     */
    ENGINE_ACTION_RECORDED("EngineActionRecorded"),
    /** The case's audit rows were exported (by whom, in which format, masked or not). */
    CASE_EXPORTED("CaseExported"),
    /** The case was moved to a newer version of a diagram. */
    CASE_MIGRATED("CaseMigrated"),
    CASE_CLOSED("CaseClosed");

    private final String eventName;

    CaseEventType(String eventName) {
        this.eventName = eventName;
    }

    public String eventName() {
        return eventName;
    }
}

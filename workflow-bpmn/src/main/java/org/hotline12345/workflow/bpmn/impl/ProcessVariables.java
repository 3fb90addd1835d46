package org.hotline12345.workflow.bpmn.impl;

/**
 * The names of the process variables the diagrams and the Java code share. Variables hold ids and
 * plain values, never objects. Gateways in the diagrams read them; renaming one breaks a diagram.
 */
final class ProcessVariables {

    /** The case id; also the business key of every process instance of the case. */
    static final String CASE_ID = "caseId";
    static final String CATEGORY = "category";
    static final String URGENCY = "urgency";
    /** The unit the case is dispatched to; unit tasks go to candidate group {@code unit:<leadUnit>}. */
    static final String LEAD_UNIT = "leadUnit";
    /** The lead unit the routing table suggests at intake, when the directory knows it. */
    static final String ROUTING_SUGGESTION = "routingSuggestion";
    /** DISPATCH or DIRECT_ANSWER, set when the dispatch task completes. */
    static final String DISPOSITION = "disposition";
    /** How the case reaches unit-handling: DISPATCH, REVISE or REWORK. */
    static final String ENTRY = "entry";
    /** The unit's action on its task: SIGN_FOR, REQUEST_RETURN or REPLY. */
    static final String UNIT_ACTION = "unitAction";
    /** Which unit task the return was requested from: SIGN_FOR or HANDLING. */
    static final String RETURN_REQUESTED_FROM = "returnRequestedFrom";
    static final String RETURN_ACCEPTED = "returnAccepted";
    /** How many times the case has been returned, this request included: the diagram turns repeated returns into a dispute. */
    static final String RETURN_COUNT = "returnCount";
    /** The return request's reason from the list ({@code ReturnReason}) and its particulars, for the diagrams and Cockpit. */
    static final String RETURN_REASON_CODE = "returnReasonCode";
    static final String RETURN_REASON = "returnReason";
    /** REPLIED or RETURNED: how unit-handling ended. */
    static final String HANDLING_OUTCOME = "handlingOutcome";
    /** The unit's reply, as the reply gave it: its result (RESOLVED, ...) and its text. */
    static final String REPLY_RESULT = "replyResult";
    static final String REPLY_TEXT = "replyText";
    static final String REVIEW_APPROVED = "reviewApproved";
    static final String SATISFACTION = "satisfaction";
    static final String RESOLVED = "resolved";
    /** Reopens so far; the callback gateway compares it with reopenLimit. */
    static final String REOPENS = "reopens";
    /** From the deadline-policy decision. */
    static final String REOPEN_LIMIT = "reopenLimit";
    static final String CLOSE_CASE = "closeCase";
    /** Input parameter of the clock service tasks: SIGN_FOR, HANDLING, REWORK, CALLBACK or ASSIST. */
    static final String CLOCK = "clock";
    static final String SIGN_FOR_DUE = "signForDue";
    static final String HANDLING_DUE = "handlingDue";
    static final String CALLBACK_DUE = "callbackDue";
    /** When each clock's yellow card falls due; the yellow-card timers read them. */
    static final String SIGN_FOR_YELLOW_AT = "signForYellowAt";
    static final String HANDLING_YELLOW_AT = "handlingYellowAt";
    static final String CALLBACK_YELLOW_AT = "callbackYellowAt";
    /** The working days an extension request asks for, and when the hotline office must decide on it. */
    static final String EXTENSION_WORKING_DAYS = "extensionWorkingDays";
    static final String EXTENSION_DECISION_DUE = "extensionDecisionDue";
    static final String EXTENSION_APPROVED = "extensionApproved";
    /** The message the extension boundary event of UserTask_Handle waits for. */
    static final String EXTENSION_MESSAGE = "ExtensionRequested";
    /** The message the suspension boundary event of UserTask_Handle waits for, where approval is needed. */
    static final String SUSPENSION_MESSAGE = "SuspensionRequested";
    static final String SUSPENSION_APPROVED = "suspensionApproved";
    /** Whether the dispatch named assisting units: unit-handling calls assisting-unit only then. */
    static final String ASSISTED = "assisted";
    /** The unit of one assisting-unit instance: the multi-instance element variable, passed into the called process. */
    static final String ASSISTING_UNIT = "assistingUnit";
    /** An assisting unit's deadline and the time of its yellow card, in its assisting-unit instance. */
    static final String ASSIST_DUE = "assistDue";
    static final String ASSIST_YELLOW_AT = "assistYellowAt";
    /** The message the transfer boundary event of UserTask_Handle waits for, where approval is needed. */
    static final String TRANSFER_MESSAGE = "TransferRequested";
    /** The subordinate unit a waiting transfer goes to, and the lead unit's reason. */
    static final String TRANSFER_TO = "transferTo";
    static final String TRANSFER_REASON = "transferReason";
    /** Set by the hotline office when it completes UserTask_ApproveTransfer through the generic task API. */
    static final String TRANSFER_APPROVED = "transferApproved";
    static final String TRANSFER_NOTE = "transferNote";
    /** Input parameter of the transfer service tasks: APPROVED or REFUSED. */
    static final String TRANSFER_DECISION = "transferDecision";
    /** Whether the case was merged into a master (并单): the callback gateway sends an unsatisfied one back to dispatch. */
    static final String MERGED = "merged";
    /** The messages a merged case waits for: its master's reply approved, or the merge undone. */
    static final String MASTER_REPLY_MESSAGE = "MasterReplyApproved";
    static final String UNMERGED_MESSAGE = "CaseUnmerged";
    /** Input parameter of the warning service tasks: YELLOW or RED. */
    static final String LEVEL = "level";

    /** Variables a generic task completion may not set: the API owns them. */
    static final java.util.Set<String> RESERVED = java.util.Set.of(CASE_ID, CATEGORY, URGENCY, LEAD_UNIT, DISPOSITION,
            ENTRY, UNIT_ACTION, RETURN_REQUESTED_FROM, RETURN_ACCEPTED, RETURN_COUNT, RETURN_REASON_CODE, RETURN_REASON,
            HANDLING_OUTCOME, REVIEW_APPROVED, SATISFACTION,
            RESOLVED, REOPENS, REOPEN_LIMIT, CLOSE_CASE, CLOCK, SIGN_FOR_DUE, HANDLING_DUE, CALLBACK_DUE, SIGN_FOR_YELLOW_AT,
            HANDLING_YELLOW_AT, CALLBACK_YELLOW_AT, LEVEL, EXTENSION_WORKING_DAYS, EXTENSION_DECISION_DUE, EXTENSION_APPROVED, SUSPENSION_APPROVED,
            ASSISTING_UNIT, ASSIST_DUE, ASSIST_YELLOW_AT, TRANSFER_TO, TRANSFER_REASON, TRANSFER_DECISION,
            MERGED, ASSISTED);

    private ProcessVariables() {
    }
}

package org.hotline12345.examples.portal;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import org.hotline12345.examples.portal.ApiJson.ArbitrationJson;
import org.hotline12345.examples.portal.ApiJson.AssistReplyJson;
import org.hotline12345.examples.portal.ApiJson.CallbackJson;
import org.hotline12345.examples.portal.ApiJson.CaseJson;
import org.hotline12345.examples.portal.ApiJson.DirectAnswerJson;
import org.hotline12345.examples.portal.ApiJson.DispatchJson;
import org.hotline12345.examples.portal.ApiJson.DuplicateJson;
import org.hotline12345.examples.portal.ApiJson.MergeJson;
import org.hotline12345.examples.portal.ApiJson.UnmergeJson;
import org.hotline12345.examples.portal.ApiJson.ExtensionDecisionJson;
import org.hotline12345.examples.portal.ApiJson.ExtensionJson;
import org.hotline12345.examples.portal.ApiJson.IntakeJson;
import org.hotline12345.examples.portal.ApiJson.PageJson;
import org.hotline12345.examples.portal.ApiJson.ReopenDecisionJson;
import org.hotline12345.examples.portal.ApiJson.TransferJson;
import org.hotline12345.examples.portal.ApiJson.ReplyJson;
import org.hotline12345.examples.portal.ApiJson.ReturnDecisionJson;
import org.hotline12345.examples.portal.ApiJson.ReturnJson;
import org.hotline12345.examples.portal.ApiJson.ReviewJson;
import org.hotline12345.examples.portal.ApiJson.SuspendJson;
import org.hotline12345.examples.portal.ApiJson.SuspensionDecisionJson;
import org.hotline12345.examples.portal.ApiJson.TimelineJson;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.cases.Caller;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseQuery;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Channel;
import org.hotline12345.workflow.cases.Location;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.cases.WarningLevel;
import org.hotline12345.workflow.dispatch.Arbitration;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.dispatch.ReturnDecision;
import org.hotline12345.workflow.dispatch.ReturnReason;
import org.hotline12345.workflow.dispatch.ReturnRequest;
import org.hotline12345.workflow.dispatch.TransferRequest;
import org.hotline12345.workflow.extension.ExtensionDecision;
import org.hotline12345.workflow.extension.ExtensionRequest;
import org.hotline12345.workflow.handling.AssistAnswer;
import org.hotline12345.workflow.merge.MergeOrder;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.intake.DirectAnswer;
import org.hotline12345.workflow.intake.IntakeReceipt;
import org.hotline12345.workflow.intake.IntakeRequest;
import org.hotline12345.workflow.review.CallbackResult;
import org.hotline12345.workflow.review.ReopenLimitDecision;
import org.hotline12345.workflow.review.ReviewDecision;
import org.hotline12345.workflow.suspension.SuspensionDecision;
import org.hotline12345.workflow.suspension.SuspensionRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The case lifecycle over REST: one endpoint per step, each a thin mapping onto {@link HotlineWorkflow}. */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final HotlineWorkflow workflow;

    CaseController(HotlineWorkflow workflow) {
        this.workflow = workflow;
    }

    @PostMapping
    ResponseEntity<CaseJson> intake(Authentication user, @RequestBody IntakeJson body) {
        Validation v = new Validation();
        Channel channel = v.enumValue("channel", Channel.class, body.channel(), true);
        Category category = v.enumValue("category", Category.class, body.category(), true);
        Urgency urgency = v.enumValue("urgency", Urgency.class, body.urgency(), false);
        Caller caller = body.caller() == null ? null : new Caller(body.caller().name(), body.caller().phone(),
                Boolean.TRUE.equals(body.caller().anonymous()), Boolean.TRUE.equals(body.caller().confidential()));
        Location location = body.location() == null ? null : new Location(body.location().address(),
                body.location().areaCode(), body.location().latitude(), body.location().longitude());
        IntakeRequest request = new IntakeRequest(body.externalId(), channel, category, urgency, body.subject(),
                body.description(), caller, location);
        if (v.hasErrors()) {
            request.validate(v);
            v.throwIfInvalid();
        }
        IntakeReceipt receipt = workflow.intake(Actors.of(user), request);
        return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(CaseJson.of(receipt.caseView(), receipt.possibleDuplicates()));
    }

    @GetMapping("/{id}")
    CaseJson get(Authentication user, @PathVariable String id) {
        return CaseJson.of(workflow.caseView(Actors.of(user), CaseId.of(id)));
    }

    @GetMapping
    PageJson list(Authentication user, @RequestParam(required = false) String unit, @RequestParam(required = false) String status,
            @RequestParam(required = false) String warning, @RequestParam(required = false) String number,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Validation v = new Validation();
        CaseStatus wanted = v.enumValue("status", CaseStatus.class, status, false);
        WarningLevel warned = v.enumValue("warning", WarningLevel.class, warning, false);
        UnitId unitId = RequestFields.unit(v, "unit", unit, false);
        if (page < 0) {
            v.reject("page", "must be 0 or more");
        }
        if (size < 1 || size > CaseQuery.MAX_PAGE_SIZE) {
            v.reject("size", "must be between 1 and " + CaseQuery.MAX_PAGE_SIZE);
        }
        v.throwIfInvalid();
        return PageJson.of(workflow.cases(Actors.of(user), new CaseQuery(unitId, wanted, warned, number, page, size)));
    }

    @Operation(summary = "Possible duplicates of a case (并单 proposals)",
            description = "Open cases of the same category and area code taken in within hotline.workflow.duplicate-window "
                    + "(default 7 days) whose subject and description are at least hotline.workflow.duplicate-threshold "
                    + "(default 0.5) alike: the Sørensen–Dice coefficient of character bigrams after NFKC, lower case and "
                    + "removing everything but letters and digits. Most alike first. Hotline office and auditors; the intake "
                    + "response carries the same list as possibleDuplicates.")
    @GetMapping("/{id}/duplicates")
    List<DuplicateJson> duplicates(Authentication user, @PathVariable String id) {
        return workflow.duplicates(Actors.of(user), CaseId.of(id)).stream().map(DuplicateJson::of).toList();
    }

    @Operation(summary = "Merge a registered case into a master case (并单)",
            description = "Hotline office. Body {masterId, note}. The master has a lead unit and has not replied. The case "
                    + "(status MERGED, masterId set) gets the master's reply when the hotline office approves it, then its "
                    + "own callback; an unsatisfied citizen sends it back to dispatch as a case of its own.")
    @PostMapping("/{id}/merge")
    CaseJson merge(Authentication user, @PathVariable String id, @RequestBody MergeJson body) {
        Validation v = new Validation();
        CaseId master = RequestFields.caseId(v, "masterId", body.masterId());
        v.throwIfInvalid();
        return CaseJson.of(workflow.merge(Actors.of(user), CaseId.of(id), new MergeOrder(master, body.note())));
    }

    @Operation(summary = "Undo a merge (并单撤销)",
            description = "Hotline office. Optional body {note}. The case goes back to dispatch as its own; refused (409 "
                    + "ILLEGAL_STATE) once the master has replied.")
    @PostMapping("/{id}/unmerge")
    CaseJson unmerge(Authentication user, @PathVariable String id, @RequestBody(required = false) UnmergeJson body) {
        return CaseJson.of(workflow.unmerge(Actors.of(user), CaseId.of(id), body == null ? null : body.note()));
    }

    @PostMapping("/{id}/direct-answer")
    CaseJson directAnswer(Authentication user, @PathVariable String id, @RequestBody DirectAnswerJson body) {
        return CaseJson.of(workflow.answerDirectly(Actors.of(user), CaseId.of(id), new DirectAnswer(body.answer())));
    }

    @Operation(summary = "Dispatch a case (派单) to its lead unit, optionally with assisting units (协办)",
            description = "Hotline office. Body {leadUnit, assistingUnits: [unit ids], note}. Each assisting unit gets its own "
                    + "part with its own deadline (the policy's assisting limit) and cards; it signs for (assist-sign-for) and "
                    + "answers the lead unit (assist-reply).")
    @PostMapping("/{id}/dispatch")
    CaseJson dispatch(Authentication user, @PathVariable String id, @RequestBody DispatchJson body) {
        Validation v = new Validation();
        UnitId lead = RequestFields.unit(v, "leadUnit", body.leadUnit(), true);
        List<UnitId> assisting = new ArrayList<>();
        if (body.assistingUnits() != null) {
            body.assistingUnits().forEach(unit -> assisting.add(RequestFields.unit(v, "assistingUnits", unit, true)));
        }
        v.throwIfInvalid();
        return CaseJson.of(workflow.dispatch(Actors.of(user), CaseId.of(id), new DispatchOrder(lead, assisting, body.note())));
    }

    @PostMapping("/{id}/sign-for")
    CaseJson signFor(Authentication user, @PathVariable String id) {
        return CaseJson.of(workflow.signFor(Actors.of(user), CaseId.of(id)));
    }

    @Operation(summary = "An assisting unit signs for its part of the case (协办签收)",
            description = "Users of an assisting unit whose part waits for sign-for; 403 for anyone else, 409 ILLEGAL_STATE "
                    + "when no part waits for it.")
    @PostMapping("/{id}/assist-sign-for")
    CaseJson assistSignFor(Authentication user, @PathVariable String id) {
        return CaseJson.of(workflow.assistSignFor(Actors.of(user), CaseId.of(id)));
    }

    @Operation(summary = "An assisting unit answers the lead unit (协办反馈)",
            description = "Body {text}. After assist-sign-for. The lead unit reads the answer in the case's assistance list "
                    + "and replies once for the case.")
    @PostMapping("/{id}/assist-reply")
    CaseJson assistReply(Authentication user, @PathVariable String id, @RequestBody AssistReplyJson body) {
        return CaseJson.of(workflow.assistReply(Actors.of(user), CaseId.of(id), new AssistAnswer(body.text())));
    }

    @PostMapping("/{id}/return")
    CaseJson requestReturn(Authentication user, @PathVariable String id, @RequestBody ReturnJson body) {
        Validation v = new Validation();
        // The lifecycle contract's body was {reason}; clients written against it keep working as OTHER.
        ReturnReason code = body.reasonCode() == null ? ReturnReason.OTHER
                : v.enumValue("reasonCode", ReturnReason.class, body.reasonCode(), true);
        ReturnRequest request = new ReturnRequest(code, body.reason());
        request.validate(v);
        v.throwIfInvalid();
        return CaseJson.of(workflow.requestReturn(Actors.of(user), CaseId.of(id), request));
    }

    @PostMapping("/{id}/return-decision")
    CaseJson decideReturn(Authentication user, @PathVariable String id, @RequestBody ReturnDecisionJson body) {
        Validation v = new Validation().require("accepted", body.accepted());
        UnitId newLead = RequestFields.unit(v, "newLeadUnit", body.newLeadUnit(), false);
        v.throwIfInvalid();
        return CaseJson.of(workflow.decideReturn(Actors.of(user), CaseId.of(id),
                new ReturnDecision(body.accepted(), body.note(), newLead)));
    }

    @Operation(summary = "Arbitrate a dispute (争议仲裁)",
            description = "Hotline office, while the case is DISPUTED (returned a second time). Body {leadUnit, note}: that unit "
                    + "handles the case and may not return it.")
    @PostMapping("/{id}/arbitration")
    CaseJson arbitrate(Authentication user, @PathVariable String id, @RequestBody ArbitrationJson body) {
        Validation v = new Validation();
        Arbitration arbitration = new Arbitration(RequestFields.unit(v, "leadUnit", body.leadUnit(), true), body.note());
        arbitration.validate(v);
        v.throwIfInvalid();
        return CaseJson.of(workflow.arbitrate(Actors.of(user), CaseId.of(id), arbitration));
    }

    @Operation(summary = "The lead unit passes the case down to a subordinate unit (下派)",
            description = "Body {toUnit, reason}. While handling (after sign-for). Where the deadline policy says "
                    + "transferNeedsApproval, the hotline office gets a task UserTask_ApproveTransfer in GET /api/tasks and "
                    + "completes it with POST /api/tasks/{taskId}/complete {\"variables\": {\"transferApproved\": true|false, "
                    + "\"transferNote\": \"...\"}}; elsewhere the case passes at once. The deadline does not reset. 400 for a "
                    + "unit that is not below the lead unit, 409 ILLEGAL_STATE while another transfer waits.")
    @PostMapping("/{id}/transfer")
    CaseJson transfer(Authentication user, @PathVariable String id, @RequestBody TransferJson body) {
        Validation v = new Validation();
        TransferRequest request = new TransferRequest(RequestFields.unit(v, "toUnit", body.toUnit(), true), body.reason());
        request.validate(v);
        v.throwIfInvalid();
        return CaseJson.of(workflow.requestTransfer(Actors.of(user), CaseId.of(id), request));
    }

    @PostMapping("/{id}/extension")
    CaseJson requestExtension(Authentication user, @PathVariable String id, @RequestBody ExtensionJson body) {
        return CaseJson.of(workflow.requestExtension(Actors.of(user), CaseId.of(id), new ExtensionRequest(body.workingDays(), body.reason())));
    }

    @PostMapping("/{id}/extension-decision")
    CaseJson decideExtension(Authentication user, @PathVariable String id, @RequestBody ExtensionDecisionJson body) {
        new Validation().require("approved", body.approved()).throwIfInvalid();
        return CaseJson.of(workflow.decideExtension(Actors.of(user), CaseId.of(id), new ExtensionDecision(body.approved(), body.note())));
    }

    @PostMapping("/{id}/suspend")
    CaseJson suspend(Authentication user, @PathVariable String id, @RequestBody SuspendJson body) {
        return CaseJson.of(workflow.requestSuspension(Actors.of(user), CaseId.of(id), new SuspensionRequest(body.reason())));
    }

    /** Where the policy wants the hotline office to approve a suspension. */
    @PostMapping("/{id}/suspension-decision")
    CaseJson decideSuspension(Authentication user, @PathVariable String id, @RequestBody SuspensionDecisionJson body) {
        new Validation().require("approved", body.approved()).throwIfInvalid();
        return CaseJson.of(workflow.decideSuspension(Actors.of(user), CaseId.of(id), new SuspensionDecision(body.approved(), body.note())));
    }

    @PostMapping("/{id}/resume")
    CaseJson resume(Authentication user, @PathVariable String id) {
        return CaseJson.of(workflow.resume(Actors.of(user), CaseId.of(id)));
    }

    @Operation(summary = "The lead unit replies for the case (答复)",
            description = "Body {result: RESOLVED|PARTIALLY_RESOLVED|EXPLAINED, text, outstandingAssistanceReason}. While an "
                    + "assisting unit's answer is outstanding, outstandingAssistanceReason is required (400 naming it) and the "
                    + "outstanding parts end with that reason.")
    @PostMapping("/{id}/reply")
    CaseJson reply(Authentication user, @PathVariable String id, @RequestBody ReplyJson body) {
        Validation v = new Validation();
        ReplyResult result = v.enumValue("result", ReplyResult.class, body.result(), true);
        Reply reply = new Reply(result, body.text(), body.outstandingAssistanceReason());
        reply.validate(v);
        v.throwIfInvalid();
        return CaseJson.of(workflow.reply(Actors.of(user), CaseId.of(id), reply));
    }

    @PostMapping("/{id}/review")
    CaseJson review(Authentication user, @PathVariable String id, @RequestBody ReviewJson body) {
        new Validation().require("approved", body.approved()).throwIfInvalid();
        return CaseJson.of(workflow.review(Actors.of(user), CaseId.of(id), new ReviewDecision(body.approved(), body.comment())));
    }

    @PostMapping("/{id}/callback")
    CaseJson callback(Authentication user, @PathVariable String id, @RequestBody CallbackJson body) {
        Validation v = new Validation();
        Satisfaction satisfaction = v.enumValue("satisfaction", Satisfaction.class, body.satisfaction(), true);
        CallbackResult result = new CallbackResult(satisfaction, body.resolved(), body.comment());
        result.validate(v);
        v.throwIfInvalid();
        return CaseJson.of(workflow.callback(Actors.of(user), CaseId.of(id), result));
    }

    /** The hotline office's decision on a case unsatisfied past the reopen limit (status REOPEN_LIMIT_REACHED). */
    @PostMapping("/{id}/reopen-decision")
    CaseJson decideAfterReopenLimit(Authentication user, @PathVariable String id, @RequestBody ReopenDecisionJson body) {
        new Validation().require("close", body.close()).throwIfInvalid();
        return CaseJson.of(workflow.decideAfterReopenLimit(Actors.of(user), CaseId.of(id),
                new ReopenLimitDecision(body.close(), body.note())));
    }

    @GetMapping("/{id}/timeline")
    List<TimelineJson> timeline(Authentication user, @PathVariable String id) {
        return workflow.fullTimeline(Actors.of(user), CaseId.of(id)).stream().map(TimelineJson::of).toList();
    }
}

package org.hotline12345.examples.capacity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.access.Role;
import org.hotline12345.workflow.bpmn.HotlineWorkflowEngine;
import org.hotline12345.workflow.cases.Caller;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.cases.Location;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.dispatch.ReturnDecision;
import org.hotline12345.workflow.dispatch.ReturnReason;
import org.hotline12345.workflow.dispatch.ReturnRequest;
import org.hotline12345.workflow.extension.ExtensionDecision;
import org.hotline12345.workflow.extension.ExtensionRequest;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.intake.DirectAnswer;
import org.hotline12345.workflow.intake.IntakeRequest;
import org.hotline12345.workflow.review.CallbackResult;
import org.hotline12345.workflow.review.ReviewDecision;

/** Plays the scripts through the library's public Java API, as a portal does. */
final class LibraryDriver implements Driver {

    private static final Actor OPERATOR = Actor.hotlineOffice("operator", Role.OPERATOR, Role.PERSONAL_DATA);
    private static final Actor DISPATCHER = Actor.hotlineOffice("dispatcher", Role.DISPATCHER);

    private final HotlineWorkflowEngine engine;
    private final HotlineWorkflow workflow;
    private final Map<Integer, CaseId> cases = new ConcurrentHashMap<>();
    private final Map<Integer, UnitId> leadUnits = new ConcurrentHashMap<>();

    LibraryDriver(HotlineWorkflowEngine engine) {
        this.engine = engine;
        this.workflow = engine.workflow();
    }

    @Override
    public String name() {
        return "library";
    }

    @Override
    public void perform(CaseScript script, CaseScript.Action action) {
        CaseId id = cases.get(script.index());
        switch (action.kind()) {
            case INTAKE -> {
                CaseView view = workflow.intake(OPERATOR, new IntakeRequest("sim-" + script.index(), script.channel(), script.category(),
                        script.urgency(), "Simulated case " + script.index(), "A citizen's request on a simulated day.",
                        new Caller("张三", "13812345678", false, false), Location.of("某路" + script.index() + "号", script.areaCode())))
                        .caseView();
                cases.put(script.index(), view.id());
                if (view.status() == CaseStatus.DISPATCHED) {
                    leadUnits.put(script.index(), view.leadUnit());
                }
            }
            case DIRECT_ANSWER -> workflow.answerDirectly(OPERATOR, id, new DirectAnswer("Answered on the call."));
            case DISPATCH -> {
                if (!leadUnits.containsKey(script.index())) {
                    // The routing table sends emergencies in a district's area at once; the dispatcher has nothing to do.
                    workflow.dispatch(DISPATCHER, id, new DispatchOrder(UnitId.of(action.unit()), null));
                    leadUnits.put(script.index(), UnitId.of(action.unit()));
                }
            }
            case SIGN_FOR -> workflow.signFor(unit(script), id);
            case REQUEST_RETURN -> workflow.requestReturn(unit(script), id, new ReturnRequest(ReturnReason.OUTSIDE_AREA, "Not our area."));
            case DECIDE_RETURN -> {
                workflow.decideReturn(DISPATCHER, id, new ReturnDecision(true, null, UnitId.of(action.unit())));
                leadUnits.put(script.index(), UnitId.of(action.unit()));
            }
            case REQUEST_EXTENSION -> workflow.requestExtension(unit(script), id, new ExtensionRequest(3, "Waiting for material."));
            case DECIDE_EXTENSION -> workflow.decideExtension(DISPATCHER, id, new ExtensionDecision(true, null));
            // The routing table may have named an assisting unit (an emergency report in Lixia): its part is not simulated.
            case REPLY -> workflow.reply(unit(script), id, new Reply(ReplyResult.RESOLVED, "Done.", "Handled without the assisting unit."));
            case REVIEW -> workflow.review(DISPATCHER, id, new ReviewDecision(action.approve(),
                    action.approve() ? null : "Add the inspection date."));
            case CALLBACK -> workflow.callback(OPERATOR, id, new CallbackResult(action.satisfaction(),
                    action.satisfaction() != Satisfaction.UNSATISFIED, null));
        }
    }

    private Actor unit(CaseScript script) {
        UnitId unit = leadUnits.get(script.index());
        return Actor.unitHandler(unit.value(), unit);
    }

    @Override
    public ProcessEngine engine() {
        return engine.processEngine();
    }

    @Override
    public long warnings() {
        return RawDriver.countCards(engine.processEngine());
    }

    @Override
    public long escalations() {
        return RawDriver.countStarted(engine.processEngine(), "case-escalation");
    }

    HotlineWorkflowEngine hotlineEngine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
    }
}

package org.hotline12345.examples.plainjava;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;
import org.hotline12345.workflow.CaseConflictException;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.access.Role;
import org.hotline12345.workflow.bpmn.HotlineWorkflowEngine;
import org.hotline12345.workflow.cases.Caller;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Channel;
import org.hotline12345.workflow.cases.Location;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.directory.InMemoryOrganisationDirectory;
import org.hotline12345.workflow.directory.Unit;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.intake.IntakeRequest;
import org.hotline12345.workflow.review.CallbackResult;
import org.hotline12345.workflow.review.ReviewDecision;
import org.hotline12345.workflow.timeline.TimelineEntry;

/**
 * Embeds the hotline workflow in a plain Java program: no Spring, an embedded H2 database, one case from
 * intake to closure, and its timeline printed at the end.
 *
 * <p>Run: {@code mvn -q -pl examples/plain-java -am install -DskipTests && mvn -q -pl examples/plain-java exec:java}
 */
public final class PlainJavaExample {

    private PlainJavaExample() {
    }

    public static void main(String[] args) {
        String jdbcUrl = args.length > 0 ? args[0] : "jdbc:h2:mem:plain-java-example;DB_CLOSE_DELAY=-1";
        run(jdbcUrl, System.out);
    }

    /** Runs one case through its lifecycle and prints it; returns the timeline for callers that check it. */
    public static List<TimelineEntry> run(String jdbcUrl, PrintStream out) {
        UnitId lixia = UnitId.of("lixia");
        try (HotlineWorkflowEngine engine = HotlineWorkflowEngine.builder()
                .jdbcUrl(jdbcUrl)
                .engineName("plain-java-example")
                .directory(InMemoryOrganisationDirectory.of(new Unit(lixia, "历下区", null)))
                .build()) {
            HotlineWorkflow workflow = engine.workflow();
            Actor operator = Actor.hotlineOffice("operator", Role.OPERATOR);
            Actor dispatcher = Actor.hotlineOffice("dispatcher", Role.DISPATCHER);
            Actor handler = Actor.unitHandler("lixia", lixia);

            CaseView taken = workflow.intake(operator, new IntakeRequest(null, Channel.PHONE, Category.HELP, Urgency.NORMAL,
                    "Street light out on Quancheng Road", "The light has been out for a week.",
                    new Caller("张三", "13812345678", false, false), Location.of("历下区泉城路1号", "370102"))).caseView();
            CaseId id = taken.id();
            out.println("Registered " + taken.number() + " (" + taken.status() + ")");

            CaseView dispatched = workflow.dispatch(dispatcher, id, new DispatchOrder(lixia, "please repair"));
            out.println("Dispatched to " + dispatched.leadUnit() + ", sign for by " + dispatched.deadlines().signFor());
            CaseView signed = retried(() -> workflow.signFor(handler, id));
            out.println("Signed for, reply by " + signed.deadlines().handling());
            retried(() -> workflow.reply(handler, id, new Reply(ReplyResult.RESOLVED, "Lamp replaced.")));
            retried(() -> workflow.review(dispatcher, id, new ReviewDecision(true, null)));
            CaseView closed = retried(() -> workflow.callback(operator, id, new CallbackResult(Satisfaction.SATISFIED, true, null)));
            out.println("Closed at " + closed.closedAt() + " (" + closed.status() + ")");

            List<TimelineEntry> timeline = workflow.timeline(operator, id);
            out.println("Timeline of " + closed.number() + ":");
            for (TimelineEntry entry : timeline) {
                out.printf("  %2d  %s  %-22s %-10s %s%n", entry.sequence(), entry.at(), entry.type().eventName(), entry.actor(),
                        entry.detail());
            }
            return timeline;
        }
    }

    /**
     * Runs a step again when it met another action on the case: the job executor issues a card when its deadline
     * comes (at once, for a case dispatched on a weekend whose sign-for deadline is the next working day), and the
     * step that meets it gets a {@link CaseConflictException}. A portal retries such a step as this does.
     */
    static <T> T retried(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (CaseConflictException e) {
                if (attempt == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}

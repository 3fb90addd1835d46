package org.hotline12345.examples.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.hotline12345.workflow.cases.Caller;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.cases.Location;
import org.hotline12345.workflow.cases.Page;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.handling.Assistance;
import org.hotline12345.workflow.merge.DuplicateProposal;
import org.hotline12345.workflow.tasks.TaskView;
import org.hotline12345.workflow.timeline.TimelineEntry;

/**
 * The JSON the REST API speaks. Field names are a contract with outside clients; fields without a value are
 * left out. Times are ISO-8601 offset date-times in the hotline's zone.
 */
final class ApiJson {

    private ApiJson() {
    }

    static String time(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    // ---- responses -----------------------------------------------------------------------------

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CaseJson(String id, String number, String externalId, String status, String category, String urgency,
            String channel, String subject, String description, CallerJson caller, LocationJson location, String leadUnit,
            String routingSuggestion, List<String> suggestedAssistingUnits, List<String> assistingUnits,
            List<AssistanceJson> assistance, String masterId, DeadlinesJson deadlines, String warning,
            int extendedWorkingDays, boolean suspended, String suspendedSince, int returns, int reopens, String replyResult,
            String satisfaction, String createdAt, String closedAt, long version, List<DuplicateJson> possibleDuplicates) {

        static CaseJson of(CaseView view) {
            return of(view, null);
        }

        /** With the duplicate proposals of an intake; {@code null} leaves the field out. */
        static CaseJson of(CaseView view, List<DuplicateProposal> possibleDuplicates) {
            return new CaseJson(view.id().value(), view.number().value(), view.externalId(), view.status().name(),
                    view.category().name(), view.urgency().name(), view.channel().name(), view.subject(), view.description(),
                    CallerJson.of(view.caller()), LocationJson.of(view.location()),
                    view.leadUnit() == null ? null : view.leadUnit().value(),
                    view.routingSuggestion() == null ? null : view.routingSuggestion().value(),
                    view.suggestedAssistingUnits().stream().map(UnitId::value).toList(),
                    view.assistingUnits().stream().map(UnitId::value).toList(),
                    view.assistance().stream().map(AssistanceJson::of).toList(),
                    view.masterId() == null ? null : view.masterId().value(),
                    new DeadlinesJson(time(view.deadlines().signFor()), time(view.deadlines().handling()),
                            time(view.deadlines().callback())),
                    view.warning().name(), view.extendedWorkingDays(), view.suspended(), time(view.suspendedSince()), view.returns(), view.reopens(), enumName(view.replyResult()), enumName(view.satisfaction()),
                    time(view.createdAt()), time(view.closedAt()), view.version(),
                    possibleDuplicates == null ? null : possibleDuplicates.stream().map(DuplicateJson::of).toList());
        }
    }

    /** An open case that may be the same matter (并单 proposal), with the text similarity of the two cases. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DuplicateJson(String id, String number, String status, String subject, String leadUnit, String createdAt,
            double similarity) {
        static DuplicateJson of(DuplicateProposal proposal) {
            return new DuplicateJson(proposal.id().value(), proposal.number().value(), proposal.status().name(), proposal.subject(),
                    proposal.leadUnit() == null ? null : proposal.leadUnit().value(), time(proposal.createdAt()),
                    proposal.similarity());
        }
    }

    record MergeJson(String masterId, String note) {
    }

    record UnmergeJson(String note) {
    }

    /** An assisting unit's part (协办) as the lead unit and the hotline office read it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AssistanceJson(String unit, String status, String requestedAt, String due, String warning, String signedForAt,
            String answer, String answeredAt, String endedNote) {
        static AssistanceJson of(Assistance part) {
            return new AssistanceJson(part.unit().value(), part.status().name(), time(part.requestedAt()), time(part.due()),
                    part.warning().name(), time(part.signedForAt()), part.answer(), time(part.answeredAt()), part.endedNote());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeadlinesJson(String signFor, String handling, String callback) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CallerJson(String name, String phone, Boolean anonymous, Boolean confidential) {
        static CallerJson of(Caller caller) {
            return caller == null ? null : new CallerJson(caller.name(), caller.phone(), caller.anonymous(), caller.confidential());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LocationJson(String address, String areaCode, Double latitude, Double longitude) {
        static LocationJson of(Location location) {
            return location == null ? null
                    : new LocationJson(location.address(), location.areaCode(), location.latitude(), location.longitude());
        }
    }

    record PageJson(List<CaseJson> items, int page, int size, long total) {
        static PageJson of(Page<CaseView> page) {
            return new PageJson(page.items().stream().map(CaseJson::of).toList(), page.page(), page.size(), page.total());
        }
    }

    /** A timeline entry: {@code source} AUDIT (a domain event, {@code type} its name) or ENGINE (a step of the engine's history). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TimelineJson(Long sequence, String type, String source, String at, String actor, String unit, String elementId,
            String elementName, String detail) {
        static TimelineJson of(TimelineEntry entry) {
            return new TimelineJson(entry.source() == TimelineEntry.Source.AUDIT ? entry.sequence() : null, entry.event(),
                    entry.source().name(), time(entry.at()), entry.actor(), entry.unit() == null ? null : entry.unit().value(),
                    entry.elementId(), entry.elementName(), entry.detail());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TaskJson(String id, String taskKey, String name, String step, String caseId, String caseNumber, String unit,
            String routingSuggestion, String createdAt, String due) {
        static TaskJson of(TaskView task) {
            return new TaskJson(task.id(), task.taskKey(), task.name(), enumName(task.step()), task.caseId().value(),
                    task.caseNumber().value(), task.unit() == null ? null : task.unit().value(),
                    task.routingSuggestion() == null ? null : task.routingSuggestion().value(), time(task.createdAt()),
                    time(task.due()));
        }
    }

    private static String enumName(Enum<?> value) {
        return value == null ? null : value.name();
    }

    // ---- requests: enums arrive as text so that a wrong value is reported by field, not as unreadable JSON ----

    record IntakeJson(String externalId, String channel, String category, String urgency, String subject,
            String description, CallerInput caller, LocationInput location) {
    }

    record CallerInput(String name, String phone, Boolean anonymous, Boolean confidential) {
    }

    record LocationInput(String address, String areaCode, Double latitude, Double longitude) {
    }

    record DirectAnswerJson(String answer) {
    }

    record DispatchJson(String leadUnit, List<String> assistingUnits, String note) {
    }

    record AssistReplyJson(String text) {
    }

    record TransferJson(String toUnit, String reason) {
    }

    record ReturnJson(String reasonCode, String reason) {
    }

    record ReturnDecisionJson(Boolean accepted, String note, String newLeadUnit) {
    }

    record ArbitrationJson(String leadUnit, String note) {
    }

    record ExtensionJson(Integer workingDays, String reason) {
    }

    record ExtensionDecisionJson(Boolean approved, String note) {
    }

    record SuspendJson(String reason) {
    }

    record SuspensionDecisionJson(Boolean approved, String note) {
    }

    record ReplyJson(String result, String text, String outstandingAssistanceReason) {
    }

    record ReviewJson(Boolean approved, String comment) {
    }

    record CallbackJson(String satisfaction, Boolean resolved, String comment) {
    }

    record ReopenDecisionJson(Boolean close, String note) {
    }

    record CompleteTaskJson(Map<String, Object> variables) {
    }
}

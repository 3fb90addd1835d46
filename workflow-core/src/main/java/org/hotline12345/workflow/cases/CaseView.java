package org.hotline12345.workflow.cases;

import java.time.OffsetDateTime;
import java.util.List;
import org.hotline12345.workflow.handling.Assistance;

/**
 * The queryable state of one case, as a portal shows it. Caller data is already masked when the
 * viewer lacks the personal-data right.
 */
public record CaseView(
        CaseId id,
        CaseNumber number,
        String externalId,
        CaseStatus status,
        Category category,
        Urgency urgency,
        Channel channel,
        String subject,
        String description,
        Caller caller,
        Location location,
        UnitId leadUnit,
        UnitId routingSuggestion,
        List<UnitId> suggestedAssistingUnits,
        CaseDeadlines deadlines,
        WarningLevel warning,
        int extendedWorkingDays,
        OffsetDateTime suspendedSince,
        int returns,
        int reopens,
        ReplyResult replyResult,
        Satisfaction satisfaction,
        OffsetDateTime createdAt,
        OffsetDateTime closedAt,
        CaseId masterId,
        List<Assistance> assistance,
        long version) {

    public CaseView {
        suggestedAssistingUnits = suggestedAssistingUnits == null ? List.of() : List.copyOf(suggestedAssistingUnits);
        assistance = assistance == null ? List.of() : List.copyOf(assistance);
    }

    /** The assisting units (协办) of the case that answered or still owe the lead unit an answer. */
    public List<UnitId> assistingUnits() {
        return assistance.stream().filter(part -> part.status() != org.hotline12345.workflow.handling.AssistanceStatus.CANCELLED)
                .map(Assistance::unit).distinct().toList();
    }

    /** Whether the handling clock is paused now. */
    public boolean suspended() {
        return suspendedSince != null;
    }
}

package org.hotline12345.workflow.cases;

import java.time.OffsetDateTime;

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
        long version) {

    /** Whether the handling clock is paused now. */
    public boolean suspended() {
        return suspendedSince != null;
    }
}

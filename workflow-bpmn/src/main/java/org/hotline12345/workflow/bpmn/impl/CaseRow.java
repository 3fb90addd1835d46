package org.hotline12345.workflow.bpmn.impl;

import java.time.Instant;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.List;
import org.hotline12345.workflow.cases.Caller;
import org.hotline12345.workflow.cases.CaseDeadlines;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseNumber;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Channel;
import org.hotline12345.workflow.cases.Location;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.cases.WarningLevel;
import org.hotline12345.workflow.deadline.PausedClock;
import org.hotline12345.workflow.handling.Assistance;

/** One row of {@code hw_case}: the queryable state of a case. */
record CaseRow(
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
        Instant signForDue,
        Instant handlingDue,
        Instant callbackDue,
        WarningLevel warning,
        int extendedWorkingDays,
        Instant suspendedSince,
        PausedClock pausedClock,
        int returns,
        int reopens,
        ReplyResult replyResult,
        Satisfaction satisfaction,
        Boolean resolved,
        String processInstanceId,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        CaseId masterId,
        int assistParts,
        long version) {

    /**
     * The view for a reader; {@code showCallerContact} false hides the caller's name and phone.
     *
     * @param assistance the assisting units' parts of the case, oldest first
     */
    CaseView toView(ZoneId zone, boolean showCallerContact, List<Assistance> assistance) {
        Caller shownCaller = caller;
        if (!showCallerContact && caller != null) {
            shownCaller = new Caller(caller.maskedName(), caller.maskedPhone(), caller.anonymous(), caller.confidential());
        }
        return new CaseView(id, number, externalId, status, category, urgency, channel, subject, description, shownCaller,
                location, leadUnit, routingSuggestion, suggestedAssistingUnits, new CaseDeadlines(at(signForDue, zone), at(handlingDue, zone), at(callbackDue, zone)),
                warning, extendedWorkingDays, at(suspendedSince, zone), returns, reopens, replyResult, satisfaction, at(createdAt, zone), at(closedAt, zone),
                masterId, assistance, version);
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}

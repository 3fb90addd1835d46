package org.hotline12345.examples.plainjava;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.hotline12345.workflow.bpmn.EngineClock;
import org.hotline12345.workflow.timeline.CaseEventType;
import org.hotline12345.workflow.timeline.TimelineEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlainJavaExampleTest {

    @AfterEach
    void systemClock() {
        EngineClock.reset();
    }

    /**
     * The example runs on the system clock. Here time runs from a Tuesday morning: dispatched on a weekend or a
     * holiday, the case's sign-for deadline is the end of the next working day, its yellow card is due at once, and
     * whether the job executor issues it before the sign-for is a race.
     */
    @Test
    void theExampleRunsOneCaseToClosureAndPrintsItsTimeline() {
        EngineClock.runFrom(OffsetDateTime.parse("2026-11-24T10:00:00+08:00").toInstant());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<TimelineEntry> timeline = PlainJavaExample.run("jdbc:h2:mem:plain-java-test;DB_CLOSE_DELAY=-1",
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(timeline).extracting(TimelineEntry::type).containsExactly(CaseEventType.CASE_REGISTERED,
                CaseEventType.CASE_DISPATCHED, CaseEventType.CASE_SIGNED_FOR, CaseEventType.CASE_REPLIED,
                CaseEventType.REPLY_APPROVED, CaseEventType.CALLBACK_RECORDED, CaseEventType.CASE_CLOSED);
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("Registered RX").contains("(CLOSED)").contains("CaseDispatched").contains("CaseClosed");
    }
}

package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.THURSDAY_MORNING;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline12345.workflow.CaseNotFoundException;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.IllegalCaseStateException;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.events.CaseEventListener;
import org.hotline12345.workflow.events.CaseEventNotice;
import org.hotline12345.workflow.events.FailedDelivery;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.timeline.CaseEventType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every domain event reaches the host's listeners after commit; a failing listener is retried and never holds a case up. */
class EventDeliveryTest {

    /** Records what it is told. */
    static final class Recording implements CaseEventListener {
        final List<CaseEventNotice> notices = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "sms";
        }

        @Override
        public void onEvent(CaseEventNotice notice) {
            notices.add(notice);
        }
    }

    /** Fails the first {@code failing} attempts at each event. */
    static final class Flaky implements CaseEventListener {
        final AtomicInteger failing = new AtomicInteger();
        final List<CaseEventNotice> notices = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "wecom";
        }

        @Override
        public void onEvent(CaseEventNotice notice) {
            notices.add(notice);
            if (notice.attempt() <= failing.get()) {
                throw new IllegalStateException("WeCom gateway unavailable");
            }
        }
    }

    static final Recording SMS = new Recording();
    static final Flaky WECOM = new Flaky();

    @RegisterExtension
    static final CityEngine CITY = new CityEngine(builder -> builder.eventListener(SMS).eventListener(WECOM)
            .retryDelays(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5))));

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    @BeforeEach
    void reset() {
        Timers.fireDue(CITY.engine());
        SMS.notices.clear();
        WECOM.notices.clear();
        WECOM.failing.set(0);
    }

    @Test
    void listenersHearOfEveryEventAfterCommitWithAStableKey() {
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        assertThat(SMS.notices).as("nothing before the job executor runs").isEmpty();

        Timers.fireDue(CITY.engine());

        assertThat(SMS.notices).extracting(CaseEventNotice::eventName).containsExactlyInAnyOrder("CaseRegistered", "CaseDispatched");
        CaseEventNotice dispatched = SMS.notices.stream().filter(n -> n.sequence() == 2).findFirst().orElseThrow();
        assertThat(dispatched.idempotencyKey()).isEqualTo(id.value() + ":2");
        assertThat(dispatched.caseNumber().value()).startsWith("RX20261126");
        assertThat(dispatched.unit()).isEqualTo(LIXIA);
        assertThat(dispatched.deadline()).as("the new sign-for deadline").isEqualTo(OffsetDateTime.parse("2026-11-27T23:59:59+08:00"));
        assertThat(dispatched.attempt()).isEqualTo(1);
        assertThat(WECOM.notices).hasSize(2);
    }

    @Test
    void aRefusedCallNotifiesNobody() {
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        Timers.fireDue(CITY.engine());
        SMS.notices.clear();

        assertThatThrownBy(() -> workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "too early")))
                .isInstanceOf(IllegalCaseStateException.class);
        Timers.fireDue(CITY.engine());

        assertThat(SMS.notices).isEmpty();
    }

    @Test
    void aFailingListenerIsRetriedLaterWhileTheCaseMovesOn() {
        WECOM.failing.set(2);
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();
        Timers.fireDue(CITY.engine());
        assertThat(WECOM.notices).hasSize(1);
        assertThat(SMS.notices).as("the other listener is not held up").hasSize(1);

        assertThat(workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null)).status()).isEqualTo(CaseStatus.DISPATCHED);
        EngineClock.freezeAt(THURSDAY_MORNING.plusSeconds(61));
        Timers.fireDue(CITY.engine());
        EngineClock.freezeAt(THURSDAY_MORNING.plusSeconds(61 + 301));
        Timers.fireDue(CITY.engine());

        assertThat(WECOM.notices).filteredOn(n -> n.type() == CaseEventType.CASE_REGISTERED)
                .extracting(CaseEventNotice::attempt).containsExactly(1, 2, 3);
        assertThat(WECOM.notices).filteredOn(n -> n.type() == CaseEventType.CASE_REGISTERED)
                .extracting(CaseEventNotice::idempotencyKey).containsOnly(id.value() + ":1");
        assertThat(CITY.engine().eventDeliveries().failed()).isEmpty();
    }

    @Test
    void aListenerThatKeepsFailingIsLeftForAnOperatorToRetry() {
        WECOM.failing.set(100);
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();
        Timers.fireDue(CITY.engine());
        EngineClock.freezeAt(THURSDAY_MORNING.plusSeconds(61));
        Timers.fireDue(CITY.engine());
        EngineClock.freezeAt(THURSDAY_MORNING.plusSeconds(61 + 301));
        Timers.fireDue(CITY.engine());

        List<FailedDelivery> failed = CITY.engine().eventDeliveries().failed();
        assertThat(failed).singleElement().satisfies(delivery -> {
            assertThat(delivery.listener()).isEqualTo("wecom");
            assertThat(delivery.caseId()).isEqualTo(id);
            assertThat(delivery.sequence()).isEqualTo(1);
            assertThat(delivery.attempts()).isEqualTo(3);
            assertThat(delivery.error()).contains("WeCom gateway unavailable");
        });
        assertThat(CITY.engine().processEngine().getRuntimeService().createIncidentQuery().count())
                .as("visible in Cockpit as an incident").isEqualTo(1);
        assertThat(workflow().caseView(operator(), id).status()).isEqualTo(CaseStatus.REGISTERED);

        WECOM.failing.set(0);
        CITY.engine().eventDeliveries().retry(failed.get(0).id());
        Timers.fireDue(CITY.engine());

        assertThat(CITY.engine().eventDeliveries().failed()).isEmpty();
        assertThat(WECOM.notices).last().satisfies(notice -> {
            assertThat(notice.type()).isEqualTo(CaseEventType.CASE_REGISTERED);
            assertThat(notice.attempt()).isEqualTo(1);
        });
        assertThatThrownBy(() -> CITY.engine().eventDeliveries().retry("no-such-delivery")).isInstanceOf(CaseNotFoundException.class);
    }
}

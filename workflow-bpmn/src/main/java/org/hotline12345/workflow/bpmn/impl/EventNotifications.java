package org.hotline12345.workflow.bpmn.impl;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.hotline12345.workflow.CaseNotFoundException;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.events.CaseEventListener;
import org.hotline12345.workflow.events.CaseEventNotice;
import org.hotline12345.workflow.events.EventDeliveries;
import org.hotline12345.workflow.events.FailedDelivery;

/**
 * Delivers recorded events to the host's {@link CaseEventListener}s through the engine's job executor: one job per
 * event and listener, written in the event's own transaction (so nothing is delivered for a change that rolled back,
 * and nothing committed is lost), run after the commit. A listener that throws is called again after each of the
 * retry delays; after the last one the job is left failed (an incident in Cockpit) and listed by {@link #failed()}.
 * Deliveries of one case's events run independently and may arrive out of order: the notice's sequence orders them.
 */
final class EventNotifications implements JobHandler<EventNotifications.Delivery>, EventDeliveries {

    static final String JOB_TYPE = "hotline-event-delivery";
    private static final System.Logger LOG = System.getLogger(EventNotifications.class.getName());

    private final Map<String, CaseEventListener> listeners = new LinkedHashMap<>();
    private final List<Duration> retryDelays;
    private final CaseStore store;
    private final Clock clock;
    private final ZoneId zone;
    private volatile ProcessEngine engine;

    EventNotifications(List<CaseEventListener> listeners, List<Duration> retryDelays, CaseStore store, Clock clock, ZoneId zone) {
        for (CaseEventListener listener : listeners) {
            if (this.listeners.putIfAbsent(listener.name(), listener) != null) {
                throw new IllegalArgumentException("two event listeners are named " + listener.name());
            }
        }
        this.retryDelays = List.copyOf(retryDelays);
        this.store = store;
        this.clock = clock;
        this.zone = zone;
    }

    void bind(ProcessEngine engine) {
        this.engine = engine;
    }

    /** What one delivery job carries: the listener, the event, and which attempt this is. */
    record Delivery(String listener, CaseId caseId, long sequence, int attempt) implements JobHandlerConfiguration {

        @Override
        public String toCanonicalString() {
            return attempt + "|" + sequence + "|" + caseId.value() + "|" + listener;
        }

        static Delivery parse(String canonical) {
            String[] parts = canonical.split("\\|", 4);
            return new Delivery(parts[3], CaseId.of(parts[2]), Long.parseLong(parts[1]), Integer.parseInt(parts[0]));
        }

        String key() {
            return caseId.value() + ":" + sequence;
        }
    }

    /** Queues the event's delivery to every listener, in the current command's transaction. */
    void enqueue(CaseId caseId, long sequence) {
        for (String listener : listeners.keySet()) {
            schedule(new Delivery(listener, caseId, sequence, 1), null);
        }
    }

    private void schedule(Delivery delivery, Instant due) {
        MessageEntity message = new MessageEntity();
        message.setJobHandlerType(JOB_TYPE);
        message.setJobHandlerConfiguration(delivery);
        // The last attempt fails for good at once: no further immediate engine retries.
        message.setRetries(delivery.attempt() > retryDelays.size() ? 1 : 3);
        // Due now at the latest, so that a job executor acquiring by due date delivers in about the order recorded.
        message.setDuedate(Date.from(due != null ? due : clock.instant()));
        Context.getCommandContext().getJobManager().send(message);
    }

    @Override
    public String getType() {
        return JOB_TYPE;
    }

    @Override
    public Delivery newConfiguration(String canonical) {
        return Delivery.parse(canonical);
    }

    @Override
    public void execute(Delivery delivery, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
        CaseEventListener listener = listeners.get(delivery.listener());
        if (listener == null) {
            LOG.log(Level.WARNING, "Event {0} was queued for listener {1}, which this node no longer has; dropped",
                    delivery.key(), delivery.listener());
            return;
        }
        StoredEvent event = store.event(delivery.caseId(), delivery.sequence()).orElse(null);
        CaseRow row = store.find(delivery.caseId()).orElse(null);
        if (event == null || row == null) {
            LOG.log(Level.WARNING, "Event {0} no longer exists; its delivery to {1} is dropped", delivery.key(), delivery.listener());
            return;
        }
        CaseEventNotice notice = new CaseEventNotice(delivery.key(), event.caseId(), row.number(), event.sequence(), event.type(),
                event.type().eventName(), CaseRow.at(event.occurredAt(), zone), event.actor(), event.actorUnit(), event.detail(),
                CaseRow.at(event.deadline(), zone), delivery.attempt());
        try {
            listener.onEvent(notice);
        } catch (Exception e) {
            if (delivery.attempt() > retryDelays.size()) {
                throw new ProcessEngineException("delivery of " + event.type().eventName() + " " + delivery.key() + " to "
                        + delivery.listener() + " failed " + delivery.attempt() + " times; last error: " + e, e);
            }
            Duration delay = retryDelays.get(delivery.attempt() - 1);
            LOG.log(Level.WARNING, "Delivery of {0} to {1} failed (attempt {2}), retrying in {3}: {4}", delivery.key(),
                    delivery.listener(), delivery.attempt(), delay, e.toString());
            schedule(new Delivery(delivery.listener(), delivery.caseId(), delivery.sequence(), delivery.attempt() + 1),
                    clock.instant().plus(delay));
        }
    }

    @Override
    public void onDelete(Delivery delivery, JobEntity job) {
        // Nothing of ours to clean up: the event stays in the timeline.
    }

    @Override
    public List<FailedDelivery> failed() {
        List<FailedDelivery> failed = new ArrayList<>();
        for (Job job : engine.getManagementService().createJobQuery().noRetriesLeft().orderByJobId().asc().list()) {
            if (job instanceof JobEntity entity && JOB_TYPE.equals(entity.getJobHandlerType())) {
                Delivery delivery = Delivery.parse(entity.getJobHandlerConfigurationRaw());
                failed.add(new FailedDelivery(job.getId(), delivery.listener(), delivery.caseId(), delivery.sequence(),
                        delivery.attempt(), job.getExceptionMessage()));
            }
        }
        return failed;
    }

    @Override
    public void retry(String deliveryId) {
        if (failed().stream().noneMatch(delivery -> delivery.id().equals(deliveryId))) {
            throw new CaseNotFoundException("failed delivery", deliveryId);
        }
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            JobEntity job = commandContext.getJobManager().findJobById(deliveryId);
            Delivery delivery = Delivery.parse(job.getJobHandlerConfigurationRaw());
            job.delete();
            schedule(new Delivery(delivery.listener(), delivery.caseId(), delivery.sequence(), 1), null);
            return null;
        });
    }
}

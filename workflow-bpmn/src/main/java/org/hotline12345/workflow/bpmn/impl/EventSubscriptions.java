package org.hotline12345.workflow.bpmn.impl;

import org.camunda.bpm.engine.impl.event.EventType;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionManager;

/**
 * The engine's event subscriptions, except that deleting a message subscription does not look for jobs that deliver
 * an event to it.
 *
 * <p>When a subscription is deleted, the engine looks for the jobs that would deliver an event to it later
 * ({@code ACT_RU_JOB} by handler type and configuration) and deletes them. Only a signal thrown asynchronously and an
 * asynchronous compensation create such jobs; a correlated message is delivered in the correlating command itself.
 * So for a message subscription the look-up finds nothing, and it ran for each of them: the handling task's
 * extension, transfer and suspension boundary events are three subscriptions that the reply deletes, about 3 of a
 * case's 175 statements. Other subscriptions are deleted as the engine does.
 */
public final class EventSubscriptions extends EventSubscriptionManager {

    /** Opens this manager where the engine opens its own. */
    public static SessionFactory sessionFactory() {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return EventSubscriptionManager.class;
            }

            @Override
            public Session openSession() {
                return new EventSubscriptions();
            }
        };
    }

    @Override
    public void deleteEventSubscription(EventSubscriptionEntity subscription) {
        if (subscription.isSubscriptionForEventType(EventType.MESSAGE)) {
            getDbEntityManager().delete(subscription);
        } else {
            super.deleteEventSubscription(subscription);
        }
    }
}

package org.hotline12345.workflow.events;

/**
 * The one SPI through which a host hears of every domain event (SMS, WeCom, e-mail are the host's business).
 *
 * <p>Delivery happens after the transaction that recorded the event has committed, from the engine's job executor,
 * once per event and listener. A listener that throws is called again later with a growing delay; the case is never
 * held up by it. When the retries are spent, the delivery shows up among the failed deliveries, where an operator
 * can retry it. A delivery may therefore arrive more than once: {@link CaseEventNotice#idempotencyKey()} is the same
 * every time, so a host can drop duplicates.
 */
public interface CaseEventListener {

    /** A stable name: deliveries are kept per listener, and survive a restart under this name. */
    default String name() {
        return getClass().getName();
    }

    /** Handles one event; throwing asks for a later retry. */
    void onEvent(CaseEventNotice notice) throws Exception;
}

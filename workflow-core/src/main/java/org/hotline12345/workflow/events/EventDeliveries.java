package org.hotline12345.workflow.events;

import java.util.List;
import org.hotline12345.workflow.CaseNotFoundException;

/** What an operator needs when a host's listener kept failing: see the failed deliveries and send them again. */
public interface EventDeliveries {

    /** Deliveries whose retries are spent, oldest first. */
    List<FailedDelivery> failed();

    /**
     * Sends a failed delivery again, at once, with a fresh round of retries.
     *
     * @throws CaseNotFoundException when no failed delivery has that id
     */
    void retry(String deliveryId);
}

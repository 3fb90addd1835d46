package org.hotline12345.workflow.bpmn;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs the jobs that are due at the engine's current time (timers, event deliveries), as a job executor would. */
final class Timers {

    private Timers() {
    }

    /** Executes every job due now, earliest first (and any that become due through them); returns how many ran. */
    static int fireDue(HotlineWorkflowEngine engine) {
        ManagementService management = engine.processEngine().getManagementService();
        int fired = 0;
        while (true) {
            List<Job> due = management.createJobQuery().executable().active().orderByJobDuedate().asc().list();
            if (due.isEmpty()) {
                return fired;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // As in the job executor: the engine has recorded the failure on the job.
                }
                fired++;
            }
        }
    }
}

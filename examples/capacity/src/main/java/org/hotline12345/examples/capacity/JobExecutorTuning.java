package org.hotline12345.examples.capacity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;

/**
 * The same job executor for both runs: a fixed pool, and short idle waits, since the simulation moves the clock and
 * timers fall due without the hint a new job gives the executor (the default idle wait is up to a minute).
 */
final class JobExecutorTuning {

    private JobExecutorTuning() {
    }

    static void apply(ProcessEngineConfigurationImpl configuration, int threads) {
        DefaultJobExecutor executor = new DefaultJobExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueSize(threads * 10);
        executor.setMaxJobsPerAcquisition(threads * 5);
        executor.setWaitTimeInMillis(20);
        executor.setMaxWait(100);
        configuration.setJobExecutor(executor);
    }

    /** As a plugin, for the library's engine builder. */
    static AbstractProcessEnginePlugin plugin(int threads) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                apply(configuration, threads);
            }
        };
    }
}

package org.hotline12345.workflow.bpmn.impl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.EntityLoadListener;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSession;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.management.JobDefinition;

/**
 * What never changes in the engine's job definitions, remembered for the engine's lifetime, so that a job does not
 * read its definition from the database each time it runs or ends.
 *
 * <p>A job reads its definition for its activity id when it runs, and for the definition's type and configuration
 * when the job log records that it ran or was deleted: one statement a job unless its command read that definition
 * already. Every timer of a case pays it once, when its card fires or when the step it watches is done first: in the
 * capacity simulation on PostgreSQL, 4 of a case's 179 statements and one of a card's 22 in the job executor. Those
 * facts are fixed when the definition is deployed. Whether the definition is suspended and its overriding priority
 * are not: they are read from the database whenever asked, and the engine reads the definition itself, not these
 * facts, when it creates a job.
 *
 * <p>The engine loads every entity through its persistence session; {@link #sessionFactory()} opens the engine's
 * session with this listener attached. A definition's facts are learnt the first time the engine loads it, and a job
 * loaded afterwards carries them as its definition.
 */
public final class KnownJobDefinitions implements EntityLoadListener {

    private final Map<String, JobDefinition> known = new ConcurrentHashMap<>();

    @Override
    public void onEntityLoaded(DbEntity entity) {
        if (entity instanceof JobDefinitionEntity definition) {
            known.putIfAbsent(definition.getId(), new Facts(definition));
        } else if (entity instanceof JobEntity job && job.getJobDefinitionId() != null) {
            JobDefinition facts = known.get(job.getJobDefinitionId());
            if (facts != null) {
                job.setJobDefinition(facts);
            }
        }
    }

    /** Opens the engine's persistence session, as the engine's own factory does, with this listener attached. */
    public SessionFactory sessionFactory() {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return PersistenceSession.class;
            }

            @Override
            public Session openSession() {
                DbSqlSession session = Context.getCommandContext().getDbSqlSession();
                session.addEntityLoadListener(KnownJobDefinitions.this);
                return session;
            }
        };
    }

    /** A job definition's fixed facts; what can change is read from the current command's database state. */
    private static final class Facts implements JobDefinition {

        private final String id;
        private final String processDefinitionId;
        private final String processDefinitionKey;
        private final String jobType;
        private final String jobConfiguration;
        private final String activityId;
        private final String tenantId;
        private final String deploymentId;

        Facts(JobDefinitionEntity definition) {
            id = definition.getId();
            processDefinitionId = definition.getProcessDefinitionId();
            processDefinitionKey = definition.getProcessDefinitionKey();
            jobType = definition.getJobType();
            jobConfiguration = definition.getJobConfiguration();
            activityId = definition.getActivityId();
            tenantId = definition.getTenantId();
            deploymentId = definition.getDeploymentId();
        }

        private JobDefinitionEntity current() {
            CommandContext context = Context.getCommandContext();
            if (context == null) {
                throw new IllegalStateException("job definition " + id + ": whether it is suspended, and its priority, are "
                        + "read inside an engine command; outside one, ask the ManagementService's job definition query");
            }
            return context.getJobDefinitionManager().findById(id);
        }

        @Override
        public boolean isSuspended() {
            JobDefinitionEntity current = current();
            return current != null && current.isSuspended();
        }

        @Override
        public Long getOverridingJobPriority() {
            JobDefinitionEntity current = current();
            return current == null ? null : current.getOverridingJobPriority();
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getProcessDefinitionId() {
            return processDefinitionId;
        }

        @Override
        public String getProcessDefinitionKey() {
            return processDefinitionKey;
        }

        @Override
        public String getJobType() {
            return jobType;
        }

        @Override
        public String getJobConfiguration() {
            return jobConfiguration;
        }

        @Override
        public String getActivityId() {
            return activityId;
        }

        @Override
        public String getTenantId() {
            return tenantId;
        }

        @Override
        public String getDeploymentId() {
            return deploymentId;
        }
    }
}

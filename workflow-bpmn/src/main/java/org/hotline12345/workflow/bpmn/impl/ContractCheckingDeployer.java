package org.hotline12345.workflow.bpmn.impl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.hotline12345.workflow.bpmn.DiagramContract;
import org.hotline12345.workflow.bpmn.DiagramContractException;

/**
 * Runs the {@link DiagramContract} before the engine parses a new deployment, whichever way it arrives (the
 * library, a host's code, Cockpit, the REST API). A broken diagram fails the deployment as a whole, so the
 * versions already deployed stay in service. Deployments loaded again from the database (after a restart) were
 * checked when they were new and are not checked again.
 */
public final class ContractCheckingDeployer implements Deployer {

    private final DiagramContract contract;

    public ContractCheckingDeployer(DiagramContract contract) {
        this.contract = contract;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            resources.put(resource.getName(), resource.getBytes());
        }
        List<String> problems = contract.problems(resources);
        if (!problems.isEmpty()) {
            throw new DiagramContractException(problems);
        }
        // Any deployment may hold a new version of a policy table: once it has committed, steps ask for it.
        ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
        Context.getCommandContext().getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTED, committed -> PolicyDecisions.deployed(configuration));
    }
}

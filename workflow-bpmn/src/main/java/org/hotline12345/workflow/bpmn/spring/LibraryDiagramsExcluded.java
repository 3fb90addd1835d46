package org.hotline12345.workflow.bpmn.spring;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.hotline12345.workflow.bpmn.HotlineEnginePlugin;
import org.springframework.core.io.Resource;

/**
 * The Camunda starter deploys every diagram it finds on the class path, which would include the library's
 * own. The library deploys those itself (under its deployment name, after its checks), so the starter's
 * scan leaves them out; everything else of the host's is deployed as before.
 */
class LibraryDiagramsExcluded extends DefaultDeploymentConfiguration {

    @Override
    public Set<Resource> getDeploymentResources() {
        return super.getDeploymentResources().stream()
                .filter(resource -> !isLibraryDiagram(resource))
                .collect(Collectors.toSet());
    }

    private static boolean isLibraryDiagram(Resource resource) {
        try {
            return resource.getURL().toString().contains(HotlineEnginePlugin.DIAGRAM_PATH);
        } catch (IOException e) {
            return false;
        }
    }
}

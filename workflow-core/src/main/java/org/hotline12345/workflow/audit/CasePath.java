package org.hotline12345.workflow.audit;

import java.util.List;

/**
 * The path one process instance of a case took through its diagram, for drawing: the diagram of the version it ran
 * on, the elements it passed and the ones it is at now.
 *
 * @param diagramXml the BPMN 2.0 XML of that version, as deployed
 * @param passed ids of the activities and events the instance went through, in order
 * @param current ids of the activities it waits at now (empty once it ended)
 */
public record CasePath(String processInstanceId, String processKey, int version, String diagramXml, List<String> passed,
        List<String> current) {

    public CasePath {
        passed = List.copyOf(passed);
        current = List.copyOf(current);
    }
}

package org.hotline12345.examples.portal;

import java.util.List;
import org.hotline12345.examples.portal.ApiJson.CaseJson;
import org.hotline12345.examples.portal.ApiJson.CompleteTaskJson;
import org.hotline12345.examples.portal.ApiJson.TaskJson;
import org.hotline12345.workflow.HotlineWorkflow;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's worklist, and completion of steps analysts added to the diagrams. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final HotlineWorkflow workflow;

    TaskController(HotlineWorkflow workflow) {
        this.workflow = workflow;
    }

    @GetMapping
    List<TaskJson> openTasks(Authentication user) {
        return workflow.openTasks(Actors.of(user)).stream().map(TaskJson::of).toList();
    }

    @PostMapping("/{taskId}/complete")
    CaseJson complete(Authentication user, @PathVariable String taskId, @RequestBody(required = false) CompleteTaskJson body) {
        return CaseJson.of(workflow.completeTask(Actors.of(user), taskId, body == null ? null : body.variables()));
    }
}

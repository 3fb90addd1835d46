package org.hotline12345.examples.portal;

import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.access.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The audit page of a case (auditors and supervisors): its diagrams with the path taken, and its timeline. */
@Controller
class AuditPage {

    @GetMapping("/audit/cases/{id}")
    String page(Authentication user, @PathVariable String id) {
        Actor actor = Actors.of(user);
        if (!actor.has(Role.AUDITOR) && !actor.has(Role.SUPERVISOR)) {
            throw new NotAuthorizedException("user '" + actor.userId() + "' may not open audit pages: it needs AUDITOR or SUPERVISOR");
        }
        return "forward:/audit/case.html";
    }
}

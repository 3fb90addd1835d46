package org.hotline12345.examples.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The audit page of a case (auditors and supervisors): its diagrams with the path taken, and its timeline. */
@Controller
class AuditPage {

    @GetMapping("/audit/cases/{id}")
    String page(@PathVariable String id) {
        return "forward:/audit/case.html";
    }
}

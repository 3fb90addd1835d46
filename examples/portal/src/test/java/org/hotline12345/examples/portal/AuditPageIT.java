package org.hotline12345.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.access.Role;
import org.hotline12345.workflow.bpmn.EngineClock;
import org.hotline12345.workflow.cases.Caller;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Channel;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.dispatch.ReturnDecision;
import org.hotline12345.workflow.dispatch.ReturnReason;
import org.hotline12345.workflow.dispatch.ReturnRequest;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.intake.IntakeRequest;
import org.hotline12345.workflow.review.CallbackResult;
import org.hotline12345.workflow.review.ReviewDecision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit page in a real headless Chromium: a case that was returned and reopened shows its diagrams with the path
 * taken and where it is now, and its timeline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-audit-page;DB_CLOSE_DELAY=-1",
        "hotline.workflow.demo.clock-start=2026-11-26T02:00:00Z"})
class AuditPageIT {

    @LocalServerPort
    int port;

    @Autowired
    HotlineWorkflow workflow;

    @AfterAll
    static void realTimeAgain() {
        EngineClock.reset();
    }

    private CaseId returnedAndReopened() {
        Actor operator = Actor.hotlineOffice("operator", Role.OPERATOR);
        Actor dispatcher = Actor.hotlineOffice("dispatcher", Role.DISPATCHER);
        Actor lixia = Actor.unitHandler("lixia", UnitId.of("lixia"));
        Actor shizhong = Actor.unitHandler("shizhong", UnitId.of("shizhong"));
        CaseId id = workflow.intake(operator, new IntakeRequest(null, Channel.PHONE, Category.COMPLAINT, null, "Broken pavement",
                null, new Caller("张三", "13812345678", false, false), null)).caseView().id();
        workflow.dispatch(dispatcher, id, new DispatchOrder(UnitId.of("lixia"), null));
        workflow.requestReturn(lixia, id, new ReturnRequest(ReturnReason.OUTSIDE_AREA, "The street is in Shizhong."));
        workflow.decideReturn(dispatcher, id, new ReturnDecision(true, "checked", UnitId.of("shizhong")));
        workflow.signFor(shizhong, id);
        workflow.reply(shizhong, id, new Reply(ReplyResult.RESOLVED, "Repaired."));
        workflow.review(dispatcher, id, new ReviewDecision(true, null));
        workflow.callback(operator, id, new CallbackResult(Satisfaction.UNSATISFIED, false, "still broken"));
        return id;
    }

    @Test
    void theAuditPageShowsThePathTakenAndTheTimeline() throws Exception {
        CaseId id = returnedAndReopened();
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--window-size=1600,2200");
        ChromeDriver browser = new ChromeDriver(options);
        try {
            browser.executeCdpCommand("Network.enable", Map.of());
            browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString("auditor:demo".getBytes(StandardCharsets.UTF_8)))));
            browser.get("http://localhost:" + port + "/audit/cases/" + id.value());
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(driver -> driver.findElement(By.tagName("body")).getAttribute("data-ready") != null);
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "audit-page.png"), browser.getScreenshotAs(OutputType.BYTES));

            assertThat(browser.findElement(By.tagName("body")).getAttribute("data-ready")).isEqualTo("true");
            assertThat(browser.findElement(By.id("chain")).getText()).startsWith("Audit chain intact");
            List<WebElement> diagrams = browser.findElements(By.cssSelector(".diagram"));
            assertThat(diagrams).extracting(d -> d.getAttribute("data-process-key"))
                    .containsExactly("hotline-case", "unit-handling", "unit-handling", "unit-handling");
            WebElement caseDiagram = diagrams.get(0);
            assertThat(marked(caseDiagram, "UserTask_Review")).contains("passed");
            assertThat(marked(caseDiagram, "UserTask_Callback")).contains("passed");
            assertThat(marked(caseDiagram, "CallActivity_UnitHandling")).contains("current");
            assertThat(marked(caseDiagram, "EndEvent_CaseClosed")).doesNotContain("passed");
            assertThat(marked(diagrams.get(1), "UserTask_DecideReturn")).as("lixia's part: returned").contains("passed");
            assertThat(marked(diagrams.get(1), "UserTask_Handle")).doesNotContain("passed");
            assertThat(marked(diagrams.get(3), "UserTask_Handle")).as("the rework, waiting now").contains("current");
            assertThat(marked(diagrams.get(3), "ServiceTask_StartReworkClock")).contains("passed");

            List<String> events = browser.findElements(By.cssSelector("#timeline-rows tr.source-AUDIT")).stream()
                    .map(row -> row.getAttribute("data-event")).toList();
            assertThat(events).containsSubsequence("CaseRegistered", "CaseDispatched", "ReturnRequested", "ReturnAccepted",
                    "CaseDispatched", "CaseSignedFor", "CaseReplied", "ReplyApproved", "CallbackRecorded", "CaseReopened");
            assertThat(browser.findElements(By.cssSelector("#timeline-rows tr.source-ENGINE"))).isNotEmpty();
        } finally {
            browser.quit();
        }
    }

    /** The classes of a diagram element's shape: bpmn-js draws each as a group with its id. */
    private static String marked(WebElement diagram, String elementId) {
        return diagram.findElement(By.cssSelector("g.djs-element[data-element-id='" + elementId + "']")).getAttribute("class");
    }
}

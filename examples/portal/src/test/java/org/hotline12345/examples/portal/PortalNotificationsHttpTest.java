package org.hotline12345.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import org.hotline12345.workflow.bpmn.EngineClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A notification channel that fails: the case goes on, the deliveries end up failed, a supervisor retries them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-notifications;DB_CLOSE_DELAY=-1",
        "hotline.workflow.event-delivery-retry-delays=1s",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500"})
class PortalNotificationsHttpTest {

    @LocalServerPort
    int port;

    @AfterAll
    static void realTimeAgain() {
        EngineClock.reset();
    }

    private JsonNode call(String method, String user, String path, String json, int expectedStatus) throws Exception {
        HttpResponse<String> response = new DemoHttp(port).send(method, user, path, json);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
        return DemoHttp.json(response.body());
    }

    private JsonNode failedDeliveries(int atLeast) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode failed = call("GET", "supervisor", "/api/notifications/failed", null, 200);
        while (failed.size() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(200);
            failed = call("GET", "supervisor", "/api/notifications/failed", null, 200);
        }
        return failed;
    }

    @Test
    void failedDeliveriesAreListedAndRetriedWhileTheCaseGoesOn() throws Exception {
        // A working-day morning, whatever the day the test runs: dispatched on a weekend or a holiday, the case's
        // sign-for deadline is within a working day at once, and its yellow card would be a third failed delivery.
        EngineClock.runFrom(OffsetDateTime.parse("2026-11-24T10:00:00+08:00").toInstant());
        call("POST", "operator", "/api/demo/notifications", "{\"failing\": true}", 200);
        String id = call("POST", "operator", "/api/cases", """
                {"channel": "APP", "category": "HELP", "subject": "Blocked drain", "caller": {"anonymous": true}}""", 201)
                .get("id").asText();
        assertThat(call("POST", "dispatcher", "/api/cases/" + id + "/dispatch", "{\"leadUnit\": \"huaiyin\"}", 200)
                .get("status").asText()).isEqualTo("DISPATCHED");

        JsonNode failed = failedDeliveries(2);
        assertThat(failed).hasSize(2);
        for (JsonNode delivery : failed) {
            assertThat(delivery.get("listener").asText()).isEqualTo("demo-failing");
            assertThat(delivery.get("caseId").asText()).isEqualTo(id);
            assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
            assertThat(delivery.get("error").asText()).contains("switched to fail");
        }
        call("GET", "dispatcher", "/api/notifications/failed", null, 403);

        call("POST", "operator", "/api/demo/notifications", "{\"failing\": false}", 200);
        for (JsonNode delivery : failed) {
            call("POST", "supervisor", "/api/notifications/" + delivery.get("id").asText() + "/retry", null, 200);
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (call("GET", "supervisor", "/api/notifications/failed", null, 200).size() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(call("GET", "supervisor", "/api/notifications/failed", null, 200)).isEmpty();
        call("POST", "supervisor", "/api/notifications/no-such-delivery/retry", null, 404);
    }
}

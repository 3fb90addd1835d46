package org.hotline12345.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.hotline12345.workflow.bpmn.EngineClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole lifecycle through real HTTP on a random port, as an outside client sees it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-http;DB_CLOSE_DELAY=-1",
        "hotline.workflow.demo.clock-start=2026-11-26T02:00:00Z"})
class PortalHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @AfterAll
    static void realTimeAgain() {
        EngineClock.reset();
    }

    record Response(int status, JsonNode body) {
    }

    private Response call(String method, String user, String path, String json) throws Exception {
        HttpResponse<String> response = new DemoHttp(port).send(method, user, path, json);
        return new Response(response.statusCode(), DemoHttp.json(response.body()));
    }

    private Response post(String user, String path, String json) throws Exception {
        return call("POST", user, path, json);
    }

    private Response get(String user, String path) throws Exception {
        return call("GET", user, path, null);
    }

    private Instant demoClock() throws Exception {
        return OffsetDateTime.parse(get("auditor", "/api/demo/clock").body().get("now").asText()).toInstant();
    }

    private static final String COMPLAINT = """
            {"externalId": "%s", "channel": "PHONE", "category": "COMPLAINT", "urgency": "NORMAL",
             "subject": "Construction noise after 22:00", "description": "Pile driving at night on Jingshi Road.",
             "caller": {"name": "张三", "phone": "13812345678"},
             "location": {"address": "历下区经十路100号", "areaCode": "370102"}}""";

    private String newCase(String externalId) throws Exception {
        Response created = post("operator", "/api/cases", COMPLAINT.formatted(externalId));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    @Test
    void aCaseGoesFromIntakeToClosureOverHttp() throws Exception {
        assertThat(post("operator", "/api/demo/clock", "{\"set\": \"2026-11-26T02:00:00Z\"}").body().get("now").asText())
                .startsWith("2026-11-26T10:00");

        Response created = post("operator", "/api/cases", COMPLAINT.formatted("wechat-20261126-1"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode view = created.body();
        String id = view.get("id").asText();
        assertThat(view.get("number").asText()).matches("RX20261126\\d{5}");
        assertThat(view.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(view.get("routingSuggestion").asText()).isEqualTo("lixia");
        assertThat(view.get("category").asText()).isEqualTo("COMPLAINT");
        assertThat(view.get("urgency").asText()).isEqualTo("NORMAL");
        assertThat(view.get("channel").asText()).isEqualTo("PHONE");
        assertThat(view.get("subject").asText()).isEqualTo("Construction noise after 22:00");
        assertThat(view.get("returns").asInt()).isZero();
        assertThat(view.get("reopens").asInt()).isZero();
        assertThat(view.get("createdAt").asText()).endsWith("+08:00");
        assertThat(view.has("closedAt")).isFalse();
        assertThat(view.get("deadlines").has("signFor")).isFalse();
        assertThat(view.get("warning").asText()).isEqualTo("NONE");
        assertThat(view.get("suspended").asBoolean()).isFalse();

        Response again = post("operator", "/api/cases", COMPLAINT.formatted("wechat-20261126-1"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asText()).isEqualTo(id);

        Response dispatched = post("dispatcher", "/api/cases/" + id + "/dispatch", "{\"leadUnit\": \"lixia\", \"note\": \"night work\"}");
        assertThat(dispatched.status()).isEqualTo(200);
        assertThat(dispatched.body().get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(dispatched.body().get("leadUnit").asText()).isEqualTo("lixia");
        assertThat(dispatched.body().get("deadlines").get("signFor").asText()).isEqualTo("2026-11-27T23:59:59+08:00");

        Response otherUnit = post("shizhong", "/api/cases/" + id + "/sign-for", null);
        assertThat(otherUnit.status()).isEqualTo(403);
        assertThat(otherUnit.body().get("error").asText()).isEqualTo("NOT_AUTHORIZED");
        assertThat(get("shizhong", "/api/cases/" + id).status()).isEqualTo(403);

        Response tooEarly = post("lixia", "/api/cases/" + id + "/reply", "{\"result\": \"RESOLVED\", \"text\": \"done\"}");
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.body().get("error").asText()).isEqualTo("ILLEGAL_STATE");
        assertThat(tooEarly.body().get("currentStatus").asText()).isEqualTo("DISPATCHED");

        Response worklist = get("lixia", "/api/tasks");
        assertThat(worklist.status()).isEqualTo(200);
        JsonNode task = findTask(worklist.body(), id);
        assertThat(task.get("step").asText()).isEqualTo("SIGN_FOR");
        assertThat(task.get("due").asText()).isEqualTo("2026-11-27T23:59:59+08:00");

        Response signed = post("lixia", "/api/cases/" + id + "/sign-for", null);
        assertThat(signed.body().get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(signed.body().get("deadlines").get("handling").asText()).isEqualTo("2026-12-03T23:59:59+08:00");
        assertThat(signed.body().get("caller").get("phone").asText()).as("the unit must call the citizen").isEqualTo("13812345678");

        Response asked = post("lixia", "/api/cases/" + id + "/extension", "{\"workingDays\": 2, \"reason\": \"Permit check.\"}");
        assertThat(asked.status()).isEqualTo(200);
        Response extended = post("dispatcher", "/api/cases/" + id + "/extension-decision", "{\"approved\": true}");
        assertThat(extended.body().get("deadlines").get("handling").asText()).isEqualTo("2026-12-07T23:59:59+08:00");
        assertThat(extended.body().get("extendedWorkingDays").asInt()).isEqualTo(2);
        assertThat(post("lixia", "/api/cases/" + id + "/extension", "{\"workingDays\": 9, \"reason\": \"More.\"}").status())
                .isEqualTo(400);
        assertThat(post("lixia", "/api/cases/" + id + "/suspend", "{\"reason\": \"Citizen abroad.\"}").body().get("suspended")
                .asBoolean()).as("a complaint waits for approval").isFalse();
        Response suspended = post("dispatcher", "/api/cases/" + id + "/suspension-decision", "{\"approved\": true}");
        assertThat(suspended.body().get("suspended").asBoolean()).isTrue();
        assertThat(post("lixia", "/api/cases/" + id + "/reply", "{\"result\": \"RESOLVED\", \"text\": \"x\"}").status()).isEqualTo(409);
        assertThat(post("lixia", "/api/cases/" + id + "/resume", null).body().get("suspended").asBoolean()).isFalse();

        assertThat(post("lixia", "/api/cases/" + id + "/reply", "{\"result\": \"RESOLVED\", \"text\": \"Night work stopped.\"}")
                .body().get("status").asText()).isEqualTo("REPLIED");
        Response approved = post("dispatcher", "/api/cases/" + id + "/review", "{\"approved\": true}");
        assertThat(approved.body().get("status").asText()).isEqualTo("CALLBACK");
        assertThat(approved.body().get("caller").get("phone").asText()).isEqualTo("138****5678");
        assertThat(approved.body().get("deadlines").get("callback").asText()).isEqualTo("2026-11-27T23:59:59+08:00");

        Response closed = post("operator", "/api/cases/" + id + "/callback",
                "{\"satisfaction\": \"SATISFIED\", \"resolved\": true, \"comment\": \"quiet now\"}");
        assertThat(closed.body().get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.body().get("closedAt").asText()).endsWith("+08:00");

        Response timeline = get("auditor", "/api/cases/" + id + "/timeline");
        List<String> types = new ArrayList<>();
        timeline.body().forEach(step -> {
            if (step.get("source").asText().equals("ENGINE")) {
                assertThat(step.get("type").asText()).isIn("ActivityEntered", "ActivityLeft", "ActivityCancelled", "VariableChanged");
                return;
            }
            types.add(step.get("type").asText());
            assertThat(step.get("actor").asText()).isNotBlank();
            assertThat(step.get("at").asText()).endsWith("+08:00");
            assertThat(step.get("detail").asText()).isNotBlank();
        });
        assertThat(types).containsExactly("CaseRegistered", "CaseDispatched", "CaseSignedFor", "ExtensionRequested",
                "ExtensionApproved", "SuspensionRequested", "CaseSuspended", "CaseResumed", "CaseReplied", "ReplyApproved",
                "CallbackRecorded", "CaseClosed");

        Response verified = get("auditor", "/api/cases/" + id + "/audit/verify");
        assertThat(verified.body().get("ok").asBoolean()).isTrue();
        assertThat(verified.body().get("recordsChecked").asInt()).isEqualTo(types.size());
        assertThat(timeline.body().findValuesAsText("elementId")).contains("UserTask_SignFor", "UserTask_Callback");
        assertThat(get("auditor", "/api/cases/" + id + "/audit").body().get(1).get("hash").asText()).hasSize(64);
        assertThat(get("supervisor", "/api/audit/verify").body().get("ok").asBoolean()).isTrue();
        assertThat(get("lixia", "/api/cases/" + id + "/audit/verify").status()).isEqualTo(403);
        Instant clockBefore = demoClock();
        JsonNode headDigest = get("auditor", "/api/audit/head-digest").body();
        assertThat(headDigest.get("digest").asText()).hasSize(64);
        assertThat(Instant.parse(headDigest.get("asOf").asText())).as("without asOf, now by the demo clock, behind the system clock")
                .isBetween(clockBefore, demoClock());
        assertThat(get("auditor", "/api/audit/digests").status()).isEqualTo(200);
        assertThat(get("lixia", "/audit/cases/" + id).status()).isEqualTo(403);
        assertThat(get("auditor", "/audit/cases/" + id).status()).isEqualTo(200);

        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/" + id
                        + "/export?format=csv")).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "auditor:demo".getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).contains("张*").contains("138****5678").doesNotContain("13812345678");
        assertThat(get("lixia", "/api/cases/" + id + "/export?format=csv").status()).isEqualTo(403);
        HttpResponse<String> period = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/audit/export?format=json&from=2026-11-26T00:00:00Z&to=2026-12-31T00:00:00Z&unit=lixia"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("supervisor:demo".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(period.body()).size()).isGreaterThanOrEqualTo(types.size());

        Response listed = get("lixia-leader", "/api/cases?unit=lixia&status=CLOSED&warning=NONE&page=0&size=50");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().get("items").findValuesAsText("id")).contains(id);
    }

    @Test
    void aReturnIsAcceptedAndTheCaseRedispatched() throws Exception {
        String id = newCase("web-return-1");
        post("dispatcher", "/api/cases/" + id + "/dispatch", "{\"leadUnit\": \"lixia\"}");

        Response unknownReason = post("lixia", "/api/cases/" + id + "/return",
                "{\"reasonCode\": \"TOO_BUSY\", \"reason\": \"We are busy.\"}");
        assertThat(unknownReason.status()).isEqualTo(400);
        assertThat(unknownReason.body().get("fields").get(0).get("field").asText()).isEqualTo("reasonCode");
        Response returning = post("lixia", "/api/cases/" + id + "/return",
                "{\"reasonCode\": \"OUTSIDE_AREA\", \"reason\": \"The site is in Shizhong.\"}");
        assertThat(returning.body().get("status").asText()).isEqualTo("RETURN_REQUESTED");
        Response redispatched = post("dispatcher", "/api/cases/" + id + "/return-decision",
                "{\"accepted\": true, \"note\": \"checked the map\", \"newLeadUnit\": \"shizhong\"}");

        assertThat(redispatched.status()).isEqualTo(200);
        assertThat(redispatched.body().get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(redispatched.body().get("leadUnit").asText()).isEqualTo("shizhong");
        assertThat(redispatched.body().get("returns").asInt()).isEqualTo(1);
    }

    @Test
    void aSecondReturnIsADisputeTheHotlineOfficeArbitrates() throws Exception {
        String id = newCase("web-dispute-1");
        post("dispatcher", "/api/cases/" + id + "/dispatch", "{\"leadUnit\": \"lixia\"}");
        post("lixia", "/api/cases/" + id + "/return", "{\"reasonCode\": \"OUTSIDE_AREA\", \"reason\": \"Shizhong's street.\"}");
        post("dispatcher", "/api/cases/" + id + "/return-decision", "{\"accepted\": true, \"newLeadUnit\": \"shizhong\"}");

        Response disputed = post("shizhong", "/api/cases/" + id + "/return",
                "{\"reasonCode\": \"OUTSIDE_AREA\", \"reason\": \"Lixia's street.\"}");
        assertThat(disputed.body().get("status").asText()).isEqualTo("DISPUTED");
        Response withoutNote = post("dispatcher", "/api/cases/" + id + "/arbitration", "{\"leadUnit\": \"lixia\"}");
        assertThat(withoutNote.status()).isEqualTo(400);
        assertThat(withoutNote.body().get("fields").get(0).get("field").asText()).isEqualTo("note");
        assertThat(post("lixia", "/api/cases/" + id + "/arbitration", "{\"leadUnit\": \"lixia\", \"note\": \"mine\"}")
                .status()).isEqualTo(403);

        Response arbitrated = post("dispatcher", "/api/cases/" + id + "/arbitration",
                "{\"leadUnit\": \"lixia\", \"note\": \"Surveyed: the street is in Lixia.\"}");
        assertThat(arbitrated.status()).isEqualTo(200);
        assertThat(arbitrated.body().get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(arbitrated.body().get("leadUnit").asText()).isEqualTo("lixia");
        Response returnAgain = post("lixia", "/api/cases/" + id + "/return",
                "{\"reasonCode\": \"OUTSIDE_AREA\", \"reason\": \"Still Shizhong's.\"}");
        assertThat(returnAgain.status()).isEqualTo(409);
        assertThat(returnAgain.body().get("error").asText()).isEqualTo("ILLEGAL_STATE");

        Response counts = get("dispatcher", "/api/units/returns?from=2000-01-01&to=2100-12-31");
        assertThat(counts.status()).isEqualTo(200);
        assertThat(counts.body().findValuesAsText("unit")).contains("lixia", "shizhong");
        assertThat(get("lixia", "/api/units/returns?from=2000-01-01&to=2100-12-31").body().findValuesAsText("unit"))
                .as("a unit sees its own counts only").containsExactly("lixia");
        Response badPeriod = get("dispatcher", "/api/units/returns?from=yesterday&to=2100-12-31");
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.body().get("fields").get(0).get("field").asText()).isEqualTo("from");
    }

    @Test
    void assistingUnitsAnswerTheLeadUnitWhichRepliesOnce() throws Exception {
        String id = newCase("web-assist-1");
        Response dispatched = post("dispatcher", "/api/cases/" + id + "/dispatch",
                "{\"leadUnit\": \"lixia\", \"assistingUnits\": [\"shizhong\"], \"note\": \"Joint handling.\"}");
        assertThat(dispatched.status()).isEqualTo(200);
        assertThat(dispatched.body().get("assistingUnits").get(0).asText()).isEqualTo("shizhong");
        assertThat(dispatched.body().get("assistance").get(0).get("status").asText()).isEqualTo("REQUESTED");
        assertThat(dispatched.body().get("assistance").get(0).get("due").asText()).isNotBlank();

        assertThat(post("huaiyin", "/api/cases/" + id + "/assist-sign-for", "{}").status()).isEqualTo(403);
        assertThat(post("shizhong", "/api/cases/" + id + "/assist-reply", "{\"text\": \"Too early.\"}").body()
                .get("error").asText()).isEqualTo("ILLEGAL_STATE");
        assertThat(post("shizhong", "/api/cases/" + id + "/assist-sign-for", "{}").status()).isEqualTo(200);
        assertThat(post("shizhong", "/api/cases/" + id + "/assist-reply",
                "{\"text\": \"The permit ends at 22:00.\"}").status()).isEqualTo(200);

        JsonNode seenByLead = get("lixia", "/api/cases/" + id).body();
        assertThat(seenByLead.get("assistance").get(0).get("answer").asText()).isEqualTo("The permit ends at 22:00.");
        post("lixia", "/api/cases/" + id + "/sign-for", "{}");
        Response replied = post("lixia", "/api/cases/" + id + "/reply", "{\"result\": \"RESOLVED\", \"text\": \"Stopped.\"}");
        assertThat(replied.status()).isEqualTo(200);
        assertThat(replied.body().get("status").asText()).isEqualTo("REPLIED");
    }

    @Test
    void aReplyWithAnAssistingAnswerOutstandingNeedsAReason() throws Exception {
        String id = newCase("web-assist-2");
        post("dispatcher", "/api/cases/" + id + "/dispatch",
                "{\"leadUnit\": \"lixia\", \"assistingUnits\": [\"city-urban-management\"]}");
        post("lixia", "/api/cases/" + id + "/sign-for", "{}");

        Response refused = post("lixia", "/api/cases/" + id + "/reply", "{\"result\": \"RESOLVED\", \"text\": \"Stopped.\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("fields").get(0).get("field").asText()).isEqualTo("outstandingAssistanceReason");

        Response replied = post("lixia", "/api/cases/" + id + "/reply", "{\"result\": \"RESOLVED\", \"text\": \"Stopped.\", "
                + "\"outstandingAssistanceReason\": \"The site closed before the bureau inspected it.\"}");
        assertThat(replied.status()).isEqualTo(200);
        assertThat(replied.body().get("assistance").get(0).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(replied.body().get("assistingUnits")).isEmpty();
    }

    @Test
    void aDistrictPassesACaseDownToItsStreetWithTheHotlineOfficesApproval() throws Exception {
        String id = newCase("web-transfer-1");
        post("dispatcher", "/api/cases/" + id + "/dispatch", "{\"leadUnit\": \"lixia\"}");
        String handlingDue = post("lixia", "/api/cases/" + id + "/sign-for", "{}").body().get("deadlines").get("handling").asText();

        Response sideways = post("lixia", "/api/cases/" + id + "/transfer", "{\"toUnit\": \"shizhong-daguanyuan\", \"reason\": \"x\"}");
        assertThat(sideways.status()).isEqualTo(400);
        assertThat(sideways.body().get("fields").get(0).get("field").asText()).isEqualTo("toUnit");
        Response requested = post("lixia", "/api/cases/" + id + "/transfer",
                "{\"toUnit\": \"lixia-quancheng\", \"reason\": \"The stall is on Quancheng Road.\"}");
        assertThat(requested.status()).isEqualTo(200);
        assertThat(requested.body().get("leadUnit").asText()).isEqualTo("lixia");

        JsonNode approval = null;
        for (JsonNode task : get("dispatcher", "/api/tasks").body()) {
            if (task.get("caseId").asText().equals(id) && task.get("taskKey").asText().equals("UserTask_ApproveTransfer")) {
                approval = task;
            }
        }
        assertThat(approval).isNotNull();
        Response noAnswer = post("dispatcher", "/api/tasks/" + approval.get("id").asText() + "/complete", "{\"variables\": {}}");
        assertThat(noAnswer.status()).isEqualTo(400);
        Response approved = post("dispatcher", "/api/tasks/" + approval.get("id").asText() + "/complete",
                "{\"variables\": {\"transferApproved\": true, \"transferNote\": \"Agreed.\"}}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("leadUnit").asText()).isEqualTo("lixia-quancheng");
        assertThat(approved.body().get("deadlines").get("handling").asText()).isEqualTo(handlingDue);
        assertThat(findTask(get("lixia-quancheng", "/api/tasks").body(), id).get("taskKey").asText()).isEqualTo("UserTask_Handle");
        assertThat(post("lixia-quancheng", "/api/cases/" + id + "/reply", "{\"result\": \"RESOLVED\", \"text\": \"Removed.\"}")
                .status()).isEqualTo(200);
    }

    @Test
    void aDuplicateIsProposedMergedIntoItsMasterAndUnmerged() throws Exception {
        String master = newCase("web-merge-master");
        post("dispatcher", "/api/cases/" + master + "/dispatch", "{\"leadUnit\": \"lixia\"}");
        Response duplicate = post("operator", "/api/cases", "{\"channel\": \"WECHAT\", \"category\": \"COMPLAINT\", "
                + "\"subject\": \"Construction noise after 22:00\", \"description\": \"Night-time pile driving at the site on "
                + "Jingshi Road.\", \"caller\": {\"name\": \"李四\", \"phone\": \"13900001111\"}, "
                + "\"location\": {\"address\": \"历下区经十路102号\", \"areaCode\": \"370102\"}}");
        assertThat(duplicate.status()).isEqualTo(201);
        assertThat(duplicate.body().get("possibleDuplicates").findValuesAsText("id")).contains(master);
        String child = duplicate.body().get("id").asText();

        Response proposals = get("dispatcher", "/api/cases/" + child + "/duplicates");
        assertThat(proposals.status()).isEqualTo(200);
        assertThat(proposals.body().get(0).get("similarity").asDouble()).isBetween(0.5, 1.0);
        assertThat(get("lixia", "/api/cases/" + child + "/duplicates").status()).isEqualTo(403);

        assertThat(post("dispatcher", "/api/cases/" + child + "/merge", "{}").status()).isEqualTo(400);
        Response merged = post("dispatcher", "/api/cases/" + child + "/merge", "{\"masterId\": \"" + master + "\"}");
        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.body().get("status").asText()).isEqualTo("MERGED");
        assertThat(merged.body().get("masterId").asText()).isEqualTo(master);

        Response unmerged = post("dispatcher", "/api/cases/" + child + "/unmerge", "{\"note\": \"Another site.\"}");
        assertThat(unmerged.status()).isEqualTo(200);
        assertThat(unmerged.body().get("status").asText()).isEqualTo("REGISTERED");
        assertThat(unmerged.body().has("masterId")).isFalse();
        assertThat(post("dispatcher", "/api/cases/" + child + "/unmerge", "{}").body().get("error").asText())
                .isEqualTo("ILLEGAL_STATE");
    }

    @Test
    void eachUnitSeesAndActsOnItsOwnCasesOnlyAndTheAuditorChangesNothing() throws Exception {
        String id = newCase("web-scope-1");
        JsonNode dispatched = post("dispatcher", "/api/cases/" + id + "/dispatch", "{\"leadUnit\": \"lixia\"}").body();
        String number = dispatched.get("number").asText();

        assertThat(get("shizhong", "/api/cases/" + id).status()).isEqualTo(403);
        assertThat(get("shizhong", "/api/cases/" + id + "/timeline").status()).isEqualTo(403);
        assertThat(get("shizhong", "/api/cases?number=" + number).body().get("items")).as("no leak through a list").isEmpty();
        assertThat(get("shizhong", "/api/cases?unit=lixia").status()).isEqualTo(403);
        assertThat(post("shizhong", "/api/cases/" + id + "/sign-for", "{}").status()).isEqualTo(403);
        assertThat(get("lixia", "/api/cases?number=" + number).body().get("items")).hasSize(1);

        assertThat(get("auditor", "/api/cases/" + id).status()).isEqualTo(200);
        assertThat(get("auditor", "/api/cases?number=" + number).body().get("items")).hasSize(1);
        String other = newCase("web-scope-2");
        assertThat(post("auditor", "/api/cases/" + other + "/dispatch", "{\"leadUnit\": \"lixia\"}").status()).isEqualTo(403);
        assertThat(post("auditor", "/api/cases/" + id + "/sign-for", "{}").status()).isEqualTo(403);
        assertThat(get("dispatcher", "/api/cases/" + other).body().get("status").asText()).isEqualTo("REGISTERED");
    }

    @Test
    void theSupervisionOfficeFilesAFactReviewsTheUnitAndReadsIndicators() throws Exception {
        String id = newCase("web-accountability-1");
        JsonNode dispatched = post("dispatcher", "/api/cases/" + id + "/dispatch", "{\"leadUnit\": \"huaiyin\"}").body();
        String month = dispatched.get("createdAt").asText().substring(0, 7);

        assertThat(post("auditor", "/api/accountability/facts", "{\"caseId\": \"" + id + "\", \"unit\": \"huaiyin\", "
                + "\"kind\": \"MANUAL\", \"reason\": \"x\"}").status()).isEqualTo(403);
        Response wrongKind = post("supervisor", "/api/accountability/facts", "{\"caseId\": \"" + id + "\", \"unit\": \"huaiyin\", "
                + "\"kind\": \"FALSE_CLOSURE\", \"reason\": \"x\"}");
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.body().get("fields").get(0).get("field").asText()).isEqualTo("kind");
        Response fact = post("supervisor", "/api/accountability/facts", "{\"caseId\": \"" + id + "\", \"unit\": \"huaiyin\", "
                + "\"kind\": \"MANUAL\", \"reason\": \"Hung up on the citizen.\"}");
        assertThat(fact.status()).isEqualTo(200);
        String review = fact.body().get("reviewId").asText();

        JsonNode reviews = get("auditor", "/api/accountability/reviews?unit=huaiyin&period=" + month).body();
        assertThat(reviews.findValuesAsText("id")).contains(review);
        assertThat(get("shizhong", "/api/accountability/reviews?unit=huaiyin").status()).isEqualTo(403);
        assertThat(post("huaiyin", "/api/accountability/reviews/" + review + "/statement", "{\"statement\": \"early\"}")
                .body().get("error").asText()).isEqualTo("ILLEGAL_STATE");
        assertThat(post("supervisor", "/api/accountability/reviews/" + review + "/findings", "{\"findings\": \"Confirmed.\"}")
                .body().get("stage").asText()).isEqualTo("AWAITING_STATEMENT");
        assertThat(post("huaiyin", "/api/accountability/reviews/" + review + "/statement", "{\"statement\": \"Sorry.\"}")
                .body().get("stage").asText()).isEqualTo("DECIDING");
        JsonNode decided = post("supervisor", "/api/accountability/reviews/" + review + "/decision",
                "{\"outcome\": \"REMINDER\", \"reasoning\": \"First time.\"}").body();
        assertThat(decided.get("stage").asText()).isEqualTo("DECIDED");
        assertThat(decided.get("facts").get(0).get("kind").asText()).isEqualTo("MANUAL");

        Response indicators = get("supervisor", "/api/indicators?period=" + month + "&unit=huaiyin");
        assertThat(indicators.status()).isEqualTo(200);
        assertThat(indicators.body().get(0).get("received").asLong()).isPositive();
        assertThat(indicators.body().get(0).get("outcomes").get("REMINDER").asLong()).isEqualTo(1);
        HttpResponse<String> csv = raw("auditor", "/api/rankings?period=" + month + "&format=csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("rank,unit,period,received,on_time_sign_for_numerator").contains(",huaiyin," + month + ",");
        assertThat(raw("supervisor", "/api/indicators?period=" + month + "&format=csv").body()).startsWith("unit,period,received");
        assertThat(get("lixia", "/api/indicators?period=" + month).status()).isEqualTo(403);
        Response badPeriod = get("supervisor", "/api/rankings?period=November");
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.body().get("fields").get(0).get("field").asText()).isEqualTo("period");

        Response draw = post("supervisor", "/api/spot-checks", "{\"period\": \"" + month + "\", \"share\": 0.5, \"seed\": 7}");
        assertThat(draw.status()).isEqualTo(200);
        assertThat(draw.body().get("seed").asLong()).isEqualTo(7);
        assertThat(post("auditor", "/api/spot-checks", "{\"period\": \"" + month + "\", \"share\": 0.5, \"seed\": 7}").status())
                .isEqualTo(403);
    }

    private HttpResponse<String> raw(String user, String path) throws Exception {
        return new DemoHttp(port).send("GET", user, path, null);
    }

    @Test
    void badInputIsA400ListingEveryField() throws Exception {
        Response invalid = post("operator", "/api/cases",
                "{\"channel\": \"FAX\", \"category\": \"GOSSIP\", \"subject\": \"\", \"caller\": {\"name\": \"王五\", \"phone\": \"12\"}}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("error").asText()).isEqualTo("INVALID_CASE");
        assertThat(invalid.body().get("fields").findValuesAsText("field"))
                .containsExactly("channel", "category", "subject", "caller.phone");

        String id = newCase("web-bad-dispatch");
        Response unknownUnit = post("dispatcher", "/api/cases/" + id + "/dispatch", "{\"leadUnit\": \"atlantis\"}");
        assertThat(unknownUnit.status()).isEqualTo(400);
        assertThat(unknownUnit.body().get("fields").get(0).get("field").asText()).isEqualTo("leadUnit");
        assertThat(unknownUnit.body().get("fields").get(0).get("reason").asText()).contains("atlantis");

        assertThat(post("operator", "/api/cases", "{not json").status()).isEqualTo(400);
        assertThat(get("operator", "/api/cases?status=LOST").status()).isEqualTo(400);
    }

    @Test
    void theDirectoryShowsTheDemoCity() throws Exception {
        Response units = get("dispatcher", "/api/units");
        assertThat(units.status()).isEqualTo(200);
        assertThat(units.body().findValuesAsText("id")).contains("hotline-office", "jinan", "lixia", "shizhong", "huaiyin",
                "city-urban-management");
        JsonNode lixia = null;
        for (JsonNode unit : units.body()) {
            if (unit.get("id").asText().equals("lixia")) {
                lixia = unit;
            }
        }
        assertThat(lixia.get("parent").asText()).isEqualTo("jinan");
        assertThat(lixia.get("leader").asText()).isEqualTo("lixia-leader");
        assertThat(get("lixia", "/api/units").body().get(2).has("handlers")).as("people only for the hotline office").isFalse();
    }

    @Test
    void unauthenticatedCallersAndUnknownCasesAreRefused() throws Exception {
        Response anonymous = get(null, "/api/cases");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().get("error").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(get(null, "/engine-rest/task").status()).as("the engine's REST API is never open").isEqualTo(401);
        Response missing = get("operator", "/api/cases/no-such-case");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("error").asText()).isEqualTo("CASE_NOT_FOUND");
        assertThat(call("GET", "operator", "/api/cases", null).status()).isEqualTo(200);
    }

    @Test
    void openApiAndCockpitAreServed() throws Exception {
        HttpResponse<String> apiDocs = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(apiDocs.body()).contains("/api/cases/{id}/return-decision", "/api/cases/{id}/assist-reply",
                "/api/cases/{id}/transfer", "/api/cases/{id}/duplicates", "/api/cases/{id}/merge", "/api/cases/{id}/unmerge");
        JsonNode paths = JSON.readTree(apiDocs.body()).get("paths");
        for (String documented : List.of("/api/cases/{id}/dispatch", "/api/cases/{id}/assist-sign-for", "/api/cases/{id}/assist-reply",
                "/api/cases/{id}/arbitration", "/api/cases/{id}/transfer", "/api/cases/{id}/merge", "/api/cases/{id}/unmerge")) {
            assertThat(paths.get(documented).get("post").get("description").asText()).as(documented).isNotBlank();
        }
        for (String documented : List.of("/api/cases/{id}/duplicates", "/api/units", "/api/units/returns")) {
            assertThat(paths.get(documented).get("get").get("description").asText()).as(documented).isNotBlank();
        }
        HttpResponse<String> cockpit = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/cockpit/default/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cockpit.statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingCalendarYearShowsInHealthUntilItIsLoaded() throws Exception {
        post("supervisor", "/api/demo/clock", "{\"set\": \"2026-11-26T02:00:00Z\"}");
        HttpResponse<String> before = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(before.statusCode()).isEqualTo(200);
        JsonNode calendar = JSON.readTree(before.body()).get("components").get("hotlineCalendar");
        assertThat(calendar.get("status").asText()).isEqualTo("WARNING");
        assertThat(calendar.get("details").get("missingYears").toString()).isEqualTo("[2027]");

        HttpRequest load = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/calendar/2027"))
                .PUT(HttpRequest.BodyPublishers.ofString("2027-01-01 holiday 元旦\n2027-02-06 holiday 春节\n"))
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("supervisor:demo".getBytes(StandardCharsets.UTF_8)))
                .build();
        assertThat(http.send(load, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(after.body()).get("components").get("hotlineCalendar").get("status").asText()).isEqualTo("UP");
        assertThat(get("supervisor", "/api/admin/calendar").body().get("years").toString()).contains("2027");
        assertThat(get("operator", "/api/admin/calendar").status()).isEqualTo(403);
    }

    private static JsonNode findTask(JsonNode tasks, String caseId) {
        for (JsonNode task : tasks) {
            if (task.get("caseId").asText().equals(caseId)) {
                return task;
            }
        }
        throw new AssertionError("no open task for case " + caseId + " in " + tasks);
    }
}

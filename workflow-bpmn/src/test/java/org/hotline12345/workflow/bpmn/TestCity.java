package org.hotline12345.workflow.bpmn;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.access.Role;
import org.hotline12345.workflow.cases.Caller;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Channel;
import org.hotline12345.workflow.cases.Location;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.directory.InMemoryOrganisationDirectory;
import org.hotline12345.workflow.directory.Unit;
import org.hotline12345.workflow.intake.IntakeRequest;

/** The demo city of the tests: its units, one actor per role, and a ready-made intake. */
final class TestCity {

    static final UnitId LIXIA = UnitId.of("lixia");
    static final UnitId SHIZHONG = UnitId.of("shizhong");
    static final UnitId HUAIYIN = UnitId.of("huaiyin");
    static final UnitId URBAN_MANAGEMENT = UnitId.of("city-urban-management");
    /** A street office (街道) under Lixia district: where Lixia passes cases down to. */
    static final UnitId QUANCHENG_STREET = UnitId.of("lixia-quancheng");

    /** Thursday 26 November 2026, 10:00 in Jinan. */
    static final Instant THURSDAY_MORNING = OffsetDateTime.parse("2026-11-26T10:00:00+08:00").toInstant();

    private static final AtomicInteger ENGINES = new AtomicInteger();

    private TestCity() {
    }

    static InMemoryOrganisationDirectory directory() {
        UnitId jinan = UnitId.of("jinan");
        return InMemoryOrganisationDirectory.of(
                new Unit(jinan, "济南市", null),
                new Unit(LIXIA, "历下区", jinan),
                new Unit(SHIZHONG, "市中区", jinan),
                new Unit(HUAIYIN, "槐荫区", jinan),
                new Unit(URBAN_MANAGEMENT, "市城管局", jinan),
                new Unit(QUANCHENG_STREET, "泉城路街道", LIXIA));
    }

    /** A name for one more test engine (and its database). */
    static String nextEngineName() {
        return "test" + ENGINES.incrementAndGet();
    }

    /**
     * A fresh engine builder on the database {@code database} (H2 in memory, or the server named by
     * {@code hotline.test.database}), with the job executor off: tests drive time. {@code dataSource} is the pool on a
     * server database, or null for H2; the caller closes it after the engine.
     */
    static HotlineWorkflowEngine.Builder engine(String name, TestDatabase database, javax.sql.DataSource dataSource) {
        HotlineWorkflowEngine.Builder builder = HotlineWorkflowEngine.builder()
                .engineName(name)
                .directory(directory())
                .jobExecutor(false);
        return dataSource == null ? builder.jdbcUrl(database.url()) : builder.dataSource(dataSource);
    }

    /** Freezes the engine clock at an offset date-time, e.g. {@code 2026-12-03T00:00:00+08:00}. */
    static void at(String offsetDateTime) {
        EngineClock.freezeAt(java.time.OffsetDateTime.parse(offsetDateTime).toInstant());
    }

    /** 23:59:59 of a day in Jinan: where day limits end. */
    static java.time.OffsetDateTime endOfDay(String date) {
        return java.time.OffsetDateTime.parse(date + "T23:59:59+08:00");
    }

    /** How many entries of one domain event the case's timeline has. */
    static long count(org.hotline12345.workflow.HotlineWorkflow workflow, org.hotline12345.workflow.cases.CaseId id,
            org.hotline12345.workflow.timeline.CaseEventType type) {
        return workflow.timeline(operator(), id).stream().filter(entry -> entry.type() == type).count();
    }

    static Actor operator() {
        return Actor.hotlineOffice("operator", Role.OPERATOR, Role.PERSONAL_DATA);
    }

    static Actor dispatcher() {
        return Actor.hotlineOffice("dispatcher", Role.DISPATCHER);
    }

    static Actor supervisor() {
        return Actor.hotlineOffice("supervisor", Role.SUPERVISOR, Role.PERSONAL_DATA);
    }

    static Actor auditor() {
        return Actor.hotlineOffice("auditor", Role.AUDITOR);
    }

    static Actor leadUnit() {
        return Actor.unitHandler("lixia", LIXIA);
    }

    static Actor otherUnit() {
        return Actor.unitHandler("shizhong", SHIZHONG);
    }

    static IntakeRequest complaint() {
        return complaint(null);
    }

    /** A complaint taken in and dispatched to Lixia, waiting for its sign-for. */
    static org.hotline12345.workflow.cases.CaseId dispatchedToLixia(org.hotline12345.workflow.HotlineWorkflow workflow) {
        org.hotline12345.workflow.cases.CaseId id = workflow.intake(operator(), complaint()).caseView().id();
        workflow.dispatch(dispatcher(), id, new org.hotline12345.workflow.dispatch.DispatchOrder(LIXIA, null));
        return id;
    }

    static IntakeRequest complaint(String externalId) {
        return new IntakeRequest(externalId, Channel.PHONE, Category.COMPLAINT, Urgency.NORMAL,
                "Construction noise after 22:00",
                "Night-time pile driving at the site on Jingshi Road keeps residents awake.",
                new Caller("张三", "13812345678", false, false), Location.of("历下区经十路100号", "370102"));
    }

    static IntakeRequest request(Category category, Urgency urgency) {
        return new IntakeRequest(null, Channel.WEB, category, urgency, "A " + category + " request", null,
                Caller.anonymousCaller(), null);
    }
}

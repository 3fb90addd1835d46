package org.hotline12345.workflow.bpmn;

import static org.hotline12345.workflow.bpmn.TestCity.THURSDAY_MORNING;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hotline12345.workflow.HotlineWorkflow;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One engine of the test city per test class, on a database of its own, with the engine clock frozen on Thursday
 * morning before every test: {@code @RegisterExtension static final CityEngine CITY = new CityEngine();}
 */
final class CityEngine implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final UnaryOperator<HotlineWorkflowEngine.Builder> setup;
    /** Where the text of every statement the engine prepares is added; null where none is recorded. */
    private final List<String> prepared;
    private HotlineWorkflowEngine engine;
    private HikariDataSource dataSource;
    private String kind;

    CityEngine() {
        this(UnaryOperator.identity());
    }

    /** @param setup changes to the test city's engine builder, e.g. another clock */
    CityEngine(UnaryOperator<HotlineWorkflowEngine.Builder> setup) {
        this(setup, null);
    }

    private CityEngine(UnaryOperator<HotlineWorkflowEngine.Builder> setup, List<String> prepared) {
        this.setup = setup;
        this.prepared = prepared;
    }

    /** The test city's engine on a pool, on every database, that adds the text of each statement prepared to {@code prepared}. */
    static CityEngine recordingStatements(List<String> prepared) {
        return new CityEngine(UnaryOperator.identity(), prepared);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        EngineClock.freezeAt(THURSDAY_MORNING);
        String name = TestCity.nextEngineName();
        TestDatabase database = TestDatabase.create(name);
        kind = database.kind();
        dataSource = "h2".equals(kind) && prepared == null ? null : database.dataSource();
        javax.sql.DataSource engineDataSource = prepared == null ? dataSource : PreparedStatements.recording(dataSource, prepared);
        engine = setup.apply(TestCity.engine(name, database, engineDataSource)).build();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        EngineClock.freezeAt(THURSDAY_MORNING);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        engine.close();
        if (dataSource != null) {
            dataSource.close();
        }
        EngineClock.reset();
    }

    HotlineWorkflowEngine engine() {
        return engine;
    }

    HotlineWorkflow workflow() {
        return engine.workflow();
    }

    /** The pool the engine runs on, for a test's own statements; null on H2 where statements are not recorded. */
    HikariDataSource dataSource() {
        return dataSource;
    }

    /** h2, postgresql or mariadb. */
    String databaseKind() {
        return kind;
    }
}

package org.hotline12345.workflow.bpmn;

import static org.hotline12345.workflow.bpmn.TestCity.THURSDAY_MORNING;

import com.zaxxer.hikari.HikariDataSource;
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
    private HotlineWorkflowEngine engine;
    private HikariDataSource dataSource;

    CityEngine() {
        this(UnaryOperator.identity());
    }

    /** @param setup changes to the test city's engine builder, e.g. another clock */
    CityEngine(UnaryOperator<HotlineWorkflowEngine.Builder> setup) {
        this.setup = setup;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        EngineClock.freezeAt(THURSDAY_MORNING);
        String name = TestCity.nextEngineName();
        TestDatabase database = TestDatabase.create(name);
        dataSource = "h2".equals(database.kind()) ? null : database.dataSource();
        engine = setup.apply(TestCity.engine(name, database, dataSource)).build();
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
}

package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.hotline12345.workflow.bpmn.impl.BlockIdGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine's ids: short numbers in large blocks, and a block another node took first asked for again. */
class BlockIdGeneratorTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) CITY.engine().processEngine().getProcessEngineConfiguration();
    }

    @Test
    void theLibrarysEngineMakesShortNumbers() {
        assertThat(configuration().getIdGenerator()).isInstanceOf(BlockIdGenerator.class);
        String processInstance = CITY.engine().processEngine().getRuntimeService().startProcessInstanceByKey(StandardTask.UNIT_PROCESS,
                "block-ids", Map.of("category", "CONSULTATION", "urgency", "NORMAL", "leadUnit", "lixia", "entry", "DISPATCH",
                        "assisted", false)).getId();
        assertThat(processInstance).matches("[0-9]{1,9}");
    }

    @Test
    void aBlockAnotherNodeTookFirstIsAskedForAgain() {
        CommandExecutor requiresNew = configuration().getCommandExecutorTxRequiresNew();
        BlockIdGenerator otherNode = new BlockIdGenerator();
        otherNode.setCommandExecutor(requiresNew);
        List<String> raced = new ArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        BlockIdGenerator node = new BlockIdGenerator();
        node.setCommandExecutor(new CommandExecutor() {
            @Override
            public <T> T execute(Command<T> command) {
                requests.incrementAndGet();
                return requiresNew.execute(context -> {
                    if (raced.isEmpty()) {
                        // This node has read the counter when the other node takes its block and commits.
                        context.getPropertyManager().findPropertyById("next.dbid");
                        raced.add(otherNode.getNextId());
                    }
                    return command.execute(context);
                });
            }
        });

        Set<String> ids = new HashSet<>();
        ids.add(node.getNextId());
        assertThat(raced).as("the other node took its block while this node was taking one").hasSize(1);
        assertThat(requests).as("this node's block, refused, was asked for again").hasValue(2);
        ids.add(raced.get(0));
        for (int i = 0; i < 1_000; i++) {
            ids.add(node.getNextId());
            ids.add(otherNode.getNextId());
        }

        assertThat(ids).as("no id made twice").hasSize(2_002);
    }
}

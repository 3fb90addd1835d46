package org.hotline12345.workflow.bpmn.impl;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.db.DbIdGenerator;

/**
 * The engine's ids: numbers, as the engine's default generator makes them, taken from {@code ACT_GE_PROPERTY} in
 * blocks of {@value #BLOCK_SIZE} instead of 100, and a block asked for again when another node took it first.
 *
 * <p>Every row the engine writes carries five to seven ids (its own, its process instance's, execution's, root's,
 * definition's, activity instance's), and a case writes about 200 rows. Camunda's {@code StrongUuidGenerator} needs no
 * database but writes 36 characters into each of those columns and their indexes, against the default's seven or so
 * digits: with UUIDs the library's PostgreSQL day wrote 29 % more write-ahead log into a database half as large again,
 * and ran at 0.84-1.01 of the raw engine's pace instead of 1.07-1.34 (docs/performance.md). Camunda
 * advises against the default generator in production because of its blocks of 100: a block is two statements and a
 * transaction of its own every few API calls, and when two nodes take one at the same moment, one of them fails the
 * step that needed the id. A block of {@value #BLOCK_SIZE} lasts a node about 500 cases, and a taken block is asked
 * for again here instead of failing the step.
 */
public final class BlockIdGenerator extends DbIdGenerator {

    static final int BLOCK_SIZE = 100_000;
    private static final int ATTEMPTS = 5;

    public BlockIdGenerator() {
        setIdBlockSize(BLOCK_SIZE);
    }

    @Override
    protected synchronized void getNewBlock() {
        for (int attempt = 1; ; attempt++) {
            try {
                super.getNewBlock();
                return;
            } catch (OptimisticLockingException e) {
                // Another node took the block; the next attempt reads the counter it left.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}

package org.hotline12345.workflow.bpmn.impl;

/**
 * Marks the thread while it runs a call of the library's API, so that the engine listeners can tell a step taken
 * through the API (recorded by the API with its actor and reason) from one taken around it (recorded by them).
 */
final class ApiCalls {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private ApiCalls() {
    }

    static void enter() {
        DEPTH.get()[0]++;
    }

    static void exit() {
        DEPTH.get()[0]--;
    }

    static boolean active() {
        return DEPTH.get()[0] > 0;
    }
}

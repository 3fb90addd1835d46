package org.hotline12345.examples.capacity;

import org.camunda.bpm.engine.ProcessEngine;

/** Plays one action of a case script on an engine: the library's API, or the raw engine written by hand. */
interface Driver extends AutoCloseable {

    String name();

    void perform(CaseScript script, CaseScript.Action action);

    /** The engine underneath, whose job executor fires the timers and whose jobs the simulation waits for. */
    ProcessEngine engine();

    /** Yellow and red cards issued so far. */
    long warnings();

    /** Escalation ladders started so far (one per red card on a unit's sign-for or handling clock). */
    long escalations();

    @Override
    void close();
}

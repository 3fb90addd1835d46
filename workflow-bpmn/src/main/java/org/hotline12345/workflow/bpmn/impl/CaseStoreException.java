package org.hotline12345.workflow.bpmn.impl;

import java.sql.SQLException;

/** A database error in the library's own tables; the command it happened in is rolled back. */
final class CaseStoreException extends RuntimeException {

    CaseStoreException(String what, SQLException cause) {
        super(what + " failed: " + cause.getMessage(), cause);
    }

    /** Whether the cause is a unique or integrity constraint violation (SQLState class 23). */
    boolean isIntegrityViolation() {
        String state = ((SQLException) getCause()).getSQLState();
        return state != null && state.startsWith("23");
    }
}

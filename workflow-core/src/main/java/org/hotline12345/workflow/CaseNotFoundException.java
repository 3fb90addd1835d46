package org.hotline12345.workflow;

/** No case (or task) exists with the given identifier. */
public final class CaseNotFoundException extends HotlineWorkflowException {

    private final String id;

    public CaseNotFoundException(String what, String id) {
        super(what + " not found: " + id);
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public String code() {
        return "CASE_NOT_FOUND";
    }
}

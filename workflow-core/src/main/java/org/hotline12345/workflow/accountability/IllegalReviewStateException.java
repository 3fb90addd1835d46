package org.hotline12345.workflow.accountability;

import org.hotline12345.workflow.HotlineWorkflowException;

/** The accountability review is not at the stage the step needs, e.g. a decision before the investigation. */
public final class IllegalReviewStateException extends HotlineWorkflowException {

    private final ReviewStage currentStage;

    public IllegalReviewStateException(ReviewStage currentStage, String message) {
        super(message + " (current stage: " + currentStage + ")");
        this.currentStage = currentStage;
    }

    public ReviewStage currentStage() {
        return currentStage;
    }

    @Override
    public String code() {
        return "ILLEGAL_STATE";
    }
}

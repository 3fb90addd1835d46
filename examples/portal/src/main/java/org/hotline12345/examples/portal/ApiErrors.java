package org.hotline12345.examples.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.hotline12345.workflow.CaseConflictException;
import org.hotline12345.workflow.CaseNotFoundException;
import org.hotline12345.workflow.IllegalCaseStateException;
import org.hotline12345.workflow.accountability.IllegalReviewStateException;
import org.hotline12345.workflow.InvalidCaseException;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.calendar.MissingCalendarYearException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps the library's typed errors to HTTP statuses and one JSON shape: {@code {"error", "message", ...}}. */
@RestControllerAdvice
class ApiErrors {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorJson(String error, String message, List<InvalidCaseException.FieldError> fields, String currentStatus,
            Boolean retryable) {
    }

    @ExceptionHandler(InvalidCaseException.class)
    ResponseEntity<ErrorJson> invalid(InvalidCaseException e) {
        return ResponseEntity.badRequest().body(new ErrorJson(e.code(), e.getMessage(), e.fields(), null, null));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorJson> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ErrorJson("INVALID_CASE", "the request body is not valid JSON of the expected shape",
                List.of(new InvalidCaseException.FieldError("body", "is not readable: " + rootMessage(e))), null, null));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorJson> badParameter(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(new ErrorJson("INVALID_CASE", e.getMessage(),
                List.of(new InvalidCaseException.FieldError(e.getName(), "is not a valid value")), null, null));
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ResponseEntity<ErrorJson> notFound(CaseNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorJson(e.code(), e.getMessage(), null, null, null));
    }

    @ExceptionHandler(NotAuthorizedException.class)
    ResponseEntity<ErrorJson> forbidden(NotAuthorizedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ErrorJson(e.code(), e.getMessage(), null, null, null));
    }

    @ExceptionHandler(IllegalCaseStateException.class)
    ResponseEntity<ErrorJson> illegalState(IllegalCaseStateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(new ErrorJson(e.code(), e.getMessage(), null, e.currentStatus().name(), false));
    }

    @ExceptionHandler(IllegalReviewStateException.class)
    ResponseEntity<ErrorJson> illegalReviewState(IllegalReviewStateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(new ErrorJson(e.code(), e.getMessage(), null, e.currentStage().name(), false));
    }

    @ExceptionHandler(CaseConflictException.class)
    ResponseEntity<ErrorJson> conflict(CaseConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorJson(e.code(), e.getMessage(), null, null, true));
    }

    @ExceptionHandler(MissingCalendarYearException.class)
    ResponseEntity<ErrorJson> missingCalendar(MissingCalendarYearException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(new ErrorJson("CALENDAR_YEAR_MISSING", e.getMessage(), null, null, null));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}

package org.hotline12345.examples.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.accountability.Accountability;
import org.hotline12345.workflow.accountability.AccountabilityFact;
import org.hotline12345.workflow.accountability.AccountabilityReview;
import org.hotline12345.workflow.accountability.FactKind;
import org.hotline12345.workflow.accountability.Indicator;
import org.hotline12345.workflow.accountability.ManualFact;
import org.hotline12345.workflow.accountability.OutcomeDecision;
import org.hotline12345.workflow.accountability.Period;
import org.hotline12345.workflow.accountability.RankedUnit;
import org.hotline12345.workflow.accountability.Rate;
import org.hotline12345.workflow.accountability.ReviewOutcome;
import org.hotline12345.workflow.accountability.SpotCheckDraw;
import org.hotline12345.workflow.accountability.SpotCheckRequest;
import org.hotline12345.workflow.accountability.UnitIndicators;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.UnitId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accountability (问责) and unit indicators over REST: facts, reviews and their steps, spot checks, indicators and the
 * ranking (JSON, or CSV with {@code format=csv}). The library checks the roles: supervisors write, auditors read, a unit
 * writes and reads its own reviews.
 */
@RestController
class AccountabilityController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    record FactJson(String caseId, String unit, String kind, String reason) {
    }

    record SpotCheckJson(String period, Double share, Long seed) {
    }

    record FindingsJson(String findings) {
    }

    record StatementJson(String statement) {
    }

    record DecisionJson(String outcome, String reasoning) {
    }

    record RateJson(long numerator, long denominator, Double value) {
        static RateJson of(Rate rate) {
            return new RateJson(rate.numerator(), rate.denominator(), rate.value());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IndicatorsJson(String unit, String period, long received, RateJson onTimeSignFor, RateJson onTimeCompletion,
            RateJson returnRate, RateJson reopenRate, RateJson satisfaction, RateJson resolution, Map<String, Long> outcomes,
            Double composite, Integer rank) {
        static IndicatorsJson of(UnitIndicators i, Integer rank) {
            Map<String, Long> outcomes = new LinkedHashMap<>();
            for (ReviewOutcome outcome : ReviewOutcome.values()) {
                outcomes.put(outcome.name(), i.outcomes().getOrDefault(outcome, 0L));
            }
            return new IndicatorsJson(i.unit().value(), i.period().toString(), i.received(), RateJson.of(i.onTimeSignFor()),
                    RateJson.of(i.onTimeCompletion()), RateJson.of(i.returnRate()), RateJson.of(i.reopenRate()),
                    RateJson.of(i.satisfaction()), RateJson.of(i.resolution()), outcomes, i.composite(), rank);
        }
    }

    private final Accountability accountability;

    AccountabilityController(Accountability accountability) {
        this.accountability = accountability;
    }

    @Operation(summary = "File a MANUAL accountability fact",
            description = "Supervisors. Body {caseId, unit, kind: \"MANUAL\", reason}; the unit must have or have had the case. "
                    + "The accountability-triggers table decides whether it opens a review (the shipped table: always).")
    @PostMapping("/api/accountability/facts")
    AccountabilityFact fileFact(Authentication user, @RequestBody FactJson body) {
        Validation v = new Validation();
        if (body.kind() != null && !FactKind.MANUAL.name().equals(body.kind())) {
            v.reject("kind", "only MANUAL facts are filed by hand; the others are recorded by the workflow");
        }
        CaseId caseId = RequestFields.caseId(v, "caseId", body.caseId());
        UnitId unit = RequestFields.unit(v, "unit", body.unit(), true);
        v.throwIfInvalid();
        return accountability.fileFact(Actors.of(user), new ManualFact(caseId, unit, body.reason()));
    }

    @Operation(summary = "Accountability reviews with their facts and outcomes",
            description = "?unit=&period= (both optional; period 2026-11, 2026-Q4 or 2026-11-01..2026-11-15, by opening date). "
                    + "Supervisors and auditors see all, a unit's users their own units'.")
    @GetMapping("/api/accountability/reviews")
    List<AccountabilityReview> reviews(Authentication user, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String period) {
        Validation v = new Validation();
        UnitId unitId = RequestFields.unit(v, "unit", unit, false);
        Period wanted = period == null || period.isBlank() ? null : period(v, period);
        v.throwIfInvalid();
        return accountability.reviews(Actors.of(user), unitId, wanted);
    }

    @GetMapping("/api/accountability/reviews/{id}")
    AccountabilityReview review(Authentication user, @PathVariable String id) {
        return accountability.review(Actors.of(user), id);
    }

    @Operation(summary = "Record the supervision office's findings (investigation)",
            description = "Supervisors, while the review is INVESTIGATING. Body {findings}. Starts the unit's statement clock.")
    @PostMapping("/api/accountability/reviews/{id}/findings")
    AccountabilityReview findings(Authentication user, @PathVariable String id, @RequestBody FindingsJson body) {
        return accountability.recordFindings(Actors.of(user), id, body.findings());
    }

    @Operation(summary = "The unit's statement (情况说明)",
            description = "The unit under review, while AWAITING_STATEMENT and before the deadline. Body {statement}.")
    @PostMapping("/api/accountability/reviews/{id}/statement")
    AccountabilityReview statement(Authentication user, @PathVariable String id, @RequestBody StatementJson body) {
        return accountability.submitStatement(Actors.of(user), id, body.statement());
    }

    @Operation(summary = "Decide the outcome of a review",
            description = "Supervisors, while DECIDING. Body {outcome: NO_FAULT|REMINDER|CRITICISM_NOTICE|INTERVIEW|REFERRED, "
                    + "reasoning}. Recorded on the unit's record and every case of the review.")
    @PostMapping("/api/accountability/reviews/{id}/decision")
    AccountabilityReview decide(Authentication user, @PathVariable String id, @RequestBody DecisionJson body) {
        Validation v = new Validation();
        ReviewOutcome outcome = v.enumValue("outcome", ReviewOutcome.class, body.outcome(), true);
        v.throwIfInvalid();
        return accountability.decide(Actors.of(user), id, new OutcomeDecision(outcome, body.reasoning()));
    }

    @Operation(summary = "Draw a spot check (明察暗访)",
            description = "Supervisors. Body {period, share, seed}: of each unit's cases closed in the period, the share (rounded "
                    + "up) drawn reproducibly from the seed; each gets a task UserTask_SpotCheckCallback for the supervisors, "
                    + "completed with POST /api/tasks/{taskId}/complete {\"variables\": {\"spotCheckResolved\": true|false, "
                    + "\"spotCheckSatisfaction\": \"...\", \"spotCheckNote\": \"...\"}}.")
    @PostMapping("/api/spot-checks")
    SpotCheckDraw drawSpotCheck(Authentication user, @RequestBody SpotCheckJson body) {
        Validation v = new Validation();
        Period period = body.period() == null ? null : period(v, body.period());
        v.throwIfInvalid();
        return accountability.drawSpotCheck(Actors.of(user), new SpotCheckRequest(period, body.share(), body.seed()));
    }

    @Operation(summary = "Unit indicators for a period",
            description = "?period=2026-11 (or 2026-Q4, or 2026-11-01..2026-11-15)&unit=&format=json|csv. Supervisors and "
                    + "auditors. Definitions: docs/indicators.md.")
    @GetMapping("/api/indicators")
    ResponseEntity<?> indicators(Authentication user, @RequestParam(required = false) String period,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String format) {
        Validation v = new Validation();
        Period wanted = required(v, period);
        UnitId unitId = RequestFields.unit(v, "unit", unit, false);
        boolean csv = csv(v, format);
        v.throwIfInvalid();
        List<IndicatorsJson> rows = accountability.indicators(Actors.of(user), wanted, unitId).stream()
                .map(i -> IndicatorsJson.of(i, null)).toList();
        return csv ? csv("indicators-" + wanted, rows, false) : ResponseEntity.ok(rows);
    }

    @Operation(summary = "Ranking of units by composite score for a period",
            description = "?period=2026-11&format=json|csv. Supervisors and auditors. Units with the same score share a rank.")
    @GetMapping("/api/rankings")
    ResponseEntity<?> ranking(Authentication user, @RequestParam(required = false) String period,
            @RequestParam(required = false) String format) {
        Validation v = new Validation();
        Period wanted = required(v, period);
        boolean csv = csv(v, format);
        v.throwIfInvalid();
        List<IndicatorsJson> rows = accountability.ranking(Actors.of(user), wanted).stream()
                .map((RankedUnit r) -> IndicatorsJson.of(r.indicators(), r.rank())).toList();
        return csv ? csv("ranking-" + wanted, rows, true) : ResponseEntity.ok(rows);
    }

    private static ResponseEntity<String> csv(String name, List<IndicatorsJson> rows, boolean ranked) {
        List<String> header = new ArrayList<>();
        if (ranked) {
            header.add("rank");
        }
        header.add("unit");
        header.add("period");
        header.add("received");
        for (Indicator indicator : Indicator.values()) {
            String column = indicator.name().toLowerCase(Locale.ROOT);
            header.add(column + "_numerator");
            header.add(column + "_denominator");
            header.add(column);
        }
        for (ReviewOutcome outcome : ReviewOutcome.values()) {
            header.add("outcome_" + outcome.name().toLowerCase(Locale.ROOT));
        }
        header.add("composite");
        StringBuilder out = new StringBuilder(String.join(",", header)).append("\r\n");
        for (IndicatorsJson row : rows) {
            List<String> cells = new ArrayList<>();
            if (ranked) {
                cells.add(String.valueOf(row.rank()));
            }
            cells.add(row.unit());
            cells.add(row.period());
            cells.add(String.valueOf(row.received()));
            for (RateJson rate : List.of(row.onTimeSignFor(), row.onTimeCompletion(), row.returnRate(), row.reopenRate(),
                    row.satisfaction(), row.resolution())) {
                cells.add(String.valueOf(rate.numerator()));
                cells.add(String.valueOf(rate.denominator()));
                cells.add(rate.value() == null ? "" : String.format(Locale.ROOT, "%.4f", rate.value()));
            }
            row.outcomes().values().forEach(count -> cells.add(String.valueOf(count)));
            cells.add(row.composite() == null ? "" : String.format(Locale.ROOT, "%.2f", row.composite()));
            out.append(cells.stream().collect(Collectors.joining(","))).append("\r\n");
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"").body(out.toString());
    }

    private static boolean csv(Validation v, String format) {
        if (format == null || format.equalsIgnoreCase("json")) {
            return false;
        }
        if (format.equalsIgnoreCase("csv")) {
            return true;
        }
        v.reject("format", "unknown value '" + format + "', expected json or csv");
        return false;
    }

    private static Period required(Validation v, String period) {
        if (period == null || period.isBlank()) {
            v.reject("period", "is required, e.g. 2026-11, 2026-Q4 or 2026-11-01..2026-11-15");
            return null;
        }
        return period(v, period);
    }

    private static Period period(Validation v, String text) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            v.reject("period", e.getMessage());
            return null;
        }
    }
}

package org.hotline12345.workflow.accountability;

import java.util.Map;
import org.hotline12345.workflow.cases.UnitId;

/**
 * One unit's indicators over one period; {@link Indicator} defines each. {@code composite} is the weighted score of
 * {@link IndicatorSettings}, {@code null} when none of the weighted rates could be counted.
 */
public record UnitIndicators(
        UnitId unit,
        Period period,
        long received,
        Rate onTimeSignFor,
        Rate onTimeCompletion,
        Rate returnRate,
        Rate reopenRate,
        Rate satisfaction,
        Rate resolution,
        Map<ReviewOutcome, Long> outcomes,
        Double composite) {

    public UnitIndicators {
        outcomes = Map.copyOf(outcomes);
    }

    public Rate rate(Indicator indicator) {
        return switch (indicator) {
            case ON_TIME_SIGN_FOR -> onTimeSignFor;
            case ON_TIME_COMPLETION -> onTimeCompletion;
            case RETURN_RATE -> returnRate;
            case REOPEN_RATE -> reopenRate;
            case SATISFACTION -> satisfaction;
            case RESOLUTION -> resolution;
        };
    }
}

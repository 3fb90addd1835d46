package org.hotline12345.workflow.accountability;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How indicators are scored: whether BASICALLY_SATISFIED counts as satisfied, and the weight of each rate in the
 * composite score. The composite is the weighted mean of the rates that could be counted (each as the rate, or 1 - rate
 * where lower is better), times 100; weights of rates without a denominator drop out.
 */
public record IndicatorSettings(boolean basicallySatisfiedCounts, Map<Indicator, Double> weights) {

    /** 基本满意 counts; weights 20 on-time sign-for, 20 on-time completion, 10 returns, 10 reopens, 20 satisfaction, 20 resolution. */
    public static final IndicatorSettings DEFAULT = new IndicatorSettings(true, Map.of(
            Indicator.ON_TIME_SIGN_FOR, 20.0, Indicator.ON_TIME_COMPLETION, 20.0, Indicator.RETURN_RATE, 10.0,
            Indicator.REOPEN_RATE, 10.0, Indicator.SATISFACTION, 20.0, Indicator.RESOLUTION, 20.0));

    public IndicatorSettings {
        Objects.requireNonNull(weights, "weights");
        weights.forEach((indicator, weight) -> {
            if (weight == null || weight < 0) {
                throw new IllegalArgumentException("the weight of " + indicator + " must not be negative: " + weight);
            }
        });
        if (weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new IllegalArgumentException("at least one indicator needs a weight above 0");
        }
        weights = Map.copyOf(new EnumMap<>(weights));
    }

    /** The composite score of {@code indicators} from 0 to 100, or {@code null} when no weighted rate could be counted. */
    public Double composite(UnitIndicators indicators) {
        double weighted = 0;
        double total = 0;
        for (Map.Entry<Indicator, Double> entry : weights.entrySet()) {
            Double value = indicators.rate(entry.getKey()).value();
            if (value == null || entry.getValue() == 0) {
                continue;
            }
            weighted += entry.getValue() * (entry.getKey().higherIsBetter() ? value : 1 - value);
            total += entry.getValue();
        }
        return total == 0 ? null : 100 * weighted / total;
    }
}

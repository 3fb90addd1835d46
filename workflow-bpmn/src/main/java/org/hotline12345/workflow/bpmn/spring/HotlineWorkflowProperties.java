package org.hotline12345.workflow.bpmn.spring;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hotline12345.workflow.accountability.Indicator;
import org.hotline12345.workflow.accountability.IndicatorSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the hotline workflow under {@code hotline.workflow.*}.
 *
 * @param zone the hotline's time zone; day limits end at 23:59:59 in it
 * @param calendar working-day calendar settings
 * @param historyTimeToLive how long the engine keeps the history of finished cases; unset keeps what each diagram says
 * @param deployDiagrams whether to deploy the library's own diagrams at start
 * @param directoryFile a JSON file of the city's units (Spring resource location, e.g. {@code classpath:city.json}); when
 *     set it is the organisation directory, unless the host provides an OrganisationDirectory bean
 * @param units the units of the default organisation directory when no directory file is given (ignored when the host
 *     provides an OrganisationDirectory bean)
 * @param eventDeliveryRetryDelays delays before each retry of a delivery to an event listener that threw; after the
 *     last the delivery is left failed for an operator (default 10s, 1m, 5m, 30m)
 * @param duplicateWindow how far apart in intake time two cases may be to be proposed as duplicates (default 7 days)
 * @param duplicateThreshold the least text similarity of a duplicate proposal, above 0 and at most 1 (default 0.5)
 * @param indicators how unit indicators are scored
 */
@ConfigurationProperties("hotline.workflow")
public record HotlineWorkflowProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue Calendar calendar,
        Duration historyTimeToLive,
        @DefaultValue("true") boolean deployDiagrams,
        String directoryFile,
        List<UnitEntry> units,
        @DefaultValue({"10s", "1m", "5m", "30m"}) List<Duration> eventDeliveryRetryDelays,
        @DefaultValue("7d") Duration duplicateWindow,
        @DefaultValue("0.5") double duplicateThreshold,
        @DefaultValue Indicators indicators) {

    public HotlineWorkflowProperties {
        units = units == null ? List.of() : List.copyOf(units);
    }

    /**
     * Working-day calendar settings.
     *
     * @param weekendsOnlyFallback count weekends only (with a logged warning) for a year that has no holiday data,
     *     instead of refusing to compute its deadlines
     */
    public record Calendar(@DefaultValue("false") boolean weekendsOnlyFallback) {
    }

    /**
     * How unit indicators are scored ({@code hotline.workflow.indicators.*}).
     *
     * @param basicallySatisfiedCounts whether BASICALLY_SATISFIED counts as satisfied (default true)
     * @param weights the weight of each indicator in the composite score, by {@link Indicator} name (default 20 on-time
     *     sign-for, 20 on-time completion, 10 return rate, 10 reopen rate, 20 satisfaction, 20 resolution)
     */
    public record Indicators(@DefaultValue("true") boolean basicallySatisfiedCounts, Map<Indicator, Double> weights) {

        IndicatorSettings settings() {
            return new IndicatorSettings(basicallySatisfiedCounts,
                    weights == null || weights.isEmpty() ? IndicatorSettings.DEFAULT.weights() : weights);
        }
    }

    /**
     * One unit of the default organisation directory.
     *
     * @param id the unit id, e.g. {@code lixia}
     * @param name the display name, e.g. 历下区
     * @param parent the id of the parent unit, if any
     */
    public record UnitEntry(String id, String name, String parent) {
    }
}

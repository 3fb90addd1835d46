package org.hotline12345.workflow.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each indicator's definition is written once in code and once in docs/indicators.md, identically; and the scoring. */
class IndicatorDocumentationTest {

    @Test
    void theDocsStateEachDefinitionAsTheCodeCountsIt() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "indicators.md"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        for (Indicator indicator : Indicator.values()) {
            assertThat(docs).as(indicator.name()).contains("`" + indicator.name() + "` (" + indicator.chineseName() + ", "
                    + (indicator.higherIsBetter() ? "higher" : "lower") + " is better): " + indicator.definition());
        }
    }

    @Test
    void theCompositeIsTheWeightedMeanOfTheCountableRates() {
        UnitIndicators indicators = new UnitIndicators(null, Period.parse("2026-11"), 4, new Rate(1, 2), new Rate(0, 0),
                new Rate(1, 4), new Rate(0, 0), new Rate(3, 4), new Rate(0, 0), Map.of(), null);
        IndicatorSettings settings = new IndicatorSettings(true, Map.of(Indicator.ON_TIME_SIGN_FOR, 1.0,
                Indicator.RETURN_RATE, 1.0, Indicator.SATISFACTION, 2.0, Indicator.RESOLUTION, 5.0));

        // (1 x 1/2 + 1 x (1 - 1/4) + 2 x 3/4) / (1 + 1 + 2) x 100; resolution has nothing to count and drops out.
        assertThat(settings.composite(indicators)).isEqualTo(68.75);
    }

    @Test
    void periodsAreMonthsQuartersOrRanges() {
        assertThat(Period.parse("2026-11")).isEqualTo(new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
        assertThat(Period.parse("2026-Q4")).isEqualTo(new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
        assertThat(Period.parse("2026-11-01..2026-11-15").to()).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThatThrownBy(() -> Period.parse("November")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("November");
    }
}

package nl.startpakket.reporting.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FigureCalculatorTest {

    @Test
    void shouldTakeTheMiddleValueAsMedianWhenTheCountIsOdd() {
        assertThat(FigureCalculator.median(List.of(3L, 7L, 20L))).isEqualByComparingTo("7.0");
    }

    @Test
    void shouldAverageTheTwoMiddleValuesWhenTheCountIsEven() {
        assertThat(FigureCalculator.median(List.of(3L, 8L, 20L, 40L))).isEqualByComparingTo("14.0");
        assertThat(FigureCalculator.median(List.of(3L, 4L))).isEqualByComparingTo("3.5");
    }

    @Test
    void shouldUseTheNearestRankForTheNinetiethPercentile() {
        List<Long> ten = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(FigureCalculator.percentile(ten, 90)).isEqualTo(9L);
        assertThat(FigureCalculator.percentile(List.of(5L), 90)).isEqualTo(5L);
        assertThat(FigureCalculator.percentile(List.of(1L, 2L, 3L, 4L, 30L), 90)).isEqualTo(30L);
    }

    @Test
    void shouldHaveNoMedianOrShareWhenThereIsNothingToMeasure() {
        assertThat(FigureCalculator.median(List.of())).isNull();
        assertThat(FigureCalculator.percentile(List.of(), 90)).isNull();
        assertThat(FigureCalculator.share(0, 0).share()).isNull();
    }

    @Test
    void shouldRoundSharesToTwoDecimalsHalfEven() {
        assertThat(FigureCalculator.share(2, 3).share()).isEqualByComparingTo("0.67");
        assertThat(FigureCalculator.share(1, 8).share()).isEqualByComparingTo("0.12");
    }
}

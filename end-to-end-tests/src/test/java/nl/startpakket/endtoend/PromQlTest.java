package nl.startpakket.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The tokenizer MonitoringMetricsIT relies on: metric names only, never functions, keywords or labels. */
class PromQlTest {

    @Test
    void findsTheMetricsAndNotTheFunctionsLabelsOrDurations() {
        assertThat(PromQl.metricNames("sum by (reason, municipality) (increase(startpakket_funding_on_hold_total{reason=\"CAP_REACHED\"}[1h]))"))
                .containsExactly("startpakket_funding_on_hold_total");
        assertThat(PromQl.metricNames("sum(rate(a_total[$__rate_interval])) by (application) * 60 / on(application) group_left b"))
                .containsExactly("a_total", "b");
        assertThat(PromQl.metricNames("min_over_time(lag[15m]) > 0 and lag >= lag offset 15m"))
                .containsExactly("lag");
        assertThat(PromQl.metricNames("x unless y offset 1d or z > bool 1e3 and inf < w"))
                .containsExactly("w", "x", "y", "z");
        assertThat(PromQl.metricNames("max_over_time(q[1h:5m]) > 80 < 100 or up{job=\"startpakket-services\"} == 0"))
                .containsExactly("q", "up");
        assertThat(PromQl.metricNames("label_replace(m, \"dst\", \"$1\", \"src\", \"(sum|rate)\")"))
                .containsExactly("m");
        assertThat(PromQl.metricNames("sum without (instance) (ALERTS{alertstate='firing', x=~`a(b)`})"))
                .containsExactly("ALERTS");
    }

    @Test
    void readsTheMetricOfAGrafanaLabelValuesVariable() {
        assertThat(PromQl.metricNamesOfVariableQuery("label_values(startpakket_contract_cap_used_percent{application=\"billing-service\"}, contract)"))
                .containsExactly("startpakket_contract_cap_used_percent");
        assertThat(PromQl.metricNamesOfVariableQuery("label_values(contract)")).isEmpty();
    }

    @Test
    void refusesWhatItCannotSee() {
        assertThatThrownBy(() -> PromQl.metricNames("{__name__=~\"startpakket_.*\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PromQl.metricNames("sum by (a")).isInstanceOf(IllegalArgumentException.class);
    }
}

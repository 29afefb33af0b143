package nl.startpakket.reporting.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code startpakket.reporting.*}. */
@ConfigurationProperties(prefix = "startpakket.reporting")
public class ReportingProperties {

    /** Counts below this are shown to evaluators as "&lt;threshold". */
    private int suppressionThreshold = 5;

    public int getSuppressionThreshold() {
        return suppressionThreshold;
    }

    public void setSuppressionThreshold(int suppressionThreshold) {
        if (suppressionThreshold < 1) {
            throw new IllegalArgumentException("suppression-threshold must be at least 1");
        }
        this.suppressionThreshold = suppressionThreshold;
    }
}

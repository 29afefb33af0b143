package nl.startpakket.billing.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A seller setting unfit for e-invoices stops the start with one line naming the property, not a stack trace. */
public class SellerSettingsFailureAnalyzer extends AbstractFailureAnalyzer<SellerSettings.Refused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SellerSettings.Refused cause) {
        return new FailureAnalysis(cause.getMessage(), "Set the foundation's details under startpakket.billing.seller "
                + "(see docs/adr/0007-einvoice-validation.md), or start with profile demo for the demo values.", cause);
    }
}

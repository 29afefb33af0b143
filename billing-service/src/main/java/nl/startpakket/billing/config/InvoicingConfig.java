package nl.startpakket.billing.config;

import nl.startpakket.billing.api.SellerParty;
import nl.startpakket.billing.command.invoice.InvoiceDrafts;
import nl.startpakket.billing.web.EInvoiceValidation;
import nl.startpakket.billing.web.OfficialInvoiceRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The foundation as seller (checked for e-invoices at startup), the documents it issues, and the
 * official e-invoice rules every document passes before it is issued. The rule sets compile in
 * the background once the service is ready, so the first invoice does not wait for them.
 */
@Configuration(proxyBeanMethods = false)
public class InvoicingConfig {

    private static final Logger log = LoggerFactory.getLogger(InvoicingConfig.class);

    @Bean
    public SellerParty seller(BillingProperties properties, Environment environment) {
        return SellerSettings.resolve(properties.getSeller(), environment.acceptsProfiles(Profiles.of("demo")));
    }

    @Bean
    public InvoiceDrafts invoiceDrafts(SellerParty seller, BillingProperties properties) {
        return new InvoiceDrafts(seller, properties.getSeller().getPaymentTermDays());
    }

    @Bean
    public OfficialInvoiceRules eInvoiceRules(InvoiceDrafts drafts) {
        return new OfficialInvoiceRules(drafts, EInvoiceValidation.official());
    }

    @Bean
    public ApplicationListener<ApplicationReadyEvent> eInvoiceRulesWarmUp(OfficialInvoiceRules rules) {
        return ready -> {
            Thread warmUp = new Thread(() -> {
                try {
                    log.info("E-invoice rule sets (EN 16931, Peppol BIS Billing 3.0, SI-UBL 2.0) compiled in {} ms",
                            rules.warmUp().toMillis());
                } catch (RuntimeException e) {
                    log.warn("E-invoice rule sets could not be compiled ahead; the first invoice compiles them", e);
                }
            }, "einvoice-rules-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        };
    }
}

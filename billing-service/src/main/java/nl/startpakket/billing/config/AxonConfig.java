package nl.startpakket.billing.config;

import nl.startpakket.billing.command.contract.Contract;
import nl.startpakket.billing.command.municipality.MunicipalityFunding;
import nl.startpakket.billing.command.invoice.InvoiceNumberSeries;
import nl.startpakket.billing.command.invoice.Invoice;
import nl.startpakket.billing.command.invoice.InvoiceDrafts;
import nl.startpakket.billing.command.invoice.InvoiceIssuing;
import nl.startpakket.billing.command.routing.FundingRouting;
import org.axonframework.common.caching.Cache;
import nl.startpakket.platform.axon.AggregateCaches;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the routing and invoice-issuing processes (kept free of Spring in the command package) as Axon event handlers, and the aggregate caches. */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    @Bean
    public FundingRouting fundingRouting(CommandGateway commandGateway) {
        return new FundingRouting(commandGateway);
    }

    @Bean
    public InvoiceIssuing invoiceIssuing(CommandGateway commandGateway, InvoiceDrafts drafts) {
        return new InvoiceIssuing(commandGateway, drafts);
    }

    /** Long-lived: every accepted referral and delivery is a command on its contract and its municipality. */
    @Bean
    public Cache contractCache(AggregateCaches caches) {
        return caches.create("contract", Contract.class, 1_000);
    }

    @Bean
    public Cache municipalityFundingCache(AggregateCaches caches) {
        return caches.create("municipalityFunding", MunicipalityFunding.class, 1_000);
    }

    @Bean
    public Cache invoiceNumberSeriesCache(AggregateCaches caches) {
        return caches.create("invoiceNumberSeries", InvoiceNumberSeries.class, 100);
    }

    @Bean
    public Cache invoiceCache(AggregateCaches caches) {
        return caches.create("invoice", Invoice.class, 1_000);
    }
}

package nl.startpakket.billing.integration.in;

import java.time.Clock;
import java.time.LocalDate;
import nl.startpakket.billing.api.CloseInvoicePeriodCommand;
import nl.startpakket.billing.api.EInvoiceRefused;
import nl.startpakket.billing.api.InvoicePeriod;
import nl.startpakket.billing.api.InvoicePeriods;
import nl.startpakket.billing.query.ContractDocument;
import nl.startpakket.billing.query.ContractQueries;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled invoice run: for every contract, the last closed period is invoiced. Asking for
 * a period already invoiced changes nothing, so the run may repeat daily and after restarts.
 */
@Component
public class InvoiceSchedule {

    private static final Logger log = LoggerFactory.getLogger(InvoiceSchedule.class);

    private final ContractQueries contracts;
    private final CommandGateway commands;
    private final Clock clock;

    public InvoiceSchedule(ContractQueries contracts, CommandGateway commands, Clock clock) {
        this.contracts = contracts;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(cron = "${startpakket.billing.invoice-schedule:0 15 6 * * *}", zone = "Europe/Amsterdam")
    public void run() {
        LocalDate today = LocalDate.now(clock);
        for (ContractDocument contract : contracts.contracts()) {
            LocalDate periodEnd = InvoicePeriods.lastClosedPeriodEnd(InvoicePeriod.valueOf(contract.invoicePeriod()),
                    contract.validFrom(), contract.validTo(), today);
            if (periodEnd == null) {
                continue;
            }
            try {
                Object result = commands.sendAndWait(new CloseInvoicePeriodCommand(contract.contractId(), periodEnd,
                        "invoice-schedule"));
                if (result != null) {
                    log.info("Invoice run: {} up to {} -> {}", contract.contractId(), periodEnd, result);
                }
            } catch (EInvoiceRefused e) {
                log.warn("Invoice run: {} up to {} not invoiced (no number used; the next run tries again): {}",
                        contract.contractId(), periodEnd, e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Invoice run for {} up to {} failed; the next run tries again", contract.contractId(), periodEnd, e);
            }
        }
    }
}

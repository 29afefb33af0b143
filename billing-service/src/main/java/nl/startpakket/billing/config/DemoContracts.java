package nl.startpakket.billing.config;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.startpakket.billing.api.ContractTerms;
import nl.startpakket.billing.api.InvoicePeriod;
import nl.startpakket.billing.api.InvoiceRecipient;
import nl.startpakket.billing.api.InvoicingDetails;
import nl.startpakket.billing.api.VatTreatment;
import nl.startpakket.billing.api.Money;
import nl.startpakket.billing.api.RegisterContractCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import nl.startpakket.billing.api.ContractRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo contracts of DESIGN.md, registered at startup under profile {@code demo}. Registering
 * the same terms again changes nothing, so a restart does not duplicate them.
 */
@Component
@Profile("demo")
public class DemoContracts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContracts.class);

    static final List<RegisterContractCommand> CONTRACTS = List.of(
            new RegisterContractCommand("huizen-2026", new ContractTerms("GM0406", LocalDate.of(2026, 2, 1),
                    LocalDate.of(2027, 1, 31), Money.eur(80), Money.eur(80), 125, Money.eur(10_000), InvoicePeriod.MONTHLY),
                    invoicing(new InvoiceRecipient("Gemeente Huizen, afdeling Sociaal Domein", null,
                            null, "Huizen", "NL", "huizen-2026", null, null, null)),
                    "demo-data"),
            new RegisterContractCommand("heerlen-2026", new ContractTerms("GM0917", LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 12, 31), Money.eur(50), Money.eur(50), null, null, InvoicePeriod.MONTHLY),
                    invoicing(new InvoiceRecipient("Gemeente Heerlen", null, null, "Heerlen", "NL",
                            "heerlen-2026", null, null, null)),
                    "demo-data"));

    private static InvoicingDetails invoicing(InvoiceRecipient recipient) {
        return new InvoicingDetails(recipient, new VatTreatment("E", BigDecimal.ZERO, "Vrijgesteld van btw / Exempt from VAT"));
    }

    private final CommandGateway commands;

    public DemoContracts(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (RegisterContractCommand contract : CONTRACTS) {
            try {
                commands.sendAndWait(contract);
                log.info("Demo contract {} registered (or already there)", contract.contractId());
            } catch (RuntimeException e) {
                if (!(e instanceof ContractRuleViolation) && !(e.getCause() instanceof ContractRuleViolation)) {
                    throw e;
                }
                // the demo contract exists and was amended since (a raised cap, say): its history wins
                log.info("Demo contract {} already there with amended terms: {}", contract.contractId(), e.getMessage());
            }
        }
    }
}

package nl.startpakket.billing.config;

import java.math.BigDecimal;
import java.time.Clock;
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
 * The demo contracts of DESIGN.md, registered at startup under profile {@code demo}: Huizen's
 * contract year (1 February to 31 January, €80, cap 125, budget €10,000) and Heerlen's calendar
 * year (€50, no cap), each the one in force on the day the stack starts, so the demo never runs
 * into an ended contract. Registering the same terms again changes nothing, so a restart does not
 * duplicate them; a restart in a later contract year adds that year's contract beside the earlier
 * one, as consecutive contracts of a municipality.
 */
@Component
@Profile("demo")
public class DemoContracts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContracts.class);

    /** The demo contracts in force on {@code today}, named after the year each starts in. */
    public static List<RegisterContractCommand> inForceOn(LocalDate today) {
        LocalDate huizenFrom = LocalDate.of(today.getMonthValue() >= 2 ? today.getYear() : today.getYear() - 1, 2, 1);
        LocalDate heerlenFrom = LocalDate.of(today.getYear(), 1, 1);
        String huizen = "huizen-" + huizenFrom.getYear();
        String heerlen = "heerlen-" + heerlenFrom.getYear();
        return List.of(
                new RegisterContractCommand(huizen, new ContractTerms("GM0406", huizenFrom,
                        huizenFrom.plusYears(1).minusDays(1), Money.eur(80), Money.eur(80), 125, Money.eur(10_000),
                        InvoicePeriod.MONTHLY),
                        invoicing(new InvoiceRecipient("Gemeente Huizen, afdeling Sociaal Domein", null,
                                null, "Huizen", "NL", huizen, null, null, null)),
                        "demo-data"),
                new RegisterContractCommand(heerlen, new ContractTerms("GM0917", heerlenFrom,
                        heerlenFrom.plusYears(1).minusDays(1), Money.eur(50), Money.eur(50), null, null,
                        InvoicePeriod.MONTHLY),
                        invoicing(new InvoiceRecipient("Gemeente Heerlen", null, null, "Heerlen", "NL",
                                heerlen, null, null, null)),
                        "demo-data"));
    }

    private static InvoicingDetails invoicing(InvoiceRecipient recipient) {
        return new InvoicingDetails(recipient, new VatTreatment("E", BigDecimal.ZERO, "Vrijgesteld van btw / Exempt from VAT"));
    }

    private final CommandGateway commands;
    private final Clock clock;

    public DemoContracts(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (RegisterContractCommand contract : inForceOn(LocalDate.now(clock))) {
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

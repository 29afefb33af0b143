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
 * into an ended contract. Their invoice recipients carry what e-invoices need (a postal address and
 * an OIN as electronic address, demo ones), so their invoices pass the official rules.
 * Registering the same terms again changes nothing (other invoicing details change only those:
 * a stack registered before gets these recipients), so a restart does not duplicate them; a
 * restart in a later contract year adds that year's contract beside the earlier one, as
 * consecutive contracts of a municipality.
 */
@Component
@Profile("demo")
public class DemoContracts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContracts.class);
    /** Peppol EAS code of the Dutch government's organisation number (OIN). */
    private static final String OIN = "0190";

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
                        invoicing(new InvoiceRecipient("Gemeente Huizen, afdeling Sociaal Domein", "Postbus 5",
                                "1270 AA", "Huizen", "NL", huizen, null, OIN, demoOin("GM0406"))),
                        "demo-data"),
                new RegisterContractCommand(heerlen, new ContractTerms("GM0917", heerlenFrom,
                        heerlenFrom.plusYears(1).minusDays(1), Money.eur(50), Money.eur(50), null, null,
                        InvoicePeriod.MONTHLY),
                        invoicing(new InvoiceRecipient("Gemeente Heerlen", "Postbus 1", "6400 AA", "Heerlen", "NL",
                                heerlen, null, OIN, demoOin("GM0917"))),
                        "demo-data"));
    }

    /**
     * A demo OIN of the municipality: the form of a municipality's OIN (00000001, a nine-digit
     * number, 000) with the CBS code as its number, so it is plainly the demo's and no one's real one.
     */
    public static String demoOin(String municipality) {
        return "00000001" + String.format("%09d", Integer.parseInt(municipality.substring(2))) + "000";
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

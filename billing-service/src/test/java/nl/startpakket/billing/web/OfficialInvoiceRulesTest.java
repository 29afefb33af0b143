package nl.startpakket.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.startpakket.billing.api.EInvoiceRuleFailure;
import nl.startpakket.billing.api.InvoiceCreditedEvent;
import nl.startpakket.billing.api.InvoiceLine;
import nl.startpakket.billing.api.InvoicePeriodClosedEvent;
import nl.startpakket.billing.api.InvoiceRecipient;
import nl.startpakket.billing.api.InvoicingDetails;
import nl.startpakket.billing.api.Money;
import nl.startpakket.billing.api.RegisterContractCommand;
import nl.startpakket.billing.command.invoice.InvoiceDrafts;
import nl.startpakket.billing.config.DemoContracts;
import nl.startpakket.events.Phase;
import org.junit.jupiter.api.Test;

/** The rules the contract asks: the document a closed period or a credit would issue, checked as it would be issued. */
class OfficialInvoiceRulesTest {

    static final Instant CLOSED_AT = Instant.parse("2026-04-01T07:15:00Z");
    static final List<InvoiceLine> LINES = List.of(
            new InvoiceLine("R-7f3c", Phase.BABY, LocalDate.of(2026, 3, 3), Money.eur(80)),
            new InvoiceLine("R-91ab", Phase.TODDLER, LocalDate.of(2026, 3, 20), Money.eur(80)));

    final OfficialInvoiceRules rules = new OfficialInvoiceRules(new InvoiceDrafts(InvoiceDocumentsTest.SELLER, 30),
            EInvoiceValidation.official());

    static InvoicePeriodClosedEvent closed(String contractId, InvoicingDetails invoicing) {
        return new InvoicePeriodClosedEvent(contractId, "GM0406", "INV-" + contractId + "-20260331", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), LINES, invoicing, "finance", CLOSED_AT);
    }

    @Test
    void shouldPassTheInvoicesAndCreditNotesOfTheDemoContracts() {
        List<RegisterContractCommand> demo = DemoContracts.inForceOn(LocalDate.of(2026, 4, 1));

        assertThat(demo).isNotEmpty().allSatisfy(contract -> {
            assertThat(rules.check(closed(contract.contractId(), contract.invoicing()))).as(contract.contractId()).isEmpty();
            assertThat(rules.check(new InvoiceCreditedEvent(contract.contractId(), contract.terms().municipality(),
                    "INV-" + contract.contractId() + "-20260331", "CN-" + contract.contractId() + "-20260331-1", LINES,
                    contract.invoicing(), "Wrong purchase order number", "finance", CLOSED_AT))).as(contract.contractId()).isEmpty();
        });
    }

    @Test
    void shouldRefuseTheInvoiceOfAContractRegisteredWithoutRecipientNamingWhatToAdd() {
        InvoicingDetails byDefault = new InvoicingDetails(InvoiceRecipient.defaultFor("Huizen", "c-1"),
                InvoiceDocumentsTest.EXEMPT);

        List<EInvoiceRuleFailure> failures = rules.check(closed("c-1", byDefault));

        assertThat(failures).extracting(EInvoiceRuleFailure::ruleId)
                .containsExactlyInAnyOrder("PEPPOL-EN16931-R010", "NL-R-004", "BR-NL-4", "BR-NL-10");
        assertThat(failures).allSatisfy(f -> assertThat(f.hint()).contains("invoice recipient"));
    }

    @Test
    void shouldCompileEveryRuleSetOnWarmUp() {
        assertThat(rules.warmUp()).isPositive();
    }
}

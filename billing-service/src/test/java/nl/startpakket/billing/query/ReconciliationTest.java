package nl.startpakket.billing.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.startpakket.billing.api.InvoiceRecipient;
import nl.startpakket.billing.api.VatTreatment;
import nl.startpakket.billing.query.FundingStatusDocument.FundingState;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    static final ContractDocument CONTRACT = new ContractDocument("c-1", "GM0406", LocalDate.of(2026, 2, 1),
            LocalDate.of(2027, 1, 31), new BigDecimal("80.00"), new BigDecimal("50.00"), 125, null, "MONTHLY",
            InvoiceRecipient.defaultFor("Huizen", "c-1"), new VatTreatment("E", BigDecimal.ZERO, "Vrijgesteld"), "t",
            Instant.now());

    static FundingStatusDocument delivered(String referralId, String phase) {
        return new FundingStatusDocument(referralId, "c-1", "GM0406", phase, LocalDate.of(2026, 2, 10), FundingState.DELIVERED,
                null, "BABY".equals(phase) ? new BigDecimal("80.00") : new BigDecimal("50.00"), LocalDate.of(2026, 2, 20),
                Instant.now());
    }

    static FundingStatusDocument reserved(String referralId) {
        return new FundingStatusDocument(referralId, "c-1", "GM0406", "BABY", LocalDate.of(2026, 2, 10), FundingState.RESERVED,
                null, new BigDecimal("80.00"), null, Instant.now());
    }

    static InvoiceDocument document(String id, String kind, String... referralAndAmount) {
        List<InvoiceDocument.Line> lines = new java.util.ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < referralAndAmount.length; i += 2) {
            BigDecimal amount = new BigDecimal(referralAndAmount[i + 1]);
            lines.add(new InvoiceDocument.Line(referralAndAmount[i], "BABY", LocalDate.of(2026, 2, 20), amount));
            total = total.add(amount);
        }
        return new InvoiceDocument(id, kind, id, 2026, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), "c-1", "GM0406",
                null, CONTRACT.recipient(), CONTRACT.vat(), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), lines, total,
                BigDecimal.ZERO, total, null, null, null, Instant.now());
    }

    @Test
    void shouldBalanceWhenEveryDeliveryIsInvoicedOnceOrStillWaits() {
        Reconciliation r = Reconciliation.of(CONTRACT,
                List.of(delivered("R-1", "BABY"), delivered("R-2", "TODDLER"), delivered("R-3", "BABY"), reserved("R-4")),
                List.of(document("2026-00001", "INVOICE", "R-1", "80.00", "R-2", "50.00")));

        assertThat(r.balanced()).isTrue();
        assertThat(r.deliveredPackages()).isEqualTo(3);
        assertThat(r.deliveredAmount()).isEqualByComparingTo("210.00");
        assertThat(r.invoicedLines()).isEqualTo(2);
        assertThat(r.invoicedAmount()).isEqualByComparingTo("130.00");
        assertThat(r.notYetInvoicedLines()).isEqualTo(1);
        assertThat(r.deliveredByPhase().get("BABY").packages()).isEqualTo(2);
    }

    @Test
    void shouldNetACreditNoteAndItsReissue() {
        Reconciliation r = Reconciliation.of(CONTRACT, List.of(delivered("R-1", "BABY")),
                List.of(document("2026-00001", "INVOICE", "R-1", "80.00"), document("2026-00002", "CREDIT_NOTE", "R-1", "80.00"),
                        document("2026-00003", "INVOICE", "R-1", "80.00")));

        assertThat(r.balanced()).isTrue();
        assertThat(r.invoicedLines()).isEqualTo(1);
        assertThat(r.creditNotes()).isEqualTo(1);
    }

    @Test
    void shouldNotBalanceWhenAPackageIsInvoicedTwice() {
        Reconciliation r = Reconciliation.of(CONTRACT, List.of(delivered("R-1", "BABY")),
                List.of(document("2026-00001", "INVOICE", "R-1", "80.00"), document("2026-00002", "INVOICE", "R-1", "80.00")));

        assertThat(r.balanced()).isFalse();
        assertThat(r.invoicedMoreThanOnce()).containsExactly("R-1");
    }

    @Test
    void shouldNotBalanceWhenALineHasAnotherAmountThanTheDelivery() {
        Reconciliation r = Reconciliation.of(CONTRACT, List.of(delivered("R-1", "BABY")),
                List.of(document("2026-00001", "INVOICE", "R-1", "79.99")));

        assertThat(r.balanced()).isFalse();
        assertThat(r.amountMismatches()).containsExactly("R-1");
    }

    @Test
    void shouldNotBalanceWhenSomethingIsInvoicedThatWasNotDelivered() {
        Reconciliation r = Reconciliation.of(CONTRACT, List.of(reserved("R-1")),
                List.of(document("2026-00001", "INVOICE", "R-1", "80.00")));

        assertThat(r.balanced()).isFalse();
        assertThat(r.invoicedButNotDelivered()).containsExactly("R-1");
    }
}

package nl.startpakket.billing.web;

import static nl.startpakket.billing.web.EInvoiceAssertions.assertPassesTheOfficialRules;
import static org.assertj.core.api.Assertions.assertThat;

import com.helger.diagnostics.error.list.ErrorList;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import nl.startpakket.billing.api.EInvoiceRuleFailure;
import nl.startpakket.billing.api.InvoiceRecipient;
import nl.startpakket.billing.api.SellerParty;
import nl.startpakket.billing.api.VatTreatment;
import nl.startpakket.billing.query.InvoiceDocument;
import nl.startpakket.municipalities.MunicipalityRegister;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import com.helger.ubl21.UBL21Marshaller;
import org.junit.jupiter.api.Test;

class InvoiceDocumentsTest {

    static final SellerParty SELLER = new SellerParty("Stichting Babystartpakket", "Voorbeeldstraat 1", "1271 AB", "Huizen",
            "NL", "81726354", "NL817263548B01", "NL91ABNA0417164300", "administratie@example.org", "0106", "81726354");
    static final InvoiceRecipient BUYER = new InvoiceRecipient("Gemeente Huizen", "Postbus 5", "1270 AA", "Huizen", "NL",
            "huizen-2026", "PO-17", "0190", "00000001234567890000");

    static InvoiceDocument invoice(String kind, VatTreatment vat, String vatAmount, String total) {
        return invoice(kind, BUYER, vat, "160.00", vatAmount, total);
    }

    static InvoiceDocument invoice(String kind, InvoiceRecipient buyer, VatTreatment vat, String lineTotal, String vatAmount,
                                   String total) {
        List<InvoiceDocument.Line> lines = List.of(
                new InvoiceDocument.Line("R-7f3c", "BABY", LocalDate.of(2026, 3, 3), new BigDecimal("80.00")),
                new InvoiceDocument.Line("R-91ab", "TODDLER", LocalDate.of(2026, 3, 20), new BigDecimal("80.00")));
        return new InvoiceDocument("INV-huizen-2026-20260331", kind, "2026-00004", 2026, LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 5, 1), "huizen-2026", "GM0406", SELLER, buyer, vat, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), lines, new BigDecimal(lineTotal), new BigDecimal(vatAmount), new BigDecimal(total),
                "CREDIT_NOTE".equals(kind) ? "INV-x" : null, "CREDIT_NOTE".equals(kind) ? "2026-00003" : null,
                "CREDIT_NOTE".equals(kind) ? "Wrong purchase order number" : null, Instant.now());
    }

    static final VatTreatment EXEMPT = new VatTreatment("E", BigDecimal.ZERO, "Vrijgesteld van btw / Exempt from VAT");

    static List<String> brokenRules(InvoiceDocument document) {
        return EInvoiceValidation.official().errorsOf(document).stream().map(EInvoiceRuleFailure::ruleId).toList();
    }

    @Test
    void shouldWriteAnInvoiceThatIsValidUbl21() {
        byte[] xml = new UblInvoiceWriter().write(invoice("INVOICE", EXEMPT, "0.00", "160.00"));

        ErrorList errors = new ErrorList();
        InvoiceType parsed = UBL21Marshaller.invoice().setCollectErrors(errors).read(new StreamSource(
                new java.io.ByteArrayInputStream(xml)));

        assertThat(errors.getAllErrors()).as(new String(xml, StandardCharsets.UTF_8)).isEmpty();
        assertThat(parsed).isNotNull();
        assertThat(parsed.getCustomizationIDValue()).isEqualTo(UblInvoiceWriter.Customization.SI_UBL_2_0.id());
        assertThat(parsed.getBuyerReferenceValue()).isEqualTo("huizen-2026");
        assertThat(parsed.getInvoiceLine()).hasSize(2);
        assertThat(parsed.getLegalMonetaryTotal().getPayableAmountValue()).isEqualByComparingTo("160.00");
        assertThat(parsed.getTaxTotal().get(0).getTaxSubtotal().get(0).getTaxCategory().getTaxExemptionReason().get(0)
                .getValue()).isEqualTo("Vrijgesteld van btw / Exempt from VAT");
    }

    @Test
    void shouldWriteAnExemptInvoiceThatPassesEn16931PeppolBisAndSiUbl() {
        assertPassesTheOfficialRules(invoice("INVOICE", EXEMPT, "0.00", "160.00"));
    }

    @Test
    void shouldWriteAStandardRatedInvoiceThatPassesTheOfficialRules() {
        assertPassesTheOfficialRules(invoice("INVOICE", new VatTreatment("S", new BigDecimal("21"), null), "33.60", "193.60"));
    }

    @Test
    void shouldWriteACreditNoteThatPassesTheOfficialRules() {
        assertPassesTheOfficialRules(invoice("CREDIT_NOTE", EXEMPT, "0.00", "160.00"));
    }

    @Test
    void shouldNameRuleR010WhenTheBuyerHasNoElectronicAddress() {
        InvoiceRecipient noEndpoint = new InvoiceRecipient(BUYER.name(), BUYER.street(), BUYER.postalCode(), BUYER.city(), "NL",
                BUYER.buyerReference(), null, null, null);

        List<EInvoiceRuleFailure> failures = EInvoiceValidation.official().errorsOf(
                invoice("INVOICE", noEndpoint, EXEMPT, "160.00", "0.00", "160.00"));

        assertThat(failures).extracting(EInvoiceRuleFailure::ruleId).containsExactly("PEPPOL-EN16931-R010", "BR-NL-10");
        assertThat(failures.get(0).message()).isEqualTo("Buyer electronic address MUST be provided");
        assertThat(failures.get(0).ruleSet()).isEqualTo("eu.peppol.bis3:invoice:2026.5");
        assertThat(failures.get(0).hint()).contains("endpointScheme 0190").contains("OIN");
    }

    @Test
    void shouldNameTheAddressRulesWhenTheDefaultRecipientHasNoAddress() {
        assertThat(brokenRules(invoice("INVOICE", InvoiceRecipient.defaultFor("Huizen", "huizen-2026"), EXEMPT, "160.00",
                "0.00", "160.00"))).containsExactlyInAnyOrder("PEPPOL-EN16931-R010", "NL-R-004", "BR-NL-4", "BR-NL-10");
    }

    @Test
    void shouldNameTheSumRuleWhenTheTotalIsWrong() {
        List<EInvoiceRuleFailure> failures = EInvoiceValidation.official().errorsOf(
                invoice("INVOICE", BUYER, EXEMPT, "150.00", "0.00", "150.00"));

        assertThat(failures).extracting(EInvoiceRuleFailure::ruleId).contains("BR-CO-10");
        assertThat(failures).filteredOn(f -> f.ruleId().equals("BR-CO-10")).singleElement()
                .satisfies(f -> assertThat(f.ruleSet()).as("each rule once, with every rule set that has it")
                        .isEqualTo("eu.cen.en16931:ubl:1.3.16, eu.peppol.bis3:invoice:2026.5, org.simplerinvoicing:invoice:2.0.3-12"));
    }

    @Test
    void shouldFindSchemaErrorsWhenAMandatoryElementIsMissing() {
        String xml = new String(new UblInvoiceWriter().write(invoice("INVOICE", EXEMPT, "0.00", "160.00")),
                StandardCharsets.UTF_8).replaceFirst("<cbc:IssueDate>[^<]*</cbc:IssueDate>", "");

        ErrorList errors = new ErrorList();
        UBL21Marshaller.invoice().setCollectErrors(errors).read(new StreamSource(
                new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));

        assertThat(errors.getAllErrors()).isNotEmpty();
    }

    @Test
    void shouldWriteACreditNoteThatIsValidUbl21AndRefersToTheInvoice() {
        byte[] xml = new UblInvoiceWriter().write(invoice("CREDIT_NOTE", EXEMPT, "0.00", "160.00"));

        ErrorList errors = new ErrorList();
        CreditNoteType parsed = UBL21Marshaller.creditNote().setCollectErrors(errors).read(new StreamSource(
                new java.io.ByteArrayInputStream(xml)));

        assertThat(errors.getAllErrors()).as(new String(xml, StandardCharsets.UTF_8)).isEmpty();
        assertThat(parsed.getBillingReference().get(0).getInvoiceDocumentReference().getIDValue()).isEqualTo("2026-00003");
        assertThat(parsed.getCreditNoteLine()).hasSize(2);
    }

    @Test
    void shouldWriteStandardRatedVatWithoutExemptionText() {
        VatTreatment standard = new VatTreatment("S", new BigDecimal("21"), null);
        byte[] xml = new UblInvoiceWriter().write(invoice("INVOICE", standard, "33.60", "193.60"));

        ErrorList errors = new ErrorList();
        InvoiceType parsed = UBL21Marshaller.invoice().setCollectErrors(errors).read(new StreamSource(
                new java.io.ByteArrayInputStream(xml)));

        assertThat(errors.getAllErrors()).isEmpty();
        assertThat(parsed.getTaxTotal().get(0).getTaxAmountValue()).isEqualByComparingTo("33.60");
        assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("TaxExemptionReason");
    }

    @Test
    void shouldWriteAPdfAPersonCanReadWithNumberTotalsAndExemptionText() throws Exception {
        byte[] pdf = new PdfInvoiceWriter(MunicipalityRegister.shipped()).write(invoice("INVOICE", EXEMPT, "0.00", "160.00"));

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("2026-00004").contains("Gemeente Huizen").contains("R-7f3c")
                .contains("€ 160,00").contains("Vrijgesteld van btw").contains("huizen-2026")
                .contains("Gemeente / Municipality: Huizen (GM0406)");
    }
}

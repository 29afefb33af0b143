package nl.startpakket.billing.web;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.startpakket.billing.api.InvoiceRecipient;
import nl.startpakket.billing.api.SellerParty;
import nl.startpakket.billing.api.VatTreatment;
import nl.startpakket.billing.query.InvoiceDocument;

/**
 * Writes an issued invoice as a UBL 2.1 {@code Invoice} (or {@code CreditNote}) following the
 * Dutch SI-UBL 2.0 (NLCIUS) customisation of EN 16931 or, the same content, Peppol BIS Billing
 * 3.0: customisation and profile ids, buyer reference, invoice period, contract reference,
 * supplier with its electronic address, KvK and VAT number, customer with its electronic address
 * (which, for a KvK or OIN address, is also its legal identifier), payment by credit transfer, one VAT breakdown with the exemption text where the
 * category needs one, totals, and one line per delivered package (quantity 1, the referral's
 * pseudonymous id and delivery date, the phase as item name). Elements follow the XSD order.
 */
public class UblInvoiceWriter {

    static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    static final String PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

    /** Electronic address schemes that also identify the legal entity: KvK (0106) and OIN (0190). */
    static final java.util.Set<String> LEGAL_ID_SCHEMES = java.util.Set.of("0106", "0190");

    private XMLStreamWriter xml;

    /**
     * The customisations of EN 16931 a document can claim (its {@code CustomizationID}). Each rule
     * set accepts only its own, so the same content is written, and checked, as each of them.
     */
    public enum Customization {
        /** SI-UBL 2.0, the Dutch NLCIUS: what the service delivers. */
        SI_UBL_2_0("urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0"),
        /** Peppol BIS Billing 3.0, which SI-UBL 2.0 is aligned with. */
        PEPPOL_BIS_3("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0");

        private final String id;

        Customization(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** The document as SI-UBL 2.0, the one the service delivers. */
    public byte[] write(InvoiceDocument invoice) {
        return write(invoice, Customization.SI_UBL_2_0);
    }

    public synchronized byte[] write(InvoiceDocument invoice, Customization customization) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            boolean credit = invoice.isCreditNote();
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            String root = credit ? "CreditNote" : "Invoice";
            xml.setDefaultNamespace(credit ? CREDIT_NOTE_NS : INVOICE_NS);
            xml.setPrefix("cac", CAC);
            xml.setPrefix("cbc", CBC);
            xml.writeStartElement(credit ? CREDIT_NOTE_NS : INVOICE_NS, root);
            xml.writeDefaultNamespace(credit ? CREDIT_NOTE_NS : INVOICE_NS);
            xml.writeNamespace("cac", CAC);
            xml.writeNamespace("cbc", CBC);

            cbc("CustomizationID", customization.id());
            cbc("ProfileID", PROFILE_ID);
            cbc("ID", invoice.number());
            cbc("IssueDate", invoice.issueDate().toString());
            if (!credit) {
                cbc("DueDate", invoice.dueDate().toString());
                cbc("InvoiceTypeCode", "380");
            } else {
                cbc("CreditNoteTypeCode", "381");
            }
            if (invoice.note() != null) {
                cbc("Note", invoice.note());
            }
            cbc("DocumentCurrencyCode", "EUR");
            InvoiceRecipient buyer = invoice.recipient();
            cbc("BuyerReference", buyer.buyerReference());
            start("cac", "InvoicePeriod");
            cbc("StartDate", invoice.periodStart().toString());
            cbc("EndDate", invoice.periodEnd().toString());
            end();
            if (buyer.purchaseOrder() != null && !buyer.purchaseOrder().isBlank()) {
                start("cac", "OrderReference");
                cbc("ID", buyer.purchaseOrder());
                end();
            }
            if (credit && invoice.precedingInvoiceNumber() != null) {
                start("cac", "BillingReference");
                start("cac", "InvoiceDocumentReference");
                cbc("ID", invoice.precedingInvoiceNumber());
                end();
                end();
            }
            start("cac", "ContractDocumentReference");
            cbc("ID", invoice.contractId());
            end();
            supplier(invoice.seller());
            customer(buyer);
            paymentMeans(invoice);
            if (!credit) {
                start("cac", "PaymentTerms");
                cbc("Note", "Betaling vóór " + invoice.dueDate() + " o.v.v. " + invoice.number()
                        + " / Payment before " + invoice.dueDate() + " quoting " + invoice.number());
                end();
            }
            taxTotal(invoice);
            monetaryTotal(invoice);
            List<InvoiceDocument.Line> lines = invoice.lines();
            for (int i = 0; i < lines.size(); i++) {
                line(i + 1, lines.get(i), invoice.vat(), credit);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write UBL of " + invoice.invoiceId(), e);
        }
        return out.toByteArray();
    }

    private void supplier(SellerParty seller) throws XMLStreamException {
        start("cac", "AccountingSupplierParty");
        start("cac", "Party");
        if (seller.endpointId() != null) {
            xml.writeStartElement(CBC, "EndpointID");
            xml.writeAttribute("schemeID", seller.endpointScheme());
            xml.writeCharacters(seller.endpointId());
            xml.writeEndElement();
        }
        start("cac", "PartyName");
        cbc("Name", seller.name());
        end();
        address(seller.street(), seller.city(), seller.postalCode(), seller.countryCode());
        if (seller.vatNumber() != null && !seller.vatNumber().isBlank()) {
            start("cac", "PartyTaxScheme");
            cbc("CompanyID", seller.vatNumber());
            taxScheme();
            end();
        }
        start("cac", "PartyLegalEntity");
        cbc("RegistrationName", seller.name());
        if (seller.chamberOfCommerce() != null) {
            xml.writeStartElement(CBC, "CompanyID");
            xml.writeAttribute("schemeID", "0106");
            xml.writeCharacters(seller.chamberOfCommerce());
            xml.writeEndElement();
        }
        end();
        if (seller.email() != null) {
            start("cac", "Contact");
            cbc("ElectronicMail", seller.email());
            end();
        }
        end();
        end();
    }

    private void customer(InvoiceRecipient buyer) throws XMLStreamException {
        start("cac", "AccountingCustomerParty");
        start("cac", "Party");
        if (buyer.endpointId() != null && buyer.endpointScheme() != null) {
            xml.writeStartElement(CBC, "EndpointID");
            xml.writeAttribute("schemeID", buyer.endpointScheme());
            xml.writeCharacters(buyer.endpointId());
            xml.writeEndElement();
        }
        start("cac", "PartyName");
        cbc("Name", buyer.name());
        end();
        address(buyer.street(), buyer.city(), buyer.postalCode(), buyer.countryCode() == null ? "NL" : buyer.countryCode());
        start("cac", "PartyLegalEntity");
        cbc("RegistrationName", buyer.name());
        if (buyer.endpointId() != null && LEGAL_ID_SCHEMES.contains(buyer.endpointScheme())) {
            xml.writeStartElement(CBC, "CompanyID");
            xml.writeAttribute("schemeID", buyer.endpointScheme());
            xml.writeCharacters(buyer.endpointId());
            xml.writeEndElement();
        }
        end();
        end();
        end();
    }

    private void address(String street, String city, String postalCode, String country) throws XMLStreamException {
        start("cac", "PostalAddress");
        if (street != null) {
            cbc("StreetName", street);
        }
        if (city != null) {
            cbc("CityName", city);
        }
        if (postalCode != null) {
            cbc("PostalZone", postalCode);
        }
        start("cac", "Country");
        cbc("IdentificationCode", country);
        end();
        end();
    }

    private void paymentMeans(InvoiceDocument invoice) throws XMLStreamException {
        start("cac", "PaymentMeans");
        cbc("PaymentMeansCode", "58");
        if (invoice.isCreditNote()) {
            cbc("PaymentDueDate", invoice.dueDate().toString());
        }
        cbc("PaymentID", invoice.number());
        if (invoice.seller().iban() != null) {
            start("cac", "PayeeFinancialAccount");
            cbc("ID", invoice.seller().iban().replace(" ", ""));
            end();
        }
        end();
    }

    private void taxTotal(InvoiceDocument invoice) throws XMLStreamException {
        start("cac", "TaxTotal");
        amount("TaxAmount", invoice.vatAmount());
        start("cac", "TaxSubtotal");
        amount("TaxableAmount", invoice.lineTotal());
        amount("TaxAmount", invoice.vatAmount());
        taxCategory("TaxCategory", invoice.vat(), true);
        end();
        end();
    }

    private void monetaryTotal(InvoiceDocument invoice) throws XMLStreamException {
        start("cac", "LegalMonetaryTotal");
        amount("LineExtensionAmount", invoice.lineTotal());
        amount("TaxExclusiveAmount", invoice.lineTotal());
        amount("TaxInclusiveAmount", invoice.total());
        amount("PayableAmount", invoice.total());
        end();
    }

    private void line(int number, InvoiceDocument.Line line, VatTreatment vat, boolean credit) throws XMLStreamException {
        start("cac", credit ? "CreditNoteLine" : "InvoiceLine");
        cbc("ID", Integer.toString(number));
        cbc("Note", "Verwijzing / referral " + line.referralId() + ", geleverd / delivered " + line.deliveredOn());
        xml.writeStartElement(CBC, credit ? "CreditedQuantity" : "InvoicedQuantity");
        xml.writeAttribute("unitCode", "C62");
        xml.writeCharacters("1");
        xml.writeEndElement();
        amount("LineExtensionAmount", line.amount());
        start("cac", "InvoicePeriod");
        cbc("StartDate", line.deliveredOn().toString());
        cbc("EndDate", line.deliveredOn().toString());
        end();
        start("cac", "Item");
        cbc("Name", "BABY".equals(line.phase()) ? "Babystartpakket (babyfase)" : "Babystartpakket (peuterfase)");
        start("cac", "SellersItemIdentification");
        cbc("ID", "STARTPAKKET-" + line.phase());
        end();
        taxCategory("ClassifiedTaxCategory", vat, false);
        end();
        start("cac", "Price");
        amount("PriceAmount", line.amount());
        end();
        end();
    }

    private void taxCategory(String element, VatTreatment vat, boolean withExemption) throws XMLStreamException {
        start("cac", element);
        cbc("ID", vat.category());
        cbc("Percent", percent(vat.ratePercent()));
        if (withExemption && vat.needsExemptionReason()) {
            cbc("TaxExemptionReason", vat.exemptionReason());
        }
        taxScheme();
        end();
    }

    private void taxScheme() throws XMLStreamException {
        start("cac", "TaxScheme");
        cbc("ID", "VAT");
        end();
    }

    private void amount(String name, BigDecimal value) throws XMLStreamException {
        xml.writeStartElement(CBC, name);
        xml.writeAttribute("currencyID", "EUR");
        xml.writeCharacters(value.setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        xml.writeEndElement();
    }

    private static String percent(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private void cbc(String name, String value) throws XMLStreamException {
        xml.writeStartElement(CBC, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private void start(String prefix, String name) throws XMLStreamException {
        xml.writeStartElement("cac".equals(prefix) ? CAC : CBC, name);
    }

    private void end() throws XMLStreamException {
        xml.writeEndElement();
    }
}

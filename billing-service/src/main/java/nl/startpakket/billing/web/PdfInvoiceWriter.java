package nl.startpakket.billing.web;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.startpakket.billing.api.InvoiceRecipient;
import nl.startpakket.billing.api.SellerParty;
import nl.startpakket.billing.query.InvoiceDocument;
import nl.startpakket.municipalities.MunicipalityRegister;

/**
 * A printable invoice or credit note (A4, Dutch with English labels): seller and recipient,
 * number, dates, period, buyer reference, the municipality by its official name, one line per
 * delivered package with its pseudonymous reference, totals, the VAT or the exemption text, and
 * how to pay.
 */
public class PdfInvoiceWriter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy");
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font NORMAL = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7, Color.DARK_GRAY);

    private final MunicipalityRegister municipalities;

    public PdfInvoiceWriter(MunicipalityRegister municipalities) {
        this.municipalities = municipalities;
    }

    public byte[] write(InvoiceDocument invoice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle((invoice.isCreditNote() ? "Creditnota " : "Factuur ") + invoice.number());
            document.addCreator("Startpakket billing-service");
            document.open();
            SellerParty seller = invoice.seller();
            InvoiceRecipient buyer = invoice.recipient();
            BigDecimal sign = invoice.sign();

            PdfPTable head = new PdfPTable(2);
            head.setWidthPercentage(100);
            head.addCell(plain(lines(bold(seller.name()), seller.street(), join(seller.postalCode(), seller.city()),
                    "KvK " + seller.chamberOfCommerce(), seller.vatNumber() == null ? null : "Btw / VAT " + seller.vatNumber(),
                    seller.email())));
            PdfPCell title = plain(new Paragraph(invoice.isCreditNote() ? "CREDITNOTA / CREDIT NOTE" : "FACTUUR / INVOICE", TITLE));
            title.setHorizontalAlignment(Element.ALIGN_RIGHT);
            head.addCell(title);
            document.add(head);
            document.add(new Paragraph(" "));

            PdfPTable parties = new PdfPTable(2);
            parties.setWidthPercentage(100);
            parties.addCell(plain(lines(bold("Aan / To"), buyer.name(), buyer.street(), join(buyer.postalCode(), buyer.city()))));
            parties.addCell(plain(lines(
                    label("Nummer / Number", invoice.number()),
                    label("Datum / Date", DATE.format(invoice.issueDate())),
                    invoice.isCreditNote() ? null : label("Vervaldatum / Due", DATE.format(invoice.dueDate())),
                    label("Periode / Period", DATE.format(invoice.periodStart()) + " t/m " + DATE.format(invoice.periodEnd())),
                    label("Uw referentie / Buyer reference", buyer.buyerReference()),
                    buyer.purchaseOrder() == null ? null : label("Inkoopordernummer / PO", buyer.purchaseOrder()),
                    label("Gemeente / Municipality", municipalities.nameWithCode(invoice.municipality())),
                    label("Contract", invoice.contractId()),
                    invoice.precedingInvoiceNumber() == null ? null
                            : label("Crediteert factuur / Credits invoice", invoice.precedingInvoiceNumber()))));
            document.add(parties);
            if (invoice.note() != null) {
                document.add(new Paragraph("Reden / Reason: " + invoice.note(), NORMAL));
            }
            document.add(new Paragraph(" "));

            PdfPTable table = new PdfPTable(new float[] {1f, 8f, 4f, 3.5f, 3.5f});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String header : new String[] {"#", "Verwijzing / Reference", "Pakket / Package", "Geleverd / Delivered",
                    "Bedrag / Amount"}) {
                PdfPCell cell = new PdfPCell(new Phrase(header, BOLD));
                cell.setBackgroundColor(new Color(230, 236, 240));
                table.addCell(cell);
            }
            int n = 1;
            for (InvoiceDocument.Line line : invoice.lines()) {
                table.addCell(new Phrase(Integer.toString(n++), NORMAL));
                table.addCell(new Phrase(line.referralId(), NORMAL));
                table.addCell(new Phrase("BABY".equals(line.phase()) ? "Babyfase / baby" : "Peuterfase / toddler", NORMAL));
                table.addCell(new Phrase(DATE.format(line.deliveredOn()), NORMAL));
                table.addCell(amountCell(line.amount().multiply(sign), NORMAL));
            }
            document.add(table);

            PdfPTable totals = new PdfPTable(new float[] {12f, 3f});
            totals.setWidthPercentage(100);
            totalRow(totals, "Aantal pakketten / Packages", Integer.toString(invoice.lines().size()), NORMAL);
            totalRow(totals, "Totaal excl. btw / Total excl. VAT", euro(invoice.lineTotal().multiply(sign)), NORMAL);
            totalRow(totals, "Btw / VAT " + invoice.vat().category() + " " + invoice.vat().ratePercent().stripTrailingZeros()
                    .toPlainString() + "%", euro(invoice.vatAmount().multiply(sign)), NORMAL);
            totalRow(totals, invoice.isCreditNote() ? "Te crediteren / To be credited" : "Te betalen / Amount due",
                    euro(invoice.total().multiply(sign)), BOLD);
            document.add(totals);
            if (invoice.vat().needsExemptionReason()) {
                document.add(new Paragraph(invoice.vat().exemptionReason(), BOLD));
            }
            document.add(new Paragraph(" "));
            if (!invoice.isCreditNote()) {
                document.add(new Paragraph("Gelieve " + euro(invoice.total()) + " vóór " + DATE.format(invoice.dueDate())
                        + " over te maken op " + seller.iban() + " t.n.v. " + seller.name() + " o.v.v. " + invoice.number()
                        + ". / Please pay before the due date quoting the invoice number.", NORMAL));
            }
            document.add(new Paragraph("Verwijzingen zijn pseudoniem; de factuur bevat geen gegevens van gezinnen. "
                    + "/ References are pseudonymous; this invoice holds no family data.", SMALL));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the PDF of " + invoice.invoiceId(), e);
        }
        return out.toByteArray();
    }

    static String euro(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-NL")));
        return "€ " + format.format(amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    private static void totalRow(PdfPTable table, String label, String value, Font font) {
        PdfPCell left = plain(new Paragraph(label, font));
        left.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(left);
        PdfPCell right = plain(new Paragraph(value, font));
        right.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(right);
    }

    private static PdfPCell amountCell(BigDecimal amount, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(euro(amount), font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static PdfPCell plain(Paragraph content) {
        PdfPCell cell = new PdfPCell(content);
        cell.setBorder(PdfPCell.NO_BORDER);
        return cell;
    }

    private static Paragraph lines(Object... parts) {
        Paragraph paragraph = new Paragraph();
        paragraph.setLeading(12);
        for (Object part : parts) {
            if (part == null) {
                continue;
            }
            if (part instanceof Phrase phrase) {
                paragraph.add(phrase);
            } else {
                paragraph.add(new Phrase(part.toString(), NORMAL));
            }
            paragraph.add(new Phrase("\n", NORMAL));
        }
        return paragraph;
    }

    private static Phrase bold(String text) {
        return new Phrase(text, BOLD);
    }

    private static Phrase label(String label, String value) {
        Phrase phrase = new Phrase(label + ": ", BOLD);
        phrase.add(new Phrase(value == null ? "" : value, NORMAL));
        return phrase;
    }

    private static String join(String postalCode, String city) {
        if (postalCode == null && city == null) {
            return null;
        }
        return ((postalCode == null ? "" : postalCode + "  ") + (city == null ? "" : city)).trim();
    }
}

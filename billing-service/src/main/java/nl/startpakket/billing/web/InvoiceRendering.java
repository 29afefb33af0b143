package nl.startpakket.billing.web;

import nl.startpakket.billing.query.InvoiceDocument;
import nl.startpakket.municipalities.MunicipalityRegister;
import org.springframework.stereotype.Component;

/** UBL 2.1 (SI-UBL 2.0 / Peppol BIS 3) and PDF of issued invoices, rendered from the read model. */
@Component
public class InvoiceRendering implements InvoiceDocuments {

    private final UblInvoiceWriter ubl = new UblInvoiceWriter();
    private final PdfInvoiceWriter pdf;

    public InvoiceRendering(MunicipalityRegister municipalities) {
        this.pdf = new PdfInvoiceWriter(municipalities);
    }

    @Override
    public byte[] ubl(InvoiceDocument invoice) {
        return ubl.write(invoice);
    }

    @Override
    public byte[] pdf(InvoiceDocument invoice) {
        return pdf.write(invoice);
    }
}

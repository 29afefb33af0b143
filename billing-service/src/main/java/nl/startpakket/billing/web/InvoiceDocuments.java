package nl.startpakket.billing.web;

import nl.startpakket.billing.query.InvoiceDocument;

/** Renders an issued invoice as UBL 2.1 XML and as PDF. */
public interface InvoiceDocuments {

    byte[] ubl(InvoiceDocument invoice);

    byte[] pdf(InvoiceDocument invoice);
}

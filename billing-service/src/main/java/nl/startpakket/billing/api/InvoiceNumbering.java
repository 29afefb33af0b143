package nl.startpakket.billing.api;

/** Identity of the one numbering aggregate: invoices and credit notes share a gapless series per year. */
public final class InvoiceNumbering {

    public static final String ID = "INVOICE-NUMBERING";

    private InvoiceNumbering() {
    }

    public static String format(int year, long sequence) {
        return String.format("%d-%05d", year, sequence);
    }
}

package nl.startpakket.billing.query;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads of issued invoices and credit notes. */
@Component
public class InvoiceQueries {

    private static final Comparator<InvoiceDocument> BY_NUMBER = Comparator.comparing(InvoiceDocument::year)
            .thenComparing(InvoiceDocument::number);

    private final MongoTemplate mongo;

    public InvoiceQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<InvoiceDocument> invoice(String invoiceId) {
        return Optional.ofNullable(mongo.findById(invoiceId, InvoiceDocument.class));
    }

    /** All invoices and credit notes, or those of one municipality, in number order. */
    public List<InvoiceDocument> invoices(String municipality) {
        Query query = municipality == null ? new Query() : Query.query(Criteria.where("municipality").is(municipality));
        return mongo.find(query, InvoiceDocument.class).stream().sorted(BY_NUMBER).toList();
    }

    public List<InvoiceDocument> invoicesOfContract(String contractId) {
        return mongo.find(Query.query(Criteria.where("contractId").is(contractId)), InvoiceDocument.class).stream()
                .sorted(BY_NUMBER).toList();
    }
}

package nl.startpakket.reporting.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.municipalities.MunicipalityRegister;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The projections in MongoDB, one collection pair per projection version:
 * {@code referral_facts_v<N>} (a document per referral id) and {@code contract_facts_v<N>} (a
 * document per contract id). Writes are field-level upserts ({@code $set}) of what one event
 * says, so applying an event twice, or events of different topics in any order, gives the same
 * document. Dates are ISO strings, amounts decimal strings, decision times BSON dates.
 * <p>
 * A fact keeps the municipality code it was recorded under. Reading answers it under the
 * municipality that code counts as today ({@link MunicipalityRegister#currentCodeFor}): the facts
 * of Weesp (GM0457) are Amsterdam's (GM0363) since it became part of Amsterdam, in every period,
 * so history keeps its meaning, and a newer register regroups it without a rebuild.
 */
public class EvaluationStore {

    static final String REFERRALS = "referral_facts_v";
    static final String CONTRACTS = "contract_facts_v";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    /** One write per document, so their order does not matter. */
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoDatabase database;
    private final MunicipalityRegister municipalities;
    /** Writes collected on this thread while a batch is open (the rebuild), by collection name. */
    private final ThreadLocal<Map<String, Map<String, Map<String, Object>>>> batch = new ThreadLocal<>();

    public EvaluationStore(MongoDatabase database, MunicipalityRegister municipalities) {
        this.database = database;
        this.municipalities = municipalities;
    }

    public void prepare(int version) {
        referrals(version).createIndex(Indexes.ascending("municipality"));
        contracts(version).createIndex(Indexes.ascending("municipality"));
    }

    /** Sets the given fields of the referral's document, creating it if needed. */
    public void setReferralFields(int version, String referralId, Map<String, Object> fields) {
        upsert(referrals(version), referralId, fields);
    }

    /** Sets the given fields of the contract's document, creating it if needed. */
    public void setContractFields(int version, String contractId, Map<String, Object> fields) {
        upsert(contracts(version), contractId, fields);
    }

    private void upsert(MongoCollection<Document> collection, String id, Map<String, Object> fields) {
        Map<String, Map<String, Map<String, Object>>> open = batch.get();
        if (open != null) {
            // the fields of every event for this document in this batch, in order: a later value wins,
            // exactly as the separate $set updates in the same order would leave it
            open.computeIfAbsent(collection.getNamespace().getCollectionName(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(id, i -> new LinkedHashMap<>())
                    .putAll(fields);
        } else {
            collection.updateOne(Filters.eq("_id", id), sets(fields), UPSERT);
        }
    }

    /**
     * Collects this thread's writes until {@link #flushBatch()}, merged per document: one upsert per
     * document with the fields of all its events in order, instead of one per event (the rebuild
     * reads thousands of events per poll, nine or so per referral).
     */
    public void beginBatch() {
        if (batch.get() == null) {
            batch.set(new LinkedHashMap<>());
        }
    }

    /** How many documents the open batch will write. */
    public int batchedDocuments() {
        Map<String, Map<String, Map<String, Object>>> open = batch.get();
        return open == null ? 0 : open.values().stream().mapToInt(Map::size).sum();
    }

    /** Writes what {@link #beginBatch()} collected, one bulk write per collection, and closes the batch. */
    public void flushBatch() {
        Map<String, Map<String, Map<String, Object>>> open = batch.get();
        batch.remove();
        if (open == null) {
            return;
        }
        open.forEach((collection, documents) -> {
            List<WriteModel<Document>> writes = new ArrayList<>(documents.size());
            documents.forEach((id, fields) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", id), sets(fields), UPSERT)));
            database.getCollection(collection).bulkWrite(writes, UNORDERED);
        });
    }

    /** Drops whatever a failed batch collected (nothing of it was written). */
    public void endBatch() {
        batch.remove();
    }

    /** The referrals that count as the municipality's: recorded under its code or a code that became part of it. */
    public List<ReferralFacts> referralsOf(int version, String municipality) {
        List<ReferralFacts> result = new ArrayList<>();
        referrals(version).find(countedAs(municipality)).forEach(d -> result.add(toReferral(d)));
        return result;
    }

    /** The contracts that count as the municipality's, oldest first. */
    public List<ContractFacts> contractsOf(int version, String municipality) {
        List<ContractFacts> result = new ArrayList<>();
        contracts(version).find(countedAs(municipality)).forEach(d -> result.add(toContract(d)));
        result.sort(Comparator.comparing(ContractFacts::validFrom, Comparator.nullsLast(Comparator.naturalOrder())));
        return result;
    }

    /** Every municipality any event of this version counts for (a code that ceased as its successor), sorted. */
    public List<String> municipalities(int version) {
        TreeSet<String> codes = new TreeSet<>();
        referrals(version).distinct("municipality", String.class).forEach(c -> { if (c != null) codes.add(countsAs(c)); });
        contracts(version).distinct("municipality", String.class).forEach(c -> { if (c != null) codes.add(countsAs(c)); });
        return List.copyOf(codes);
    }

    /** Facts recorded under the municipality's code or under any code that became part of it. */
    private Bson countedAs(String municipality) {
        List<String> codes = new ArrayList<>(municipalities.predecessorsOf(municipality));
        codes.add(municipality);
        return Filters.in("municipality", codes);
    }

    private String countsAs(String recorded) {
        return recorded == null ? null : municipalities.currentCodeFor(recorded);
    }

    /** Whether a fact of the municipality within the period comes from the simulated demo history. */
    public boolean hasSimulated(int version, String municipality, LocalDate from, LocalDate to) {
        Bson simulated = Filters.and(countedAs(municipality), Filters.eq("simulated", true));
        Bson referralInPeriod = Filters.or(
                Filters.and(Filters.gte("referralDate", date(from)), Filters.lte("referralDate", date(to))),
                Filters.and(Filters.gte("deliveredOn", date(from)), Filters.lte("deliveredOn", date(to))));
        Bson contractInPeriod = Filters.and(Filters.lte("validFrom", date(to)), Filters.gte("validTo", date(from)));
        return referrals(version).find(Filters.and(simulated, referralInPeriod)).first() != null
                || contracts(version).find(Filters.and(simulated, contractInPeriod)).first() != null;
    }

    /** The contracts of the simulated demo history of a municipality. */
    public List<ContractFacts> simulatedContractsOf(int version, String municipality) {
        List<ContractFacts> result = new ArrayList<>();
        contracts(version).find(Filters.and(countedAs(municipality), Filters.eq("simulated", true)))
                .forEach(d -> result.add(toContract(d)));
        return result;
    }

    /** Whether the version holds any fact at all (referrals or contracts). */
    public boolean hasFacts(int version) {
        return referrals(version).find().limit(1).first() != null || contracts(version).find().limit(1).first() != null;
    }

    public long referralCount(int version) {
        return referrals(version).countDocuments();
    }

    public void drop(int version) {
        referrals(version).drop();
        contracts(version).drop();
    }

    /** Drops every stored version below the given one. */
    public void dropVersionsBelow(int version) {
        for (String name : database.listCollectionNames()) {
            for (String prefix : List.of(REFERRALS, CONTRACTS)) {
                if (name.startsWith(prefix)) {
                    try {
                        if (Integer.parseInt(name.substring(prefix.length())) < version) {
                            database.getCollection(name).drop();
                        }
                    } catch (NumberFormatException e) {
                        // not one of ours
                    }
                }
            }
        }
    }

    /** Marks the facts of a referral or contract as coming from the simulated demo history. */
    public void markSimulated(int version, String referralId, String contractId) {
        if (referralId != null) {
            setReferralFields(version, referralId, Map.of("simulated", true));
        }
        if (contractId != null) {
            setContractFields(version, contractId, Map.of("simulated", true));
        }
    }

    private MongoCollection<Document> referrals(int version) {
        return database.getCollection(REFERRALS + version);
    }

    private MongoCollection<Document> contracts(int version) {
        return database.getCollection(CONTRACTS + version);
    }

    private static Bson sets(Map<String, Object> fields) {
        List<Bson> updates = new ArrayList<>();
        fields.forEach((name, value) -> updates.add(Updates.set(name, value)));
        return Updates.combine(updates);
    }

    // ---- values as stored ------------------------------------------------------------------

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String amount(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    static Date instant(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Document decision(FundingDecision decision) {
        return new Document("at", instant(decision.at()))
                .append("on", date(decision.on()))
                .append("contractId", decision.contractId())
                .append("reason", decision.reason());
    }

    /** A key safe as a MongoDB field name. */
    static String fieldKey(String id) {
        return id.replace('.', '_').replace('$', '_');
    }

    // ---- reading ---------------------------------------------------------------------------

    private ReferralFacts toReferral(Document d) {
        return new ReferralFacts(
                d.getString("_id"),
                countsAs(d.getString("municipality")),
                enumOf(Phase.class, d.getString("phase")),
                enumOf(IntermediaryType.class, d.getString("intermediaryType")),
                localDate(d.getString("referralDate")),
                Boolean.TRUE.equals(d.getBoolean("accepted")),
                d.getString("rejectionReason"),
                d.getBoolean("consentFollowUp"),
                d.getInteger("pregnancyWeekAtReferral"),
                localDate(d.getString("cancelledOn")),
                d.getString("cancelReason"),
                toDecision(d.get("reserved", Document.class)),
                toDecision(d.get("held", Document.class)),
                toDecision(d.get("released", Document.class)),
                Boolean.TRUE.equals(d.getBoolean("packingStarted")),
                localDate(d.getString("packedOn")),
                localDate(d.getString("handedOverOn")),
                d.getInteger("daysBeforeDueDate"),
                localDate(d.getString("deliveredOn")),
                d.getString("billedContractId"),
                decimal(d.getString("billedAmount")),
                Boolean.TRUE.equals(d.getBoolean("followUpOpened")),
                d.getString("followUpOutcome"),
                Boolean.TRUE.equals(d.getBoolean("imported")));
    }

    private ContractFacts toContract(Document d) {
        LocalDate validTo = localDate(d.getString("validTo"));
        Integer maxPackages = d.getInteger("maxPackages");
        BigDecimal budget = decimal(d.getString("budget"));
        Document amendments = d.get("amendments", Document.class);
        if (amendments != null) {
            List<Document> inOrder = new ArrayList<>();
            amendments.forEach((key, value) -> inOrder.add(((Document) value).append("_key", key)));
            inOrder.sort(Comparator.comparing((Document a) -> a.getDate("at")).thenComparing(a -> a.getString("_key")));
            for (Document amendment : inOrder) {
                // each field of an amendment holds the value in force after it; an end date is never removed
                if (amendment.getString("validTo") != null) {
                    validTo = localDate(amendment.getString("validTo"));
                }
                maxPackages = amendment.getInteger("maxPackages");
                budget = decimal(amendment.getString("budget"));
            }
        }
        List<ContractFacts.Invoice> invoices = new ArrayList<>();
        Document stored = d.get("invoices", Document.class);
        if (stored != null) {
            stored.values().forEach(v -> {
                Document i = (Document) v;
                invoices.add(new ContractFacts.Invoice(i.getString("invoiceId"), i.getString("invoiceNumber"),
                        localDate(i.getString("issueDate")), localDate(i.getString("periodStart")),
                        localDate(i.getString("periodEnd")), i.getInteger("lineCount", 0),
                        decimal(i.getString("totalExcludingVat")), decimal(i.getString("total"))));
            });
            invoices.sort(Comparator.comparing(ContractFacts.Invoice::issueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(ContractFacts.Invoice::invoiceId));
        }
        return new ContractFacts(d.getString("_id"), countsAs(d.getString("municipality")), localDate(d.getString("validFrom")),
                validTo, decimal(d.getString("babyPrice")), decimal(d.getString("toddlerPrice")), maxPackages, budget,
                localDate(d.getString("registeredOn")), invoices);
    }

    private static FundingDecision toDecision(Document d) {
        if (d == null) {
            return null;
        }
        Date at = d.getDate("at");
        return new FundingDecision(at == null ? Instant.EPOCH : at.toInstant(), localDate(d.getString("on")),
                d.getString("contractId"), d.getString("reason"));
    }

    private static LocalDate localDate(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}

package nl.startpakket.reporting.query;

import static nl.startpakket.reporting.query.EvaluationStore.amount;
import static nl.startpakket.reporting.query.EvaluationStore.date;
import static nl.startpakket.reporting.query.EvaluationStore.decision;
import static nl.startpakket.reporting.query.EvaluationStore.fieldKey;
import static nl.startpakket.reporting.query.EvaluationStore.instant;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.Phase;
import nl.startpakket.events.billing.v1.BillableLineRecorded;
import nl.startpakket.events.billing.v1.ContractAmended;
import nl.startpakket.events.billing.v1.ContractRegistered;
import nl.startpakket.events.billing.v1.InvoiceIssued;
import nl.startpakket.events.fulfilment.v1.PackageDelivered;
import nl.startpakket.events.fulfilment.v1.PackageHandedOver;
import nl.startpakket.events.fulfilment.v1.PackagePacked;
import nl.startpakket.events.fulfilment.v1.PackingJobCancelled;
import nl.startpakket.events.fulfilment.v1.PackingJobQueued;
import nl.startpakket.events.fulfilment.v1.PackingStarted;
import nl.startpakket.events.funding.v1.FundingOnHold;
import nl.startpakket.events.funding.v1.FundingReleased;
import nl.startpakket.events.funding.v1.FundingReserved;
import nl.startpakket.events.referral.v1.ReferralAccepted;
import nl.startpakket.events.referral.v1.FollowUpOpened;
import nl.startpakket.events.referral.v1.FollowUpOutcomeRecorded;
import nl.startpakket.events.referral.v1.HistoricReferralImported;
import nl.startpakket.events.referral.v1.ReferralCancelled;
import nl.startpakket.events.referral.v1.ReferralRejected;
import nl.startpakket.events.referral.v1.ReferralSubmitted;
import org.bson.Document;

/**
 * Projects integration events into the facts per referral and per contract. Every event sets
 * only the fields it knows (idempotent, and independent of the order in which the four topics
 * deliver); figures are derived from the facts when read. Events reporting does not need are
 * ignored, and it never sees personal data: it does not consume the delivery topic.
 */
public class EvaluationProjection {

    /**
     * The shape of the stored facts. Raise it when a change needs the facts rebuilt from the log
     * (a new field, a changed rule): at startup the service then builds a new version beside the
     * active one and switches when it has caught up.
     */
    public static final int SCHEMA = 2;

    /** Business dates are Dutch dates (a contract registered at 00:30 in Huizen is registered that day). */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Amsterdam");

    private final EvaluationStore store;

    public EvaluationProjection(EvaluationStore store) {
        this.store = store;
    }

    /** @return whether the event is one this projection uses */
    public boolean project(IntegrationEvent event, int version) {
        if (event instanceof ReferralSubmitted e) {
            referral(version, e.referralId(), fields(
                    "municipality", e.municipality(), "phase", name(e.phase()),
                    "intermediaryType", name(e.intermediaryType()), "referralDate", date(e.referralDate())));
        } else if (event instanceof ReferralAccepted e) {
            referral(version, e.referralId(), fields(
                    "municipality", e.municipality(), "phase", name(e.phase()),
                    "intermediaryType", name(e.intermediaryType()), "referralDate", date(e.referralDate()),
                    "accepted", true, "consentFollowUp", e.consentFollowUp(),
                    "pregnancyWeekAtReferral", e.pregnancyWeekAtReferral(),
                    "deliveryMethod", name(e.deliveryMethod())));
        } else if (event instanceof ReferralRejected e) {
            referral(version, e.referralId(), fields(
                    "municipality", e.municipality(), "phase", name(e.phase()),
                    "intermediaryType", name(e.intermediaryType()), "referralDate", date(e.referralDate()),
                    "rejectionReason", e.reason() == null ? "UNKNOWN" : e.reason()));
        } else if (event instanceof ReferralCancelled e) {
            referral(version, e.referralId(), fields(
                    "municipality", e.municipality(), "phase", name(e.phase()),
                    "cancelledOn", date(e.cancelledOn()), "cancelReason", e.reason()));
        } else if (event instanceof HistoricReferralImported e) {
            // history: referred and (maybe) delivered at its own business dates, no funding, no consent recorded
            referral(version, e.referralId(), fields(
                    "municipality", e.municipality(), "phase", name(e.phase()),
                    "intermediaryType", name(e.intermediaryType()), "referralDate", date(e.referredOn()),
                    "accepted", true, "deliveredOn", date(e.deliveredOn()), "imported", true, "importId", e.importId(),
                    "invoicedBeforeStartpakket", e.invoicedBeforeStartpakket()));
        } else if (event instanceof FollowUpOpened e) {
            referral(version, e.referralId(), fields(
                    "municipality", e.municipality(), "phase", name(e.phase()), "followUpOpened", true,
                    "followUpOpenedOn", date(e.deliveredOn())));
        } else if (event instanceof FollowUpOutcomeRecorded e) {
            referral(version, e.referralId(), fields(
                    "municipality", e.municipality(), "phase", name(e.phase()), "followUpOpened", true,
                    "followUpOutcome", e.outcome()));
        } else if (event instanceof FundingReserved e) {
            referral(version, e.referralId(), fields(
                    "municipality", e.municipality(), "phase", name(e.phase()),
                    "reserved", decision(new FundingDecision(e.occurredAt(), e.reservedOn(), e.contractId(), null))));
        } else if (event instanceof FundingOnHold e) {
            referral(version, e.referralId(), fields(
                    "municipality", e.municipality(), "phase", name(e.phase()),
                    "held", decision(new FundingDecision(e.occurredAt(), e.heldOn(), e.contractId(), e.reason()))));
        } else if (event instanceof FundingReleased e) {
            referral(version, e.referralId(), fields(
                    "municipality", e.municipality(), "phase", name(e.phase()),
                    "released", decision(new FundingDecision(e.occurredAt(), e.releasedOn(), e.contractId(), e.reason()))));
        } else if (event instanceof PackingJobQueued e) {
            referral(version, e.referralId(), fields(
                    "municipality", e.municipality(), "phase", name(e.phase()), "jobQueued", true));
        } else if (event instanceof PackingStarted e) {
            referral(version, e.referralId(), fields("packingStarted", true));
        } else if (event instanceof PackagePacked e) {
            referral(version, e.referralId(), fields(
                    "municipality", e.municipality(), "phase", name(e.phase()), "packingStarted", true,
                    "packedOn", date(e.packedOn())));
        } else if (event instanceof PackageHandedOver e) {
            referral(version, e.referralId(), fields(
                    "municipality", e.municipality(), "phase", name(e.phase()), "packingStarted", true,
                    "handedOverOn", date(e.handedOverOn()), "daysBeforeDueDate", e.daysBeforeDueDate(),
                    "handOverMethod", name(e.deliveryMethod())));
        } else if (event instanceof PackageDelivered e) {
            referral(version, e.referralId(), fields(
                    "municipality", e.municipality(), "phase", name(e.phase()), "deliveredOn", date(e.deliveredOn())));
        } else if (event instanceof PackingJobCancelled e) {
            referral(version, e.referralId(), fields(
                    "jobCancelled", true, "restocked", e.restocked()));
        } else if (event instanceof BillableLineRecorded e) {
            referral(version, e.referralId(), fields(
                    "municipality", e.municipality(), "phase", name(e.phase()),
                    "billedContractId", e.contractId(), "billedAmount", amount(e.amount()),
                    "billedDeliveredOn", date(e.deliveredOn())));
        } else if (event instanceof ContractRegistered e) {
            store.setContractFields(version, e.contractId(), fields(
                    "municipality", e.municipality(), "validFrom", date(e.validFrom()), "validTo", date(e.validTo()),
                    "babyPrice", amount(e.babyPrice()), "toddlerPrice", amount(e.toddlerPrice()),
                    "maxPackages", e.maxPackages(), "budget", amount(e.budget()),
                    "registeredOn", date(LocalDate.ofInstant(e.occurredAt(), BUSINESS_ZONE))));
        } else if (event instanceof ContractAmended e) {
            store.setContractFields(version, e.contractId(), fields(
                    "municipality", e.municipality(),
                    "amendments." + e.eventId(), new Document("at", instant(e.occurredAt()))
                            .append("validTo", date(e.validTo()))
                            .append("maxPackages", e.maxPackages())
                            .append("budget", amount(e.budget()))
                            .append("reason", e.reason())));
        } else if (event instanceof InvoiceIssued e) {
            store.setContractFields(version, e.contractId(), fields(
                    "municipality", e.municipality(),
                    "invoices." + fieldKey(e.invoiceId()), new Document("invoiceId", e.invoiceId())
                            .append("invoiceNumber", e.invoiceNumber())
                            .append("issueDate", date(e.issueDate()))
                            .append("periodStart", date(e.periodStart()))
                            .append("periodEnd", date(e.periodEnd()))
                            .append("lineCount", e.lineCount())
                            .append("totalExcludingVat", amount(e.totalExcludingVat()))
                            .append("total", amount(e.total()))));
        } else {
            return false;
        }
        return true;
    }

    private void referral(int version, String referralId, Map<String, Object> fields) {
        store.setReferralFields(version, referralId, fields);
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            String name = (String) namesAndValues[i];
            // what an event does not know (e.g. municipality on PackingStarted) is not overwritten
            if (value != null || !KEEP_WHEN_NULL.contains(name)) {
                fields.put(name, value);
            }
        }
        return fields;
    }

    /** Fields several topics set: a null from one event never erases what another stored. */
    private static final java.util.Set<String> KEEP_WHEN_NULL = java.util.Set.of(
            "municipality", "phase", "intermediaryType", "referralDate");

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static Phase phaseOf(String value) {
        return value == null ? null : Phase.valueOf(value);
    }
}

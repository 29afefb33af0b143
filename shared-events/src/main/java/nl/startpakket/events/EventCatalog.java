package nl.startpakket.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.startpakket.events.billing.v1.BillableLineRecorded;
import nl.startpakket.events.billing.v1.ContractAmended;
import nl.startpakket.events.billing.v1.ContractRegistered;
import nl.startpakket.events.billing.v1.InvoiceIssued;
import nl.startpakket.events.delivery.v1.DeliveryDetailsShared;
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
import nl.startpakket.events.referral.v1.PersonalDataErased;
import nl.startpakket.events.referral.v1.ReferralCancelled;
import nl.startpakket.events.referral.v1.ReferralRejected;
import nl.startpakket.events.referral.v1.ReferralSubmitted;

/**
 * Every integration event type with its logical name, schema version and topic. The name is what
 * travels in {@code ce_type}; the Java class may move, the name may not. A breaking change is a
 * new version beside the old one.
 */
public final class EventCatalog {

    private static final List<EventDescriptor> ALL = List.of(
            new EventDescriptor("referral.ReferralSubmitted", 1, Topics.REFERRAL, ReferralSubmitted.class),
            new EventDescriptor("referral.ReferralAccepted", 1, Topics.REFERRAL, ReferralAccepted.class),
            new EventDescriptor("referral.ReferralRejected", 1, Topics.REFERRAL, ReferralRejected.class),
            new EventDescriptor("referral.ReferralCancelled", 1, Topics.REFERRAL, ReferralCancelled.class),
            new EventDescriptor("referral.PersonalDataErased", 1, Topics.REFERRAL, PersonalDataErased.class),
            new EventDescriptor("referral.FollowUpOpened", 1, Topics.REFERRAL, FollowUpOpened.class),
            new EventDescriptor("referral.FollowUpOutcomeRecorded", 1, Topics.REFERRAL, FollowUpOutcomeRecorded.class),
            new EventDescriptor("referral.HistoricReferralImported", 1, Topics.REFERRAL, HistoricReferralImported.class),
            new EventDescriptor("delivery.DeliveryDetailsShared", 1, Topics.DELIVERY, DeliveryDetailsShared.class),
            new EventDescriptor("delivery.DeliveryDetailsShared", 2, Topics.DELIVERY,
                    nl.startpakket.events.delivery.v2.DeliveryDetailsShared.class),
            new EventDescriptor("funding.FundingReserved", 1, Topics.FUNDING, FundingReserved.class),
            new EventDescriptor("funding.FundingOnHold", 1, Topics.FUNDING, FundingOnHold.class),
            new EventDescriptor("funding.FundingReleased", 1, Topics.FUNDING, FundingReleased.class),
            new EventDescriptor("fulfilment.PackingJobQueued", 1, Topics.FULFILMENT, PackingJobQueued.class),
            new EventDescriptor("fulfilment.PackingStarted", 1, Topics.FULFILMENT, PackingStarted.class),
            new EventDescriptor("fulfilment.PackagePacked", 1, Topics.FULFILMENT, PackagePacked.class),
            new EventDescriptor("fulfilment.PackageHandedOver", 1, Topics.FULFILMENT, PackageHandedOver.class),
            new EventDescriptor("fulfilment.PackageDelivered", 1, Topics.FULFILMENT, PackageDelivered.class),
            new EventDescriptor("fulfilment.PackingJobCancelled", 1, Topics.FULFILMENT, PackingJobCancelled.class),
            new EventDescriptor("billing.ContractRegistered", 1, Topics.BILLING, ContractRegistered.class),
            new EventDescriptor("billing.ContractAmended", 1, Topics.BILLING, ContractAmended.class),
            new EventDescriptor("billing.BillableLineRecorded", 1, Topics.BILLING, BillableLineRecorded.class),
            new EventDescriptor("billing.InvoiceIssued", 1, Topics.BILLING, InvoiceIssued.class));

    private static final Map<String, EventDescriptor> BY_TYPE_AND_VERSION = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(d -> key(d.type(), d.version()), Function.identity()));
    private static final Map<Class<?>, EventDescriptor> BY_CLASS = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventDescriptor::javaType, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventDescriptor> all() {
        return ALL;
    }

    /** The descriptor of a type name and schema version as read off the wire, if known. */
    public static Optional<EventDescriptor> find(String type, int version) {
        return Optional.ofNullable(BY_TYPE_AND_VERSION.get(key(type, version)));
    }

    public static EventDescriptor of(Class<? extends IntegrationEvent> javaType) {
        EventDescriptor descriptor = BY_CLASS.get(javaType);
        if (descriptor == null) {
            throw new IllegalArgumentException("Not an integration event of the catalog: " + javaType.getName());
        }
        return descriptor;
    }

    public static EventDescriptor of(IntegrationEvent event) {
        return of(event.getClass());
    }

    private static String key(String type, int version) {
        return type + "@" + version;
    }
}

package nl.startpakket.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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

/** One fixed instance of every catalogued event, the source of the golden JSON files. */
final class EventSamples {

    static final UUID ID = UUID.fromString("7d1f6c2e-8a55-4a43-9d0c-2f1b7c6f0a01");
    static final Instant AT = Instant.parse("2026-03-02T09:15:30Z");
    static final String REFERRAL = "R-5b8e9c1a-3f0d-4d7e-b2a4-0c9e8f7d6a51";
    static final String CONTRACT = "huizen-2026";
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final SealedData SEALED = new SealedData(SealedData.AES_256_GCM, REFERRAL, "q1w2e3r4t5y6u7i8",
            "bm90IHJlYWRhYmxlIHdpdGhvdXQgdGhlIGtleQ==");

    /** The value of a record on the delivery keys topic (not a catalogued CloudEvent). */
    static nl.startpakket.events.deliverykeys.v1.DeliveryKey deliveryKey() {
        return new nl.startpakket.events.deliverykeys.v1.DeliveryKey(REFERRAL, REFERRAL,
                new SealedData(SealedData.AES_256_GCM, "transport", "a1s2d3f4g5h6j7k8", "d3JhcHBlZCBkYXRhIGtleQ=="), AT);
    }

    private EventSamples() {
    }

    static List<IntegrationEvent> all() {
        return List.of(
                new ReferralSubmitted(ID, AT, REFERRAL, "verloskundige-huizen", IntermediaryType.MIDWIFE, "GM0406", Phase.BABY, DAY),
                new ReferralAccepted(ID, AT, REFERRAL, "verloskundige-huizen", IntermediaryType.MIDWIFE, "GM0406", Phase.BABY, DAY,
                        DeliveryMethod.HOME_DELIVERY, true, 24),
                new ReferralRejected(ID, AT, REFERRAL, "verloskundige-huizen", IntermediaryType.MIDWIFE, "GM0406", Phase.BABY, DAY, "DUPLICATE"),
                new ReferralCancelled(ID, AT, REFERRAL, "GM0406", Phase.BABY, DAY, "NO_LONGER_NEEDED"),
                new DeliveryDetailsShared(ID, AT, REFERRAL, "GM0406", Phase.BABY, LocalDate.of(2026, 6, 20), null,
                        DeliveryMethod.HOME_DELIVERY,
                        new DeliveryDetailsShared.Recipient("A. Example", "Voorbeeldstraat", "12a", "1271AB", "Huizen", "0612345678",
                                "parent@example.org"),
                        "ring twice"),
                new nl.startpakket.events.delivery.v2.DeliveryDetailsShared(ID, AT, REFERRAL, "GM0406", Phase.BABY,
                        DeliveryMethod.HOME_DELIVERY, SEALED),
                new PersonalDataErased(ID, AT, REFERRAL, "GM0406", Phase.BABY, DAY, "RETENTION"),
                new FollowUpOpened(ID, AT, REFERRAL, "GM0406", Phase.BABY, DAY),
                new FollowUpOutcomeRecorded(ID, AT, REFERRAL, "GM0406", Phase.BABY, "HELP_ACCEPTED", DAY),
                new HistoricReferralImported(ID, AT, "R-0f5e2d6c-6a1b-3c4d-8e9f-a0b1c2d3e4f5", "GM0917", Phase.TODDLER,
                        IntermediaryType.CONSULTATION_BUREAU, LocalDate.of(2021, 3, 8), LocalDate.of(2021, 3, 29), true,
                        "I-9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                new FundingReserved(ID, AT, REFERRAL, CONTRACT, "GM0406", Phase.BABY, DAY),
                new FundingOnHold(ID, AT, REFERRAL, CONTRACT, "GM0406", Phase.BABY, DAY, "CAP_REACHED"),
                new FundingReleased(ID, AT, REFERRAL, CONTRACT, "GM0406", Phase.BABY, DAY, "REFERRAL_CANCELLED"),
                new PackingJobQueued(ID, AT, REFERRAL, "J-" + REFERRAL, "GM0406", Phase.BABY, LocalDate.of(2026, 5, 23)),
                new PackingStarted(ID, AT, REFERRAL, "J-" + REFERRAL),
                new PackagePacked(ID, AT, REFERRAL, "J-" + REFERRAL, "GM0406", Phase.BABY, DAY),
                new PackageHandedOver(ID, AT, REFERRAL, "J-" + REFERRAL, "GM0406", Phase.BABY, DAY, DeliveryMethod.HOME_DELIVERY, 110),
                new PackageDelivered(ID, AT, REFERRAL, "J-" + REFERRAL, "GM0406", Phase.BABY, DAY),
                new PackingJobCancelled(ID, AT, REFERRAL, "J-" + REFERRAL, false),
                new ContractRegistered(ID, AT, CONTRACT, "GM0406", LocalDate.of(2026, 2, 1), LocalDate.of(2027, 1, 31),
                        new BigDecimal("80.00"), new BigDecimal("80.00"), 125, new BigDecimal("10000.00")),
                new ContractAmended(ID, AT, CONTRACT, "GM0406", LocalDate.of(2027, 1, 31), 135, new BigDecimal("10800.00"),
                        "cap raised after consultation"),
                new BillableLineRecorded(ID, AT, CONTRACT, "GM0406", REFERRAL, Phase.BABY, DAY, new BigDecimal("80.00")),
                new InvoiceIssued(ID, AT, CONTRACT, "GM0406", "INV-huizen-2026-2026-03", "2026-0001", DAY,
                        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), 1, new BigDecimal("80.00"), new BigDecimal("80.00")));
    }
}

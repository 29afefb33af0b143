package nl.startpakket.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.IntermediaryType;
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
import nl.startpakket.events.referral.v1.ReferralCancelled;
import nl.startpakket.events.referral.v1.ReferralRejected;
import nl.startpakket.events.referral.v1.ReferralSubmitted;

/**
 * A known history of Huizen (GM0406) with hand-computed figures for its 2026 contract period
 * (2026-02-01..2027-01-31), plus a Heerlen referral that must never show in Huizen's figures.
 *
 * <pre>
 * id   intermediary        phase    referred    what happened                                   status
 * R1   MIDWIFE             BABY     2026-03-02  funded, packed, handed over 03-12 (90 d before due), delivered 03-13, billed 80  DELIVERED
 * R2   MIDWIFE             BABY     2026-03-05  funded, handed over 03-25 (5 d before due), delivered 03-26, billed 80           DELIVERED
 * R3   CONSULTATION_BUREAU TODDLER  2026-04-01  funded, handed over 04-11, delivered 04-12, billed 80                            DELIVERED
 * R4   MIDWIFE             BABY     2026-04-10  funded, handed over 05-10 (3 d AFTER due), delivered 05-11, billed 80            DELIVERED
 * R5   MIDWIFE             TODDLER  2026-05-01  funded                                                                         FUNDED
 * R6   CONSULTATION_BUREAU BABY     2026-05-02  rejected DUPLICATE                                                             REJECTED
 * R7   MIDWIFE             BABY     2026-05-03  on hold CAP_REACHED, funded 06-01 after the amendment, packing started          PACKING
 * R8   MIDWIFE             BABY     2026-06-01  funded, cancelled 06-05, funding released, job cancelled                         CANCELLED
 * R9   SOCIAL_CARE         TODDLER  2026-06-10  on hold BUDGET_EXHAUSTED                                                        ON_HOLD
 * R10  MIDWIFE             BABY     2026-01-20  (before the period) funded under huizen-2025, handed over 02-02 (40 d before due), delivered 02-03, billed 75
 * R11  MIDWIFE             BABY     2026-06-15  only submitted                                                                  SUBMITTED
 * H1   MUNICIPALITY        BABY     2026-03-01  Heerlen, funded under heerlen-2026
 * </pre>
 * Consent to follow-up: R1, R3, R4, R5, R7, R9 (and R2, R8 declined). Invoices with a period
 * ending in the period: 160.00 (March, R1+R2), 80.00 (April, R3), 75.00 (February, huizen-2025,
 * R10). huizen-2026 amended to cap 130, budget 10400.
 */
public final class EvaluationHistory {

    public static final String HUIZEN = "GM0406";
    public static final String HEERLEN = "GM0917";
    public static final LocalDate FROM = LocalDate.of(2026, 2, 1);
    public static final LocalDate TO = LocalDate.of(2027, 1, 31);

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final BigDecimal EUR80 = new BigDecimal("80.00");

    private final String prefix;
    private final List<IntegrationEvent> events = new ArrayList<>();

    private EvaluationHistory(String prefix) {
        this.prefix = prefix;
    }

    /** The history; referral and contract ids start with {@code prefix} so tests sharing a store do not collide. */
    public static List<IntegrationEvent> huizen2026(String prefix) {
        return new EvaluationHistory(prefix).build();
    }

    private List<IntegrationEvent> build() {
        String c25 = prefix + "huizen-2025";
        String c26 = prefix + "huizen-2026";
        String heerlen = prefix + "heerlen-2026";
        add(new ContractRegistered(id(), at("2025-01-10"), c25, HUIZEN, d("2025-02-01"), d("2026-01-31"),
                new BigDecimal("75.00"), new BigDecimal("75.00"), 100, new BigDecimal("7500.00")));
        add(new ContractRegistered(id(), at("2026-01-15"), c26, HUIZEN, d("2026-02-01"), d("2027-01-31"),
                EUR80, EUR80, 125, new BigDecimal("10000.00")));
        add(new ContractRegistered(id(), at("2025-12-01"), heerlen, HEERLEN, d("2026-01-01"), d("2026-12-31"),
                new BigDecimal("50.00"), new BigDecimal("50.00"), null, null));

        delivered("R1", IntermediaryType.MIDWIFE, Phase.BABY, "2026-03-02", true, 20, c26, "2026-03-12", 90, "2026-03-13", EUR80);
        delivered("R2", IntermediaryType.MIDWIFE, Phase.BABY, "2026-03-05", false, 30, c26, "2026-03-25", 5, "2026-03-26", EUR80);
        delivered("R3", IntermediaryType.CONSULTATION_BUREAU, Phase.TODDLER, "2026-04-01", true, null, c26, "2026-04-11", null, "2026-04-12", EUR80);
        delivered("R4", IntermediaryType.MIDWIFE, Phase.BABY, "2026-04-10", true, 36, c26, "2026-05-10", -3, "2026-05-11", EUR80);

        accepted("R5", IntermediaryType.MIDWIFE, Phase.TODDLER, "2026-05-01", true, null);
        add(new FundingReserved(id(), at("2026-05-01"), ref("R5"), c26, HUIZEN, Phase.TODDLER, d("2026-05-01")));

        String r6 = ref("R6");
        add(new ReferralSubmitted(id(), at("2026-05-02"), r6, "consultatiebureau-huizen", IntermediaryType.CONSULTATION_BUREAU,
                HUIZEN, Phase.BABY, d("2026-05-02")));
        add(new ReferralRejected(id(), at("2026-05-02"), r6, "consultatiebureau-huizen", IntermediaryType.CONSULTATION_BUREAU,
                HUIZEN, Phase.BABY, d("2026-05-02"), "DUPLICATE"));

        accepted("R7", IntermediaryType.MIDWIFE, Phase.BABY, "2026-05-03", true, 12);
        add(new FundingOnHold(id(), at("2026-05-03"), ref("R7"), c26, HUIZEN, Phase.BABY, d("2026-05-03"), "CAP_REACHED"));
        add(new ContractAmended(id(), at("2026-06-01"), c26, HUIZEN, null, 130, new BigDecimal("10400.00"), "more referrals than expected"));
        add(new FundingReserved(id(), at("2026-06-01").plusSeconds(60), ref("R7"), c26, HUIZEN, Phase.BABY, d("2026-06-01")));
        add(new PackingJobQueued(id(), at("2026-06-02"), ref("R7"), "J-" + ref("R7"), HUIZEN, Phase.BABY, d("2026-07-01")));
        add(new PackingStarted(id(), at("2026-06-03"), ref("R7"), "J-" + ref("R7")));

        accepted("R8", IntermediaryType.MIDWIFE, Phase.BABY, "2026-06-01", false, 25);
        add(new FundingReserved(id(), at("2026-06-01"), ref("R8"), c26, HUIZEN, Phase.BABY, d("2026-06-01")));
        add(new ReferralCancelled(id(), at("2026-06-05"), ref("R8"), HUIZEN, Phase.BABY, d("2026-06-05"), "MOVED_AWAY"));
        add(new FundingReleased(id(), at("2026-06-05").plusSeconds(5), ref("R8"), c26, HUIZEN, Phase.BABY, d("2026-06-05"), "REFERRAL_CANCELLED"));
        add(new PackingJobCancelled(id(), at("2026-06-05").plusSeconds(6), ref("R8"), "J-" + ref("R8"), false));

        accepted("R9", IntermediaryType.SOCIAL_CARE, Phase.TODDLER, "2026-06-10", true, null);
        add(new FundingOnHold(id(), at("2026-06-10"), ref("R9"), c26, HUIZEN, Phase.TODDLER, d("2026-06-10"), "BUDGET_EXHAUSTED"));

        delivered("R10", IntermediaryType.MIDWIFE, Phase.BABY, "2026-01-20", true, 22, c25, "2026-02-02", 40, "2026-02-03", new BigDecimal("75.00"));

        add(new ReferralSubmitted(id(), at("2026-06-15"), ref("R11"), "verloskundige-huizen", IntermediaryType.MIDWIFE,
                HUIZEN, Phase.BABY, d("2026-06-15")));

        add(new InvoiceIssued(id(), at("2026-03-01"), c25, HUIZEN, prefix + "INV-2026.0007", "2026-0007", d("2026-03-01"),
                d("2026-02-01"), d("2026-02-28"), 1, new BigDecimal("75.00"), new BigDecimal("75.00")));
        add(new InvoiceIssued(id(), at("2026-04-01"), c26, HUIZEN, prefix + "INV-2026.0012", "2026-0012", d("2026-04-01"),
                d("2026-03-01"), d("2026-03-31"), 2, new BigDecimal("160.00"), new BigDecimal("160.00")));
        add(new InvoiceIssued(id(), at("2026-05-01"), c26, HUIZEN, prefix + "INV-2026.0020", "2026-0020", d("2026-05-01"),
                d("2026-04-01"), d("2026-04-30"), 1, new BigDecimal("80.00"), new BigDecimal("80.00")));

        String h1 = ref("H1");
        add(new ReferralAccepted(id(), at("2026-03-01"), h1, "gemeente-heerlen", IntermediaryType.MUNICIPALITY, HEERLEN,
                Phase.BABY, d("2026-03-01"), DeliveryMethod.HOME_DELIVERY, true, 18));
        add(new FundingReserved(id(), at("2026-03-01"), h1, heerlen, HEERLEN, Phase.BABY, d("2026-03-01")));
        return List.copyOf(events);
    }

    private void accepted(String r, IntermediaryType type, Phase phase, String referred, boolean consent, Integer week) {
        String partner = type == IntermediaryType.MIDWIFE ? "verloskundige-huizen" : "partner-" + type.name().toLowerCase();
        add(new ReferralSubmitted(id(), at(referred), ref(r), partner, type, HUIZEN, phase, d(referred)));
        add(new ReferralAccepted(id(), at(referred).plusSeconds(1), ref(r), partner, type, HUIZEN, phase, d(referred),
                DeliveryMethod.HOME_DELIVERY, consent, week));
    }

    private void delivered(String r, IntermediaryType type, Phase phase, String referred, boolean consent, Integer week,
                           String contract, String handedOver, Integer daysBeforeDue, String deliveredOn, BigDecimal price) {
        accepted(r, type, phase, referred, consent, week);
        String job = "J-" + ref(r);
        add(new FundingReserved(id(), at(referred).plusSeconds(2), ref(r), contract, HUIZEN, phase, d(referred)));
        add(new PackingJobQueued(id(), at(referred).plusSeconds(3), ref(r), job, HUIZEN, phase, d(handedOver).plusDays(10)));
        add(new PackingStarted(id(), at(handedOver).minusSeconds(3600), ref(r), job));
        add(new PackagePacked(id(), at(handedOver).minusSeconds(60), ref(r), job, HUIZEN, phase, d(handedOver)));
        add(new PackageHandedOver(id(), at(handedOver), ref(r), job, HUIZEN, phase, d(handedOver),
                DeliveryMethod.HOME_DELIVERY, daysBeforeDue));
        add(new PackageDelivered(id(), at(deliveredOn), ref(r), job, HUIZEN, phase, d(deliveredOn)));
        add(new BillableLineRecorded(id(), at(deliveredOn).plusSeconds(1), contract, HUIZEN, ref(r), phase, d(deliveredOn), price));
    }

    private void add(IntegrationEvent event) {
        events.add(event);
    }

    private String ref(String r) {
        return prefix + r;
    }

    private static UUID id() {
        return UUID.randomUUID();
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private static Instant at(String date) {
        return LocalDate.parse(date).atTime(10, 0).atZone(ZONE).toInstant();
    }
}

package nl.startpakket.reporting.query;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.events.billing.v1.BillableLineRecorded;
import nl.startpakket.events.billing.v1.ContractRegistered;
import nl.startpakket.events.billing.v1.InvoiceIssued;
import nl.startpakket.events.fulfilment.v1.PackageDelivered;
import nl.startpakket.events.fulfilment.v1.PackageHandedOver;
import nl.startpakket.events.fulfilment.v1.PackagePacked;
import nl.startpakket.events.fulfilment.v1.PackingStarted;
import nl.startpakket.events.funding.v1.FundingOnHold;
import nl.startpakket.events.funding.v1.FundingReleased;
import nl.startpakket.events.funding.v1.FundingReserved;
import nl.startpakket.events.referral.v1.ReferralAccepted;
import nl.startpakket.events.referral.v1.ReferralCancelled;
import nl.startpakket.events.referral.v1.ReferralRejected;
import nl.startpakket.events.referral.v1.ReferralSubmitted;

/**
 * A SIMULATED history of the Huizen pilot (1 Feb 2024 - 31 Jan 2025, EUR 80 a package, cap 125,
 * budget EUR 10,000) for demonstrations of the dashboard, only under the {@code demo} profile.
 * It is never published to Kafka (no other service sees it): its events are projected straight
 * into the projections, every fact marked {@code simulated}, ids starting with {@code SIM-}.
 * Generated from a fixed seed, so seeding again (a restart, a rebuild) changes nothing.
 */
public class SimulatedPilotHistory implements ProjectionSeed {

    public static final String MUNICIPALITY = "GM0406";
    public static final String CONTRACT = "SIM-huizen-pilot-2024";
    static final LocalDate START = LocalDate.of(2024, 2, 1);
    static final LocalDate END = LocalDate.of(2025, 1, 31);
    static final BigDecimal PRICE = new BigDecimal("80.00");
    static final int CAP = 125;
    /** Referrals per month from February 2024 to January 2025: a pilot that gets known. */
    static final int[] PER_MONTH = {4, 6, 8, 10, 11, 12, 12, 13, 14, 14, 15, 16};

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final EvaluationProjection projection;
    private final EvaluationStore store;

    public SimulatedPilotHistory(EvaluationProjection projection, EvaluationStore store) {
        this.projection = projection;
        this.store = store;
    }

    @Override
    public void seed(int version) {
        for (IntegrationEvent event : events()) {
            projection.project(event, version);
        }
        store.markSimulated(version, null, CONTRACT);
        for (String referralId : referralIds()) {
            store.markSimulated(version, referralId, null);
        }
    }

    static List<String> referralIds() {
        List<String> ids = new ArrayList<>();
        int total = 0;
        for (int n : PER_MONTH) {
            total += n;
        }
        for (int i = 1; i <= total; i++) {
            ids.add(id(i));
        }
        return ids;
    }

    /** The whole simulated history, in the order it happened per referral. */
    public static List<IntegrationEvent> events() {
        Random random = new Random(2024);
        List<IntegrationEvent> events = new ArrayList<>();
        events.add(new ContractRegistered(uuid("contract"), at(START.minusDays(20)), CONTRACT, MUNICIPALITY, START, END,
                PRICE, PRICE, CAP, new BigDecimal("10000.00")));
        Map<YearMonth, List<BigDecimal>> deliveredPerMonth = new TreeMap<>();
        int reserved = 0;
        int n = 0;
        for (int m = 0; m < PER_MONTH.length; m++) {
            YearMonth month = YearMonth.from(START).plusMonths(m);
            List<LocalDate> days = new ArrayList<>();
            for (int k = 0; k < PER_MONTH[m]; k++) {
                days.add(month.atDay(1 + random.nextInt(month.lengthOfMonth())));
            }
            days.sort(null);
            for (LocalDate referred : days) {
                n++;
                String referralId = id(n);
                IntermediaryType type = pick(random, new double[] {0.10, 0.45, 0.30, 0.10, 0.05});
                Phase phase = random.nextDouble() < 0.6 ? Phase.BABY : Phase.TODDLER;
                String partner = "SIM-partner-" + type.name().toLowerCase();
                events.add(new ReferralSubmitted(uuid(referralId + "s"), at(referred), referralId, partner, type,
                        MUNICIPALITY, phase, referred));
                if (random.nextDouble() < 0.04) {
                    events.add(new ReferralRejected(uuid(referralId + "r"), at(referred).plusSeconds(5), referralId, partner,
                            type, MUNICIPALITY, phase, referred, "DUPLICATE"));
                    continue;
                }
                Integer week = phase == Phase.BABY ? 12 + random.nextInt(25) : null;
                events.add(new ReferralAccepted(uuid(referralId + "a"), at(referred).plusSeconds(5), referralId, partner, type,
                        MUNICIPALITY, phase, referred, random.nextDouble() < 0.3 ? DeliveryMethod.PICKUP_BY_INTERMEDIARY
                        : DeliveryMethod.HOME_DELIVERY, random.nextDouble() < 0.7, week));
                LocalDate fundedOn = referred.plusDays(random.nextInt(2));
                if (reserved >= CAP) {
                    events.add(new FundingOnHold(uuid(referralId + "h"), at(fundedOn), referralId, CONTRACT, MUNICIPALITY,
                            phase, fundedOn, "CAP_REACHED"));
                    continue;
                }
                reserved++;
                events.add(new FundingReserved(uuid(referralId + "f"), at(fundedOn), referralId, CONTRACT, MUNICIPALITY,
                        phase, fundedOn));
                if (phase == Phase.BABY && random.nextDouble() < 0.03) {
                    LocalDate cancelled = fundedOn.plusDays(3 + random.nextInt(10));
                    events.add(new ReferralCancelled(uuid(referralId + "c"), at(cancelled), referralId, MUNICIPALITY, phase,
                            cancelled, "PREGNANCY_ENDED"));
                    events.add(new FundingReleased(uuid(referralId + "x"), at(cancelled).plusSeconds(5), referralId, CONTRACT,
                            MUNICIPALITY, phase, cancelled, "REFERRAL_CANCELLED"));
                    reserved--;
                    continue;
                }
                int leadTime = 4 + random.nextInt(12) + (random.nextDouble() < 0.2 ? random.nextInt(25) : 0);
                LocalDate handedOver = referred.plusDays(leadTime);
                LocalDate delivered = handedOver.plusDays(random.nextInt(3));
                Integer daysBeforeDue = week == null ? null : (40 - week) * 7 - leadTime;
                String job = "J-" + referralId;
                events.add(new PackingStarted(uuid(referralId + "p"), at(handedOver.minusDays(1)), referralId, job));
                events.add(new PackagePacked(uuid(referralId + "k"), at(handedOver.minusDays(1)).plusSeconds(3600), referralId,
                        job, MUNICIPALITY, phase, handedOver.minusDays(1)));
                events.add(new PackageHandedOver(uuid(referralId + "o"), at(handedOver), referralId, job, MUNICIPALITY, phase,
                        handedOver, DeliveryMethod.HOME_DELIVERY, daysBeforeDue));
                events.add(new PackageDelivered(uuid(referralId + "d"), at(delivered), referralId, job, MUNICIPALITY, phase,
                        delivered));
                events.add(new BillableLineRecorded(uuid(referralId + "b"), at(delivered).plusSeconds(60), CONTRACT,
                        MUNICIPALITY, referralId, phase, delivered, PRICE));
                deliveredPerMonth.computeIfAbsent(YearMonth.from(delivered), x -> new ArrayList<>()).add(PRICE);
            }
        }
        int invoice = 0;
        for (Map.Entry<YearMonth, List<BigDecimal>> e : deliveredPerMonth.entrySet()) {
            invoice++;
            BigDecimal total = e.getValue().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            LocalDate issued = e.getKey().plusMonths(1).atDay(1);
            String invoiceId = "SIM-INV-" + e.getKey();
            events.add(new InvoiceIssued(uuid(invoiceId), at(issued), CONTRACT, MUNICIPALITY, invoiceId,
                    "SIM-" + e.getKey().getYear() + "-" + String.format("%03d", invoice), issued, e.getKey().atDay(1),
                    e.getKey().atEndOfMonth(), e.getValue().size(), total, total));
        }
        return events;
    }

    private static IntermediaryType pick(Random random, double[] weights) {
        double r = random.nextDouble();
        IntermediaryType[] types = IntermediaryType.values();
        for (int i = 0; i < types.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return types[i];
            }
        }
        return IntermediaryType.OTHER;
    }

    private static String id(int n) {
        return String.format("SIM-2024-%04d", n);
    }

    private static UUID uuid(String seed) {
        return UUID.nameUUIDFromBytes(("simulated-pilot-2024|" + seed).getBytes(StandardCharsets.UTF_8));
    }

    private static Instant at(LocalDate date) {
        return date.atTime(11, 0).atZone(ZONE).toInstant();
    }
}

package nl.startpakket.reporting.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.reporting.query.ContractFacts;
import nl.startpakket.reporting.query.FundingDecision;
import nl.startpakket.reporting.query.ReferralFacts;

/**
 * Generated histories of one municipality (GM0406) under one contract: referrals with consistent
 * lifecycles (only submitted, rejected, on hold, funded, packing, packed, handed over and
 * delivered, cancelled and released, held and funded later, imported from before Startpakket with
 * or without a delivery), their hand-overs with lead times
 * and days before the due date, and monthly invoices of the closed months, at one price per
 * package or a price per phase.
 */
final class Histories {

    static final String CODE = "GM0406";

    /** A history and the day it is looked at. */
    record History(List<ReferralFacts> facts, List<ContractFacts> contracts, LocalDate today) {

        ContractFacts contract() {
            return contracts.get(0);
        }
    }

    private Histories() {
    }

    /** The social team's outcomes a delivered, consenting referral's follow-up may have (null: still open). */
    private static final String[] FOLLOW_UP = {null, "CONTACTED", "HELP_ACCEPTED", "DECLINED", "UNREACHABLE", null};

    /** Lifecycles a referral can have reached. */
    enum Path { SUBMITTED, REJECTED, ON_HOLD, FUNDED, PACKING, PACKED, DELIVERED, IN_TRANSIT, CANCELLED, HELD_THEN_FUNDED,
        /** From the years before Startpakket (imported history): referred, not delivered; no funding, no consent recorded. */
        IMPORTED,
        /** Imported and delivered (invoiced then: never billed here). */
        IMPORTED_DELIVERED }

    /** One referral as drawn: what it is and the numbers its dates are made of. */
    record Draw(Phase phase, IntermediaryType type, int day, Path path, boolean consent, int pregnancyWeek, int leadDays,
                int daysBeforeDue) {

        /** Delivered 0 to 3 days after the hand-over. */
        int deliveryDelay() {
            return leadDays % 4;
        }
    }

    static Arbitrary<History> histories(int months, int minReferrals, int maxReferrals) {
        Arbitrary<Draw> draws = Combinators.combine(
                Arbitraries.of(Phase.BABY, Phase.BABY, Phase.TODDLER),
                Arbitraries.of(IntermediaryType.class),
                Arbitraries.integers().between(-20, months * 30),
                Arbitraries.of(Path.class),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(8, 40),
                Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(-14, 120)).as(Draw::new);
        return Combinators.combine(
                draws.list().ofMinSize(minReferrals).ofMaxSize(maxReferrals),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, months * 30 + 40)).as((d, onePrice, todayOffset) ->
                history(d, months, onePrice, todayOffset));
    }

    static History history(List<Draw> draws, int months, boolean onePrice, int todayOffset) {
        LocalDate from = LocalDate.of(2026, 2, 1);
        LocalDate to = from.plusMonths(months).minusDays(1);
        LocalDate today = from.plusDays(todayOffset);
        BigDecimal baby = new BigDecimal("80.00");
        BigDecimal toddler = onePrice ? baby : new BigDecimal("50.00");
        String contractId = "c-" + CODE;
        List<ReferralFacts> facts = new ArrayList<>();
        for (int i = 0; i < draws.size(); i++) {
            ReferralFacts f = referral("r" + i, draws.get(i), from, today, contractId, baby, toddler);
            if (f != null) {
                facts.add(f);
            }
        }
        // monthly invoices of the months closed before today: their deliveries
        Map<YearMonth, List<ReferralFacts>> deliveredByMonth = new TreeMap<>();
        facts.stream().filter(f -> f.deliveredOn() != null && f.billedAmount() != null && !f.deliveredOn().isAfter(to))
                .forEach(f -> deliveredByMonth.computeIfAbsent(YearMonth.from(f.deliveredOn()), k -> new ArrayList<>()).add(f));
        List<ContractFacts.Invoice> invoices = new ArrayList<>();
        deliveredByMonth.forEach((month, delivered) -> {
            if (month.atEndOfMonth().isBefore(today) && !month.atDay(1).isBefore(from)) {
                BigDecimal total = delivered.stream().map(ReferralFacts::billedAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
                invoices.add(new ContractFacts.Invoice("inv-" + month, month.toString(), month.plusMonths(1).atDay(1),
                        month.atDay(1), month.atEndOfMonth(), delivered.size(), total, total));
            }
        });
        ContractFacts contract = new ContractFacts(contractId, CODE, from, to, baby, toddler, 125,
                new BigDecimal("10000.00"), from.minusDays(10), invoices);
        return new History(facts, List.of(contract), today);
    }

    private static ReferralFacts referral(String id, Draw d, LocalDate from, LocalDate today, String contractId,
                                          BigDecimal baby, BigDecimal toddler) {
        LocalDate referred = from.plusDays(d.day());
        if (referred.isAfter(today)) {
            return null; // not referred yet
        }
        Path path = d.path();
        LocalDate handedOver = referred.plusDays(d.leadDays());
        LocalDate delivered = handedOver.plusDays(d.deliveryDelay());
        boolean handed = path == Path.PACKED || path == Path.DELIVERED || path == Path.IN_TRANSIT;
        if ((handed && handedOver.isAfter(today)) || (path == Path.DELIVERED && delivered.isAfter(today))) {
            path = Path.FUNDED;
            handed = false;
        }
        if (path == Path.IMPORTED || path == Path.IMPORTED_DELIVERED) {
            boolean deliveredThen = path == Path.IMPORTED_DELIVERED && !delivered.isAfter(today);
            return new ReferralFacts(id, CODE, d.phase(), d.type(), referred, true, null, null, null, null, null, null, null, null,
                    false, null, null, null, deliveredThen ? delivered : null, null, null, false, null, true);
        }
        boolean accepted = path != Path.SUBMITTED && path != Path.REJECTED;
        boolean baby1 = d.phase() == Phase.BABY;
        Instant at = referred.atStartOfDay().toInstant(ZoneOffset.UTC);
        boolean funded = accepted && path != Path.ON_HOLD;
        boolean wasHeld = path == Path.ON_HOLD || path == Path.HELD_THEN_FUNDED;
        FundingDecision held = wasHeld ? new FundingDecision(at.plusSeconds(10), referred, contractId,
                d.consent() ? "CAP_REACHED" : "BUDGET_EXHAUSTED") : null;
        FundingDecision reserved = funded ? new FundingDecision(at.plusSeconds(wasHeld ? 20 : 5), referred, contractId, null) : null;
        boolean cancelled = path == Path.CANCELLED;
        FundingDecision released = cancelled ? new FundingDecision(at.plusSeconds(30), referred, contractId, "REFERRAL_CANCELLED") : null;
        boolean packed = path == Path.PACKED || handed;
        boolean isDelivered = path == Path.DELIVERED;
        return new ReferralFacts(id, CODE, d.phase(), d.type(), referred, accepted,
                path == Path.REJECTED ? "DUPLICATE" : null, accepted ? d.consent() : null,
                accepted && baby1 ? d.pregnancyWeek() : null,
                cancelled ? referred : null, cancelled ? "MOVED_AWAY" : null,
                reserved, held, released,
                path == Path.PACKING || packed, packed ? (handed ? handedOver : referred) : null,
                handed ? handedOver : null, handed && baby1 ? d.daysBeforeDue() : null,
                isDelivered ? delivered : null, isDelivered ? contractId : null,
                isDelivered ? (baby1 ? baby : toddler) : null,
                isDelivered && d.consent(), isDelivered && d.consent() ? FOLLOW_UP[d.leadDays() % FOLLOW_UP.length] : null, false);
    }
}

package nl.startpakket.reporting.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;

/**
 * Derives the figures of a municipality and period from the facts, always by business date: a
 * referral counts in the period of its referral date, a delivery in that of its delivery date,
 * whenever the events were processed. Pure: the same facts give the same figures.
 */
public final class FigureCalculator {

    private FigureCalculator() {
    }

    public static MunicipalityFigures calculate(String municipality, LocalDate from, LocalDate to,
                                                List<ReferralFacts> facts, List<ContractFacts> contracts) {
        List<ReferralFacts> referred = facts.stream()
                .filter(f -> municipality.equals(f.municipality()) && within(f.referralDate(), from, to))
                .toList();
        List<ReferralFacts> delivered = facts.stream()
                .filter(f -> municipality.equals(f.municipality()) && within(f.deliveredOn(), from, to))
                .toList();
        List<ReferralFacts> handedOver = facts.stream()
                .filter(f -> municipality.equals(f.municipality()) && within(f.handedOverOn(), from, to))
                .toList();

        MunicipalityFigures.Referrals referrals = new MunicipalityFigures.Referrals(
                referred.size(),
                count(referred, ReferralStatus.class, ReferralFacts::status),
                count(referred, Phase.class, ReferralFacts::phase),
                count(referred, IntermediaryType.class, ReferralFacts::intermediaryType));
        MunicipalityFigures.Deliveries deliveries = new MunicipalityFigures.Deliveries(
                delivered.size(), count(delivered, Phase.class, ReferralFacts::phase));

        return new MunicipalityFigures(municipality, from, to, referrals, deliveries,
                money(municipality, from, to, referred, contracts),
                leadTime(handedOver),
                babyBeforeDueDate(handedOver),
                referred.stream().filter(f -> f.accepted() && Boolean.TRUE.equals(f.consentFollowUp())).count(),
                followUp(referred),
                new MunicipalityFigures.Imported(referred.stream().filter(ReferralFacts::imported).count(),
                        delivered.stream().filter(ReferralFacts::imported).count()));
    }

    static MunicipalityFigures.FollowUp followUp(List<ReferralFacts> referred) {
        Map<String, Long> byOutcome = new java.util.LinkedHashMap<>();
        MunicipalityFigures.FOLLOW_UP_OUTCOMES.forEach(outcome -> byOutcome.put(outcome, 0L));
        long opened = 0;
        for (ReferralFacts f : referred) {
            if (f.followUpOpened()) {
                opened++;
                String outcome = f.followUpOutcome() == null ? "OPEN" : f.followUpOutcome();
                byOutcome.merge(byOutcome.containsKey(outcome) ? outcome : "OPEN", 1L, Long::sum);
            }
        }
        return new MunicipalityFigures.FollowUp(opened, byOutcome);
    }

    static MunicipalityFigures.Money money(String municipality, LocalDate from, LocalDate to,
                                           List<ReferralFacts> referred, List<ContractFacts> contracts) {
        List<ContractFacts> inForce = contracts.stream()
                .filter(c -> municipality.equals(c.municipality()) && c.overlaps(from, to))
                .toList();
        List<ContractFacts.Invoice> invoices = new ArrayList<>();
        List<ContractFacts> invoicing = new ArrayList<>();
        for (ContractFacts c : contracts) {
            List<ContractFacts.Invoice> ending = c.invoices().stream()
                    .filter(i -> municipality.equals(c.municipality()) && within(i.periodEnd(), from, to)
                            && i.totalExcludingVat() != null)
                    .toList();
            invoices.addAll(ending);
            if (!ending.isEmpty()) {
                invoicing.add(c);
            }
        }
        BigDecimal invoiced = invoices.stream().map(ContractFacts.Invoice::totalExcludingVat)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long invoicedPackages = invoices.stream().mapToLong(ContractFacts.Invoice::lineCount).sum();
        List<ReferralFacts> reservedSlots = referred.stream()
                .filter(f -> f.fundingState() == ReferralFacts.FundingState.RESERVED)
                .toList();
        BigDecimal reserved = reservedSlots.stream()
                .map(f -> priceOf(f, contracts))
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal budget = inForce.stream().map(ContractFacts::budget).filter(Objects::nonNull)
                .reduce(BigDecimal::add).orElse(null);
        Integer cap = inForce.stream().map(ContractFacts::maxPackages).filter(Objects::nonNull)
                .reduce(Integer::sum).orElse(null);
        return new MunicipalityFigures.Money(eur(invoiced), eur(reserved), budget == null ? null : eur(budget), cap,
                reservedSlots.size(), invoicedPackages, monthsCovered(invoices, from, to),
                atOnePrice(reserved, reservedSlots.size(), inForce), atOnePrice(invoiced, invoicedPackages, invoicing));
    }

    /** The one price per package of all these contracts (both phases alike), or null when there is none. */
    static BigDecimal onePrice(List<ContractFacts> contracts) {
        List<BigDecimal> prices = contracts.stream()
                .flatMap(c -> java.util.stream.Stream.of(c.babyPrice(), c.toddlerPrice()))
                .map(p -> p == null ? null : p.stripTrailingZeros())
                .distinct().toList();
        return prices.size() == 1 ? prices.get(0) : null;
    }

    /** Whether {@code amount} is {@code count} packages at the one price of these contracts. */
    static boolean atOnePrice(BigDecimal amount, long count, List<ContractFacts> contracts) {
        if (count == 0) {
            return amount.signum() == 0;
        }
        BigDecimal price = onePrice(contracts);
        return price != null && price.multiply(BigDecimal.valueOf(count)).compareTo(amount) == 0;
    }

    /** The months of the period that the invoice periods cover. */
    static List<YearMonth> monthsCovered(List<ContractFacts.Invoice> invoices, LocalDate from, LocalDate to) {
        java.util.SortedSet<YearMonth> months = new java.util.TreeSet<>();
        for (ContractFacts.Invoice i : invoices) {
            if (i.periodEnd() == null) {
                continue;
            }
            LocalDate start = i.periodStart() == null ? i.periodEnd() : i.periodStart().isBefore(from) ? from : i.periodStart();
            LocalDate end = i.periodEnd().isAfter(to) ? to : i.periodEnd();
            for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
                months.add(m);
            }
        }
        return List.copyOf(months);
    }

    /** The price of the slot: the billed amount once delivered, else the contract price of the phase. */
    private static BigDecimal priceOf(ReferralFacts f, List<ContractFacts> contracts) {
        if (f.billedAmount() != null) {
            return f.billedAmount();
        }
        String contractId = f.reserved() == null ? null : f.reserved().contractId();
        return contracts.stream()
                .filter(c -> c.contractId().equals(contractId) && f.phase() != null)
                .map(c -> c.price(f.phase()))
                .filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    static MunicipalityFigures.LeadTime leadTime(List<ReferralFacts> handedOver) {
        List<Long> days = handedOver.stream().map(ReferralFacts::leadTimeDays).filter(Objects::nonNull).sorted().toList();
        return new MunicipalityFigures.LeadTime(median(days), percentile(days, 90), days.size());
    }

    static MunicipalityFigures.Share babyBeforeDueDate(List<ReferralFacts> handedOver) {
        List<ReferralFacts> baby = handedOver.stream()
                .filter(f -> f.phase() == Phase.BABY && f.daysBeforeDueDate() != null)
                .toList();
        long before = baby.stream().filter(f -> f.daysBeforeDueDate() > 0).count();
        return share(before, baby.size());
    }

    /** The middle value; the mean of the two middle values for an even count (one decimal). */
    public static BigDecimal median(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        BigDecimal median = n % 2 == 1
                ? BigDecimal.valueOf(sorted.get(n / 2))
                : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        return median.setScale(1, RoundingMode.HALF_EVEN);
    }

    /** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
    public static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    public static MunicipalityFigures.Share share(long count, long of) {
        BigDecimal share = of == 0 ? null
                : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(of), 2, RoundingMode.HALF_EVEN);
        return new MunicipalityFigures.Share(share, count, of);
    }

    static <E extends Enum<E>> Map<E, Long> count(List<ReferralFacts> facts, Class<E> type, Function<ReferralFacts, E> key) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0L);
        }
        for (ReferralFacts f : facts) {
            E value = key.apply(f);
            if (value != null) {
                counts.merge(value, 1L, Long::sum);
            }
        }
        return counts;
    }

    static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return date != null && !date.isBefore(from) && !date.isAfter(to);
    }

    static BigDecimal eur(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}

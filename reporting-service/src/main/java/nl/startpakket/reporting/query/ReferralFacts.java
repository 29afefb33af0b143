package nl.startpakket.reporting.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;

/**
 * What reporting knows about one referral, gathered from every topic. No personal data: only
 * the municipality, phase, kind of intermediary, business dates and derived numbers. Any field
 * may still be missing while events of other topics have not arrived yet.
 *
 * @param referralDate            the business date the referral was made (from the referral topic)
 * @param accepted                ReferralAccepted was seen
 * @param rejectionReason         the reason of ReferralRejected, if rejected
 * @param consentFollowUp         the parent agreed to be contacted about further help
 * @param pregnancyWeekAtReferral BABY only: week of pregnancy on the referral date
 * @param reserved                the last FundingReserved
 * @param held                    the last FundingOnHold
 * @param released                the last FundingReleased
 * @param daysBeforeDueDate       BABY only: days between hand-over and due date (negative when after)
 * @param billedAmount            the billable line recorded for the delivery (EUR, excluding VAT)
 * @param followUpOpened          the delivered package opened a follow-up for the social team (consent given)
 * @param followUpOutcome         the social team's latest outcome of it, null while none was recorded
 * @param imported                a referral from the years before Startpakket (referral-service's import of history)
 */
public record ReferralFacts(
        String referralId,
        String municipality,
        Phase phase,
        IntermediaryType intermediaryType,
        LocalDate referralDate,
        boolean accepted,
        String rejectionReason,
        Boolean consentFollowUp,
        Integer pregnancyWeekAtReferral,
        LocalDate cancelledOn,
        String cancelReason,
        FundingDecision reserved,
        FundingDecision held,
        FundingDecision released,
        boolean packingStarted,
        LocalDate packedOn,
        LocalDate handedOverOn,
        Integer daysBeforeDueDate,
        LocalDate deliveredOn,
        String billedContractId,
        BigDecimal billedAmount,
        boolean followUpOpened,
        String followUpOutcome,
        boolean imported) {

    /** What billing decided last about this referral's funding, if anything. */
    public enum FundingState { RESERVED, ON_HOLD, RELEASED }

    public FundingState fundingState() {
        FundingState state = null;
        FundingDecision latest = null;
        // on equal instants the later stage of the lifecycle wins (RESERVED < ON_HOLD < RELEASED)
        for (FundingState candidate : FundingState.values()) {
            FundingDecision decision = switch (candidate) {
                case RESERVED -> reserved;
                case ON_HOLD -> held;
                case RELEASED -> released;
            };
            if (decision != null && (latest == null || !decision.at().isBefore(latest.at()))) {
                state = candidate;
                latest = decision;
            }
        }
        return state;
    }

    /**
     * The furthest stage reached, independent of the order in which topics delivered their
     * events: delivered beats everything; cancelled and rejected end the referral; then
     * fulfilment progress; then the latest funding decision.
     */
    public ReferralStatus status() {
        if (deliveredOn != null) {
            return ReferralStatus.DELIVERED;
        }
        if (cancelledOn != null) {
            return ReferralStatus.CANCELLED;
        }
        if (rejectionReason != null) {
            return ReferralStatus.REJECTED;
        }
        if (packedOn != null || handedOverOn != null) {
            return ReferralStatus.PACKED;
        }
        if (packingStarted) {
            return ReferralStatus.PACKING;
        }
        FundingState funding = fundingState();
        if (funding == FundingState.RESERVED) {
            return ReferralStatus.FUNDED;
        }
        if (funding == FundingState.ON_HOLD) {
            return ReferralStatus.ON_HOLD;
        }
        if (accepted || funding == FundingState.RELEASED) {
            return ReferralStatus.ACCEPTED;
        }
        return ReferralStatus.SUBMITTED;
    }

    /** Days from the referral date to the hand-over, when both are known. */
    public Long leadTimeDays() {
        if (referralDate == null || handedOverOn == null) {
            return null;
        }
        return java.time.temporal.ChronoUnit.DAYS.between(referralDate, handedOverOn);
    }
}

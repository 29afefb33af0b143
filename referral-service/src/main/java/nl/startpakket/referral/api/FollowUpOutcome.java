package nl.startpakket.referral.api;

/** How a follow-up with a family went, as the municipality's social team records it. */
public enum FollowUpOutcome {
    /** The team spoke with the parent. */
    CONTACTED,
    /** The parent accepted further help (income support, parenting help, ...). */
    HELP_ACCEPTED,
    /** The parent did not want further help. */
    DECLINED,
    /** The team could not reach the parent. */
    UNREACHABLE
}

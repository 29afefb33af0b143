package nl.startpakket.reporting.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One funding decision of billing about a referral (reserved, held or released): when it was
 * taken ({@code at}, to know which decision is the latest whatever order the events arrive in),
 * its business date, the contract and the reason.
 */
public record FundingDecision(Instant at, LocalDate on, String contractId, String reason) {
}

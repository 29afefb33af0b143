package nl.startpakket.billing.web;

import java.util.List;
import java.util.stream.IntStream;
import nl.startpakket.billing.query.ContractQueries;
import nl.startpakket.billing.query.FundingStatusDocument;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every referral waiting for funding (cap, budget, no contract, contract ended), oldest first. */
@RestController
public class HeldReferralController {

    private final ContractQueries queries;

    public HeldReferralController(ContractQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/held-referrals")
    public List<HeldReferralResponse> held(@RequestParam(required = false) String municipality) {
        List<FundingStatusDocument> held = queries.heldReferrals(municipality);
        return IntStream.range(0, held.size()).mapToObj(i -> HeldReferralResponse.of(i + 1, held.get(i))).toList();
    }
}

package nl.startpakket.referral.api.partner;

import java.util.List;
import nl.startpakket.events.IntermediaryType;

/** What a coordinator agrees with a partner: its name, kind, the municipalities it refers for, whether it may refer. */
public record PartnerTerms(String name, IntermediaryType intermediaryType, List<String> municipalities, boolean active) {

    public PartnerTerms {
        municipalities = List.copyOf(municipalities);
    }
}

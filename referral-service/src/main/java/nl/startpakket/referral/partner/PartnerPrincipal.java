package nl.startpakket.referral.partner;

import java.util.List;
import nl.startpakket.events.IntermediaryType;

/** The partner on whose behalf a request is made (by API key or by one of its users). */
public record PartnerPrincipal(String partnerId, String name, IntermediaryType intermediaryType, List<String> municipalities,
                               String keyId) {

    public static PartnerPrincipal of(PartnerView partner, String keyId) {
        return new PartnerPrincipal(partner.getId(), partner.getName(), partner.getIntermediaryType(),
                List.copyOf(partner.getMunicipalities()), keyId);
    }

    public boolean mayReferFor(String municipality) {
        return municipalities.contains(municipality);
    }
}

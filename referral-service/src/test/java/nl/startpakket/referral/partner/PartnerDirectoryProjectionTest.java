package nl.startpakket.referral.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.referral.api.partner.ApiKeyIssuedEvent;
import nl.startpakket.referral.api.partner.ApiKeyRevokedEvent;
import nl.startpakket.referral.api.partner.PartnerEvent;
import nl.startpakket.referral.api.partner.PartnerRegisteredEvent;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.api.partner.PartnerTermsChangedEvent;
import nl.startpakket.referral.api.partner.WebUserAddedEvent;
import nl.startpakket.referral.api.partner.WebUserPasswordResetEvent;
import nl.startpakket.referral.api.partner.WebUserRemovedEvent;
import org.junit.jupiter.api.Test;

class PartnerDirectoryProjectionTest {

    static final Instant T1 = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant T2 = Instant.parse("2026-03-03T09:00:00Z");
    static final String ID = "verloskundige-huizen";
    static final PartnerTerms TERMS = new PartnerTerms("Verloskundigen Huizen", IntermediaryType.MIDWIFE, List.of("GM0406"), true);

    static PartnerView fold(PartnerEvent... events) {
        PartnerView view = null;
        for (PartnerEvent event : events) {
            view = PartnerDirectoryProjection.apply(view, event);
        }
        return view;
    }

    @Test
    void shouldKeepTheLatestTermsWhenTheyChange() {
        PartnerTerms changed = new PartnerTerms("Verloskundigen 't Gooi", IntermediaryType.MIDWIFE, List.of("GM0406", "GM0917"), false);
        PartnerView view = fold(new PartnerRegisteredEvent("e1", ID, TERMS, "c", T1),
                new PartnerTermsChangedEvent("e2", ID, changed, "c", T2));
        assertThat(view.getName()).isEqualTo("Verloskundigen 't Gooi");
        assertThat(view.getMunicipalities()).containsExactly("GM0406", "GM0917");
        assertThat(view.isActive()).isFalse();
    }

    @Test
    void shouldKeepKeysByHashWithWhenTheyWereIssuedAndRevoked() {
        PartnerView view = fold(new PartnerRegisteredEvent("e1", ID, TERMS, "c", T1),
                new ApiKeyIssuedEvent("e2", ID, "k1", "h1", "c", T1),
                new ApiKeyIssuedEvent("e3", ID, "k2", "h2", "c", T1),
                new ApiKeyRevokedEvent("e4", ID, "k1", "c", T2));
        assertThat(view.getApiKeys()).containsExactly(new PartnerView.ApiKey("k1", "h1", T1, T2),
                new PartnerView.ApiKey("k2", "h2", T1, null));
        assertThat(view.getValidKeyCount()).isEqualTo(1);
    }

    @Test
    void shouldKeepUsersWithTheirLatestPasswordHashUntilRemoved() {
        PartnerView view = fold(new PartnerRegisteredEvent("e1", ID, TERMS, "c", T1),
                new WebUserAddedEvent("e2", ID, "a", "{bcrypt}1", "c", T1),
                new WebUserAddedEvent("e3", ID, "b", "{bcrypt}2", "c", T1),
                new WebUserPasswordResetEvent("e4", ID, "a", "{bcrypt}3", "c", T2),
                new WebUserRemovedEvent("e5", ID, "b", "c", T2));
        assertThat(view.getUsers()).containsExactly(new PartnerView.WebUser("a", "{bcrypt}3", T1));
    }

    @Test
    void shouldReplaceADocumentOfBeforeTheEventLogWhenRegistered() {
        PartnerView legacy = new PartnerView(ID, "Old name", IntermediaryType.OTHER, List.of("GM0917"), false);
        legacy.getApiKeys().add(new PartnerView.ApiKey("old", "h0", T1, null));
        PartnerView view = PartnerDirectoryProjection.apply(legacy, new PartnerRegisteredEvent("e1", ID, TERMS, "c", T2));
        assertThat(view.getName()).isEqualTo(TERMS.name());
        assertThat(view.getApiKeys()).isEmpty();
    }
}

package nl.startpakket.referral.command.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.referral.api.partner.AddWebUserCommand;
import nl.startpakket.referral.api.partner.ApiKeyIssuedEvent;
import nl.startpakket.referral.api.partner.ApiKeyRevokedEvent;
import nl.startpakket.referral.api.partner.ChangePartnerTermsCommand;
import nl.startpakket.referral.api.partner.ImportPartnerCommand;
import nl.startpakket.referral.api.partner.IssueApiKeyCommand;
import nl.startpakket.referral.api.partner.PartnerAlreadyRegisteredException;
import nl.startpakket.referral.api.partner.PartnerRegisteredEvent;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.api.partner.PartnerTermsChangedEvent;
import nl.startpakket.referral.api.partner.RegisterPartnerCommand;
import nl.startpakket.referral.api.partner.RemoveWebUserCommand;
import nl.startpakket.referral.api.partner.ResetWebUserPasswordCommand;
import nl.startpakket.referral.api.partner.RevokeApiKeyCommand;
import nl.startpakket.referral.api.partner.UnknownApiKeyException;
import nl.startpakket.referral.api.partner.UnknownWebUserException;
import nl.startpakket.referral.api.partner.UserNameTakenException;
import nl.startpakket.referral.api.partner.WebUserAddedEvent;
import nl.startpakket.referral.api.partner.WebUserExistsException;
import nl.startpakket.referral.api.partner.WebUserPasswordResetEvent;
import nl.startpakket.referral.api.partner.WebUserRemovedEvent;
import nl.startpakket.events.SealedData;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.api.partner.ChangeWebUserEmailCommand;
import nl.startpakket.referral.api.partner.ChangeWebhookCommand;
import nl.startpakket.referral.api.partner.RegisterWebhookCommand;
import nl.startpakket.referral.api.partner.RemoveWebhookCommand;
import nl.startpakket.referral.api.partner.UnknownWebhookException;
import nl.startpakket.referral.api.partner.WebUserEmailChangedEvent;
import nl.startpakket.referral.api.partner.WebhookChangedEvent;
import nl.startpakket.referral.api.partner.WebhookRegisteredEvent;
import nl.startpakket.referral.api.partner.WebhookRemovedEvent;
import nl.startpakket.referral.api.partner.WebhookSettings;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PartnerTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:15:30Z");
    static final String ID = "verloskundige-huizen";
    static final String COORDINATOR = "coordinator";
    static final PartnerTerms TERMS = new PartnerTerms("Verloskundigenpraktijk Huizen", IntermediaryType.MIDWIFE, List.of("GM0406"), true);
    static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String PASSWORD_HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("correct horse battery");

    FixtureConfiguration<Partner> fixture;
    InMemoryWebUserNames names;

    @BeforeEach
    void setUp() {
        names = new InMemoryWebUserNames();
        fixture = new AggregateTestFixture<>(Partner.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam")));
        fixture.registerInjectableResource(names);
        // event ids are random: every other field is compared
        fixture.registerFieldFilter(field -> !field.getName().equals("eventId"));
    }

    static PartnerRegisteredEvent registered() {
        return new PartnerRegisteredEvent("e", ID, TERMS, COORDINATOR, NOW);
    }

    static ApiKeyIssuedEvent issued(String keyId) {
        return new ApiKeyIssuedEvent("e", ID, keyId, HASH, COORDINATOR, NOW);
    }

    static WebUserAddedEvent added(String username) {
        return new WebUserAddedEvent("e", ID, username, PASSWORD_HASH, COORDINATOR, NOW);
    }

    @Test
    void shouldRegisterWhenTheIdIsFree() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartnerCommand(ID, TERMS, COORDINATOR))
                .expectEvents(registered());
    }

    @Test
    void shouldRefuseRegisteringWhenTheIdIsTaken() {
        fixture.given(registered())
                .when(new RegisterPartnerCommand(ID, TERMS, "another-coordinator"))
                .expectException(PartnerAlreadyRegisteredException.class)
                .expectNoEvents();
    }

    @Test
    void shouldRefuseRegisteringWhenTheIdCouldBeAReferrals() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartnerCommand("R-1", TERMS, COORDINATOR))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void shouldRecordAllTermsWhenTheyChange() {
        PartnerTerms inactive = new PartnerTerms(TERMS.name(), TERMS.intermediaryType(), List.of("GM0406", "GM0917"), false);
        fixture.given(registered())
                .when(new ChangePartnerTermsCommand(ID, inactive, COORDINATOR))
                .expectEvents(new PartnerTermsChangedEvent("e", ID, inactive, COORDINATOR, NOW))
                .expectResultMessagePayload(true);
    }

    @Test
    void shouldChangeNothingWhenTheTermsAreTheSame() {
        fixture.given(registered())
                .when(new ChangePartnerTermsCommand(ID, TERMS, COORDINATOR))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void shouldIssueAKeyByItsHashOnly() {
        fixture.given(registered())
                .when(new IssueApiKeyCommand(ID, "k1", HASH, COORDINATOR))
                .expectEvents(issued("k1"))
                .expectResultMessagePayload(true);
    }

    @Test
    void shouldRefuseAKeyThatIsNotAHash() {
        fixture.given(registered())
                .when(new IssueApiKeyCommand(ID, "k1", "spk_k1_the-key-itself", COORDINATOR))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void shouldChangeNothingWhenAKeyIdIsIssuedAgain() {
        fixture.given(registered(), issued("demo"), new ApiKeyRevokedEvent("e", ID, "demo", COORDINATOR, NOW))
                .when(new IssueApiKeyCommand(ID, "demo", HASH, COORDINATOR))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void shouldRevokeAValidKey() {
        fixture.given(registered(), issued("k1"))
                .when(new RevokeApiKeyCommand(ID, "k1", COORDINATOR))
                .expectEvents(new ApiKeyRevokedEvent("e", ID, "k1", COORDINATOR, NOW));
    }

    @Test
    void shouldRefuseRevokingWhenTheKeyIsUnknown() {
        fixture.given(registered(), issued("k1"))
                .when(new RevokeApiKeyCommand(ID, "k2", COORDINATOR))
                .expectException(UnknownApiKeyException.class)
                .expectNoEvents();
    }

    @Test
    void shouldChangeNothingWhenRevokingTwice() {
        fixture.given(registered(), issued("k1"), new ApiKeyRevokedEvent("e", ID, "k1", COORDINATOR, NOW))
                .when(new RevokeApiKeyCommand(ID, "k1", COORDINATOR))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldAddAUserAndClaimItsName() {
        fixture.given(registered())
                .when(new AddWebUserCommand(ID, "j.jansen", PASSWORD_HASH, COORDINATOR))
                .expectEvents(added("j.jansen"));
        assertThat(names.claims).containsEntry("j.jansen", ID);
    }

    @Test
    void shouldRefuseAUserNameTakenByAnotherPartner() {
        names.claim("j.jansen", "gemeente-heerlen");
        fixture.given(registered())
                .when(new AddWebUserCommand(ID, "j.jansen", PASSWORD_HASH, COORDINATOR))
                .expectException(UserNameTakenException.class)
                .expectNoEvents();
        assertThat(names.claims).containsEntry("j.jansen", "gemeente-heerlen");
    }

    @Test
    void shouldRefuseAddingAUserThePartnerHasAlready() {
        fixture.given(registered(), added("j.jansen"))
                .when(new AddWebUserCommand(ID, "j.jansen", PASSWORD_HASH, COORDINATOR))
                .expectException(WebUserExistsException.class);
    }

    @Test
    void shouldRefuseAPasswordThatIsNotABcryptHash() {
        fixture.given(registered())
                .when(new AddWebUserCommand(ID, "j.jansen", "correct horse battery", COORDINATOR))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
        assertThat(names.claims).isEmpty();
    }

    @Test
    void shouldResetThePasswordOfAUser() {
        fixture.given(registered(), added("j.jansen"))
                .when(new ResetWebUserPasswordCommand(ID, "j.jansen", PASSWORD_HASH, COORDINATOR))
                .expectEvents(new WebUserPasswordResetEvent("e", ID, "j.jansen", PASSWORD_HASH, COORDINATOR, NOW));
    }

    @Test
    void shouldRefuseResettingWhenTheUserIsUnknown() {
        fixture.given(registered())
                .when(new ResetWebUserPasswordCommand(ID, "j.jansen", PASSWORD_HASH, COORDINATOR))
                .expectException(UnknownWebUserException.class);
    }

    @Test
    void shouldRemoveAUserAndFreeItsName() {
        names.claim("j.jansen", ID);
        fixture.given(registered(), added("j.jansen"))
                .when(new RemoveWebUserCommand(ID, "j.jansen", COORDINATOR))
                .expectEvents(new WebUserRemovedEvent("e", ID, "j.jansen", COORDINATOR, NOW));
        assertThat(names.claims).isEmpty();
    }

    @Test
    void shouldRefuseRemovingWhenTheUserIsUnknown() {
        fixture.given(registered(), added("j.jansen"), new WebUserRemovedEvent("e", ID, "j.jansen", COORDINATOR, NOW))
                .when(new RemoveWebUserCommand(ID, "j.jansen", COORDINATOR))
                .expectException(UnknownWebUserException.class);
    }

    @Test
    void shouldImportAPartnerAsTheEventsThatWouldHaveMadeIt() {
        Instant issuedAt = Instant.parse("2025-01-10T10:00:00Z");
        Instant revokedAt = Instant.parse("2025-06-01T10:00:00Z");
        fixture.givenNoPriorActivity()
                .when(new ImportPartnerCommand(ID, TERMS,
                        List.of(new ImportPartnerCommand.Key("k1", HASH, issuedAt, revokedAt),
                                new ImportPartnerCommand.Key("k2", HASH, issuedAt, null)),
                        List.of(new ImportPartnerCommand.User("j.jansen", PASSWORD_HASH)), "system:import"))
                .expectEvents(new PartnerRegisteredEvent("e", ID, TERMS, "system:import", NOW),
                        new ApiKeyIssuedEvent("e", ID, "k1", HASH, "system:import", issuedAt),
                        new ApiKeyRevokedEvent("e", ID, "k1", "system:import", revokedAt),
                        new ApiKeyIssuedEvent("e", ID, "k2", HASH, "system:import", issuedAt),
                        new WebUserAddedEvent("e", ID, "j.jansen", PASSWORD_HASH, "system:import", NOW))
                .expectResultMessagePayload(true);
        assertThat(names.claims).containsEntry("j.jansen", ID);
    }

    @Test
    void shouldChangeNothingWhenImportingAPartnerThatIsInTheLog() {
        fixture.given(registered())
                .when(new ImportPartnerCommand(ID, TERMS, List.of(), List.of(), "system:import"))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    static final WebhookSettings HOOK = new WebhookSettings("https://partner.example.org/events",
            List.of(ReferralStatus.DELIVERED, ReferralStatus.ACCEPTED), true);
    static final SealedData SECRET = new SealedData(SealedData.AES_256_GCM, "webhook", "bm9uY2U=", "c2VhbGVk");

    static WebhookRegisteredEvent webhookRegistered() {
        return new WebhookRegisteredEvent("e", ID, "wh-1", HOOK, SECRET, "api-key:demo", NOW);
    }

    @Test
    void shouldRegisterAWebhookWithItsStatusesInOrderWhenTheAddressIsHttp() {
        fixture.given(registered())
                .when(new RegisterWebhookCommand(ID, "wh-1", HOOK, SECRET, "api-key:demo"))
                .expectEvents(webhookRegistered());
        org.assertj.core.api.Assertions.assertThat(HOOK.statuses()).containsExactly(ReferralStatus.ACCEPTED, ReferralStatus.DELIVERED);
    }

    @Test
    void shouldRefuseAWebhookWhenItWantsNoStatus() {
        fixture.given(registered())
                .when(new RegisterWebhookCommand(ID, "wh-1", new WebhookSettings("https://partner.example.org/events", List.of(), true),
                        SECRET, COORDINATOR))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAWebhookWhenItHasNoSealedSecret() {
        fixture.given(registered())
                .when(new RegisterWebhookCommand(ID, "wh-1", HOOK, null, COORDINATOR))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void shouldChangeAWebhookOnlyWhenItsSettingsDiffer() {
        WebhookSettings inactive = new WebhookSettings(HOOK.url(), HOOK.statuses(), false);
        fixture.given(registered(), webhookRegistered())
                .when(new ChangeWebhookCommand(ID, "wh-1", inactive, COORDINATOR))
                .expectEvents(new WebhookChangedEvent("e", ID, "wh-1", inactive, COORDINATOR, NOW))
                .expectResultMessagePayload(true);
        fixture.given(registered(), webhookRegistered())
                .when(new ChangeWebhookCommand(ID, "wh-1", HOOK, COORDINATOR))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void shouldRefuseRemovingAWebhookWhenThePartnerHasNoneOfThatId() {
        fixture.given(registered(), webhookRegistered(), new WebhookRemovedEvent("e", ID, "wh-1", COORDINATOR, NOW))
                .when(new RemoveWebhookCommand(ID, "wh-1", COORDINATOR))
                .expectException(UnknownWebhookException.class);
    }

    @Test
    void shouldSetAUsersEmailInDutchWhenNoLanguageIsGiven() {
        fixture.given(registered(), added("balie"))
                .when(new ChangeWebUserEmailCommand(ID, "balie", " balie@verloskundige-huizen.nl ", null, COORDINATOR))
                .expectEvents(new WebUserEmailChangedEvent("e", ID, "balie", "balie@verloskundige-huizen.nl", "nl", COORDINATOR, NOW))
                .expectResultMessagePayload(true);
    }

    @Test
    void shouldChangeNothingWhenTheEmailIsTheSame() {
        fixture.given(registered(), added("balie"),
                        new WebUserEmailChangedEvent("e", ID, "balie", "balie@verloskundige-huizen.nl", "nl", COORDINATOR, NOW))
                .when(new ChangeWebUserEmailCommand(ID, "balie", "balie@verloskundige-huizen.nl", "nl", COORDINATOR))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void shouldRemoveTheEmailWhenItIsBlank() {
        fixture.given(registered(), added("balie"),
                        new WebUserEmailChangedEvent("e", ID, "balie", "balie@verloskundige-huizen.nl", "en", COORDINATOR, NOW))
                .when(new ChangeWebUserEmailCommand(ID, "balie", "", null, COORDINATOR))
                .expectEvents(new WebUserEmailChangedEvent("e", ID, "balie", null, null, COORDINATOR, NOW));
    }

    @Test
    void shouldRefuseAnEmailWhenItIsNoAddress() {
        fixture.given(registered(), added("balie"))
                .when(new ChangeWebUserEmailCommand(ID, "balie", "not an address", "nl", COORDINATOR))
                .expectException(IllegalArgumentException.class);
    }
}

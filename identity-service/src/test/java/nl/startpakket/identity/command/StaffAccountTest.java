package nl.startpakket.identity.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import nl.startpakket.identity.api.ChangeStaffAccountCommand;
import nl.startpakket.identity.api.DisableStaffAccountCommand;
import nl.startpakket.identity.api.EnableStaffAccountCommand;
import nl.startpakket.identity.api.RegisterStaffAccountCommand;
import nl.startpakket.identity.api.SetStaffPasswordCommand;
import nl.startpakket.identity.api.StaffAccountChangedEvent;
import nl.startpakket.identity.api.StaffAccountDisabledEvent;
import nl.startpakket.identity.api.StaffAccountEnabledEvent;
import nl.startpakket.identity.api.StaffAccountRegisteredEvent;
import nl.startpakket.identity.api.StaffAccountRuleViolation;
import nl.startpakket.identity.api.StaffAccountTerms;
import nl.startpakket.identity.api.StaffPasswordSetEvent;
import nl.startpakket.platform.security.StaffRole;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StaffAccountTest {

    static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam"));
    static final StaffAccountTerms EVALUATOR_UTRECHT = new StaffAccountTerms("Evaluator Utrecht", Set.of(StaffRole.EVALUATOR), "GM0344");
    static final StaffAccountTerms VOLUNTEER = new StaffAccountTerms("Vrijwilliger", Set.of(StaffRole.VOLUNTEER), null);

    FixtureConfiguration<StaffAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StaffAccount.class);
        fixture.registerInjectableResource(CLOCK);
    }

    static StaffAccountRegisteredEvent registered(StaffAccountTerms terms) {
        return new StaffAccountRegisteredEvent("eva", terms, "{noop}x", "coordinator", NOW);
    }

    @Test
    void shouldRegisterAnEvaluatorOfOneMunicipality() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffAccountCommand("eva", EVALUATOR_UTRECHT, "{noop}x", "coordinator"))
                .expectEvents(registered(EVALUATOR_UTRECHT));
    }

    @Test
    void shouldRefuseAnEvaluatorWithoutMunicipality() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffAccountCommand("eva", new StaffAccountTerms("Eva", Set.of(StaffRole.EVALUATOR), null),
                        "{noop}x", "coordinator"))
                .expectException(StaffAccountRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void shouldRefuseAMunicipalityForAnAccountThatIsNotOfAMunicipality() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffAccountCommand("eva", new StaffAccountTerms("Eva", Set.of(StaffRole.VOLUNTEER), "GM0344"),
                        "{noop}x", "coordinator"))
                .expectException(StaffAccountRuleViolation.class);
    }

    @Test
    void shouldRefuseAnAccountWithoutRoles() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffAccountCommand("eva", new StaffAccountTerms("Eva", Set.of(), null), "{noop}x", "coordinator"))
                .expectException(StaffAccountRuleViolation.class);
    }

    @Test
    void shouldRefuseRegisteringAnAccountTwice() {
        fixture.given(registered(VOLUNTEER))
                .when(new RegisterStaffAccountCommand("eva", VOLUNTEER, "{noop}y", "coordinator"))
                .expectException(StaffAccountRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void shouldRecordNewTermsOnlyWhenTheyDiffer() {
        fixture.given(registered(VOLUNTEER))
                .when(new ChangeStaffAccountCommand("eva", VOLUNTEER, "coordinator"))
                .expectNoEvents();
        fixture.given(registered(VOLUNTEER))
                .when(new ChangeStaffAccountCommand("eva", EVALUATOR_UTRECHT, "coordinator"))
                .expectEvents(new StaffAccountChangedEvent("eva", EVALUATOR_UTRECHT, "coordinator", NOW));
    }

    @Test
    void shouldDisableAnActiveAccountOnceAndEnableItAgain() {
        fixture.given(registered(VOLUNTEER))
                .when(new DisableStaffAccountCommand("eva", "coordinator"))
                .expectEvents(new StaffAccountDisabledEvent("eva", "coordinator", NOW));
        fixture.given(registered(VOLUNTEER), new StaffAccountDisabledEvent("eva", "coordinator", NOW))
                .when(new DisableStaffAccountCommand("eva", "coordinator"))
                .expectNoEvents();
        fixture.given(registered(VOLUNTEER), new StaffAccountDisabledEvent("eva", "coordinator", NOW))
                .when(new EnableStaffAccountCommand("eva", "coordinator"))
                .expectEvents(new StaffAccountEnabledEvent("eva", "coordinator", NOW));
    }

    @Test
    void shouldKeepOnlyTheHashOfANewPassword() {
        fixture.given(registered(VOLUNTEER))
                .when(new SetStaffPasswordCommand("eva", "{bcrypt}$2a$04$hash", "eva"))
                .expectEvents(new StaffPasswordSetEvent("eva", "{bcrypt}$2a$04$hash", "eva", NOW));
    }

    @Test
    void shouldRefuseAnEmptyPassword() {
        fixture.given(registered(VOLUNTEER))
                .when(new SetStaffPasswordCommand("eva", " ", "eva"))
                .expectException(StaffAccountRuleViolation.class);
    }
}

package nl.startpakket.billing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.startpakket.billing.api.ContractRuleViolation;
import nl.startpakket.billing.api.RegisterContractCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoContractsTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 25).atStartOfDay(AMSTERDAM).toInstant(), AMSTERDAM);

    @ParameterizedTest(name = "on {0}: {1} from {2}, {3} from {4}")
    @CsvSource({
            "2026-11-25, huizen-2026, 2026-02-01, heerlen-2026, 2026-01-01",
            "2027-01-31, huizen-2026, 2026-02-01, heerlen-2027, 2027-01-01",
            "2027-02-01, huizen-2027, 2027-02-01, heerlen-2027, 2027-01-01",
            "2028-12-31, huizen-2028, 2028-02-01, heerlen-2028, 2028-01-01"})
    void shouldRegisterTheContractYearInForceOnTheDayTheDemoStarts(LocalDate today, String huizen, LocalDate huizenFrom,
                                                                   String heerlen, LocalDate heerlenFrom) {
        List<RegisterContractCommand> contracts = DemoContracts.inForceOn(today);

        assertThat(contracts).extracting(RegisterContractCommand::contractId).containsExactly(huizen, heerlen);
        assertThat(contracts.get(0).terms().validFrom()).isEqualTo(huizenFrom);
        assertThat(contracts.get(0).terms().validTo()).isEqualTo(huizenFrom.plusYears(1).minusDays(1));
        assertThat(contracts.get(1).terms().validFrom()).isEqualTo(heerlenFrom);
        assertThat(contracts.get(1).terms().validTo()).isEqualTo(LocalDate.of(heerlenFrom.getYear(), 12, 31));
        assertThat(contracts).allSatisfy(c -> assertThat(c.terms().validFrom()).isBeforeOrEqualTo(today))
                .allSatisfy(c -> assertThat(c.terms().validTo()).isAfterOrEqualTo(today));
    }

    @Test
    void shouldStartWhenADemoContractWasAmendedSince() {
        CommandGateway commands = mock(CommandGateway.class);
        when(commands.sendAndWait(any())).thenThrow(new ContractRuleViolation("contract-terms-differ", "Contract heerlen-2026 exists with other terms"));

        assertThatCode(() -> new DemoContracts(commands, CLOCK).run(null)).doesNotThrowAnyException();
        verify(commands, times(2)).sendAndWait(any());
    }

    @Test
    void shouldNotHideOtherFailures() {
        CommandGateway commands = mock(CommandGateway.class);
        when(commands.sendAndWait(any())).thenThrow(new IllegalStateException("Mongo is away"));

        assertThatThrownBy(() -> new DemoContracts(commands, CLOCK).run(null)).hasMessageContaining("Mongo is away");
    }
}

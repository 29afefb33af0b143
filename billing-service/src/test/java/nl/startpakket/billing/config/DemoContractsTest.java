package nl.startpakket.billing.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import nl.startpakket.billing.api.ContractRuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

class DemoContractsTest {

    @Test
    void shouldStartWhenADemoContractWasAmendedSince() {
        CommandGateway commands = mock(CommandGateway.class);
        when(commands.sendAndWait(any())).thenThrow(new ContractRuleViolation("contract-terms-differ", "Contract heerlen-2026 exists with other terms"));

        assertThatCode(() -> new DemoContracts(commands).run(null)).doesNotThrowAnyException();
        verify(commands, times(DemoContracts.CONTRACTS.size())).sendAndWait(any());
    }

    @Test
    void shouldNotHideOtherFailures() {
        CommandGateway commands = mock(CommandGateway.class);
        when(commands.sendAndWait(any())).thenThrow(new IllegalStateException("Mongo is away"));

        assertThatThrownBy(() -> new DemoContracts(commands).run(null)).hasMessageContaining("Mongo is away");
    }
}

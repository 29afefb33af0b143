package nl.startpakket.billing.command.routing;

import nl.startpakket.billing.api.AttachContractCommand;
import nl.startpakket.billing.api.CancellationRoutedEvent;
import nl.startpakket.billing.api.ContractAmendedEvent;
import nl.startpakket.billing.api.ContractRegisteredEvent;
import nl.startpakket.billing.api.DeliveryRoutedEvent;
import nl.startpakket.billing.api.HistoricDeliveryRoutedEvent;
import nl.startpakket.billing.api.RecordHistoricDeliveryCommand;
import nl.startpakket.billing.api.RecordDeliveryCommand;
import nl.startpakket.billing.api.ReferralRoutedEvent;
import nl.startpakket.billing.api.ReleaseFundingCommand;
import nl.startpakket.billing.api.ReserveFundingCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Carries decisions between the municipality's route and its contracts: a registered or
 * extended contract is attached to the route; a routed referral, cancellation or delivery goes to
 * its contract. A tracking processor: it resumes from its token after a restart, retries a failed
 * command (the error handler propagates), and every command it sends is idempotent.
 */
@ProcessingGroup(FundingRouting.PROCESSING_GROUP)
public class FundingRouting {

    public static final String PROCESSING_GROUP = "funding-routing";

    private final CommandGateway commandGateway;

    public FundingRouting(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @EventHandler
    void on(ContractRegisteredEvent event) {
        commandGateway.sendAndWait(AttachContractCommand.of(event.terms().municipality(), event.contractId(),
                event.terms().validFrom(), event.terms().validTo()));
    }

    @EventHandler
    void on(ContractAmendedEvent event) {
        commandGateway.sendAndWait(AttachContractCommand.of(event.municipality(), event.contractId(),
                event.validFrom(), event.validTo()));
    }

    @EventHandler
    void on(ReferralRoutedEvent event) {
        commandGateway.sendAndWait(new ReserveFundingCommand(event.contractId(), event.referralId(), event.phase(),
                event.referralDate()));
    }

    @EventHandler
    void on(CancellationRoutedEvent event) {
        commandGateway.sendAndWait(new ReleaseFundingCommand(event.contractId(), event.referralId(), event.reason()));
    }

    @EventHandler
    void on(DeliveryRoutedEvent event) {
        commandGateway.sendAndWait(new RecordDeliveryCommand(event.contractId(), event.referralId(), event.phase(),
                event.deliveredOn()));
    }

    @EventHandler
    void on(HistoricDeliveryRoutedEvent event) {
        commandGateway.sendAndWait(new RecordHistoricDeliveryCommand(event.contractId(), event.referralId(), event.phase(),
                event.deliveredOn()));
    }
}

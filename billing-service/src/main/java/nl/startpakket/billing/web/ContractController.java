package nl.startpakket.billing.web;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import nl.startpakket.billing.api.AmendContractCommand;
import nl.startpakket.billing.api.ContractTerms;
import nl.startpakket.billing.api.InvoicingDetails;
import nl.startpakket.billing.query.AmendmentDocument;
import nl.startpakket.billing.query.FundingStatusDocument;
import nl.startpakket.billing.api.Money;
import nl.startpakket.billing.api.RegisterContractCommand;
import nl.startpakket.billing.query.ContractDocument;
import nl.startpakket.billing.query.ContractQueries;
import nl.startpakket.billing.query.ContractUsage;
import nl.startpakket.billing.query.InvoiceQueries;
import nl.startpakket.billing.query.InvoicedAmounts;
import nl.startpakket.billing.query.Reconciliation;
import nl.startpakket.platform.web.ApiProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Municipal contracts: register (idempotent PUT), read with usage, amend. */
@RestController
@RequestMapping("/api/v1/contracts")
public class ContractController {

    private final CommandGateway commands;
    private final ContractRegistration registration;
    private final ContractQueries queries;
    private final InvoicedAmounts invoiced;
    private final InvoiceQueries invoices;

    public ContractController(CommandGateway commands, ContractRegistration registration, ContractQueries queries,
                              InvoicedAmounts invoiced, InvoiceQueries invoices) {
        this.commands = commands;
        this.registration = registration;
        this.queries = queries;
        this.invoiced = invoiced;
        this.invoices = invoices;
    }

    @PutMapping("/{contractId}")
    public ResponseEntity<ContractResponse> register(@PathVariable String contractId,
                                                     @Valid @RequestBody ContractRequest request, Principal principal) {
        RegisterContractCommand registered = registration.register(contractId, request, principal.getName());
        ContractTerms terms = registered.terms();
        InvoicingDetails invoicing = registered.invoicing();
        ContractDocument asRegistered = new ContractDocument(contractId, terms.municipality(), terms.validFrom(),
                terms.validTo(), terms.babyPrice().amount(), terms.toddlerPrice().amount(), terms.maxPackages(),
                terms.budget() == null ? null : terms.budget().amount(), terms.invoicePeriod().name(),
                invoicing.recipient(), invoicing.vat(), principal.getName(), Instant.now());
        ContractUsage usage = queries.contract(contractId).map(c -> queries.usage(c, invoiced.of(contractId)))
                .orElse(new ContractUsage(0, 0, 0, terms.maxPackages() == null ? null : terms.maxPackages().longValue(),
                        BigDecimal.ZERO, BigDecimal.ZERO, null));
        return ResponseEntity.ok()
                .location(URI.create("/api/v1/contracts/" + contractId))
                .body(ContractResponse.of(asRegistered, usage, queries.warnings(contractId)));
    }

    @GetMapping("/{contractId}")
    public ContractResponse get(@PathVariable String contractId) {
        ContractDocument contract = queries.contract(contractId).orElseThrow(() -> notFound(contractId));
        return ContractResponse.of(contract, queries.usage(contract, invoiced.of(contractId)),
                queries.warnings(contractId));
    }

    /** The contract's hold queue, in the order amendments or freed slots will fund it. */
    @GetMapping("/{contractId}/held")
    public List<HeldReferralResponse> held(@PathVariable String contractId) {
        queries.contract(contractId).orElseThrow(() -> notFound(contractId));
        List<FundingStatusDocument> queue = queries.holdQueue(contractId);
        return IntStream.range(0, queue.size()).mapToObj(i -> HeldReferralResponse.of(i + 1, queue.get(i))).toList();
    }

    /** The amendments of a contract, oldest first, with who agreed them and why. */
    @GetMapping("/{contractId}/amendments")
    public List<AmendmentDocument> amendments(@PathVariable String contractId) {
        queries.contract(contractId).orElseThrow(() -> notFound(contractId));
        return queries.amendments(contractId);
    }

    /** Whether the contract's invoices add up to its deliveries, to the cent. */
    @GetMapping("/{contractId}/reconciliation")
    public Reconciliation reconciliation(@PathVariable String contractId) {
        ContractDocument contract = queries.contract(contractId).orElseThrow(() -> notFound(contractId));
        return Reconciliation.of(contract, queries.fundingOf(contractId), invoices.invoicesOfContract(contractId));
    }

    @GetMapping
    public List<ContractResponse> list() {
        return queries.contracts().stream()
                .map(c -> ContractResponse.of(c, queries.usage(c, invoiced.of(c.contractId())),
                        queries.warnings(c.contractId())))
                .toList();
    }

    @PostMapping("/{contractId}/amendments")
    public ResponseEntity<AmendmentResponse> amend(@PathVariable String contractId,
                                                   @Valid @RequestBody AmendmentRequest request, Principal principal) {
        checkId(contractId);
        if (request.maxPackages() == null && request.budget() == null && request.validTo() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "empty-amendment", "Empty amendment",
                    "An amendment changes maxPackages, budget or validTo.");
        }
        String reason = request.reason() == null || request.reason().isBlank() ? "(no reason given)" : request.reason();
        registration.amend(new AmendContractCommand(contractId, request.maxPackages(), Money.eur(request.budget()),
                request.validTo(), principal.getName(), reason));
        return ResponseEntity.ok()
                .location(URI.create("/api/v1/contracts/" + contractId))
                .body(new AmendmentResponse(contractId, request.maxPackages(), request.budget(), request.validTo(),
                        principal.getName(), reason));
    }

    /** What was amended; the contract's resulting terms and usage are at its own resource. */
    public record AmendmentResponse(String contractId, Integer maxPackages, BigDecimal budget,
                                    java.time.LocalDate validTo, String amendedBy, String reason) {
    }

    private static void checkId(String contractId) {
        ContractRegistration.Refusal refusal = ContractRegistration.checkContractId(contractId);
        if (refusal != null) {
            throw refusal.problem();
        }
    }

    private static ApiProblem notFound(String contractId) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No contract " + contractId + ".");
    }
}

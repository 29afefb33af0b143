package nl.startpakket.billing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.startpakket.billing.api.CloseInvoicePeriodCommand;
import nl.startpakket.billing.api.CreditInvoiceCommand;
import nl.startpakket.billing.api.InvoicePeriod;
import nl.startpakket.billing.api.InvoicePeriodResult;
import nl.startpakket.billing.api.InvoicePeriods;
import nl.startpakket.billing.query.ContractDocument;
import nl.startpakket.billing.query.ContractQueries;
import nl.startpakket.billing.query.InvoiceDocument;
import nl.startpakket.billing.query.InvoiceQueries;
import nl.startpakket.platform.web.ApiProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoices: issued per contract for a closed period (the same period answers the same invoice),
 * corrected by credit notes, read as JSON, UBL 2.1 XML or PDF.
 */
@RestController
public class InvoiceController {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(15);

    private final CommandGateway commands;
    private final ContractQueries contracts;
    private final InvoiceQueries invoices;
    private final InvoiceDocuments documents;
    private final Clock clock;

    public InvoiceController(CommandGateway commands, ContractQueries contracts, InvoiceQueries invoices,
                             InvoiceDocuments documents, Clock clock) {
        this.commands = commands;
        this.contracts = contracts;
        this.invoices = invoices;
        this.documents = documents;
        this.clock = clock;
    }

    /** {@code periodEnd}: the last day to invoice; default the end of the contract's last closed period. */
    public record IssueRequest(LocalDate periodEnd) {
    }

    public record CreditRequest(List<String> referralIds, @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/api/v1/contracts/{contractId}/invoices")
    public ResponseEntity<InvoiceResponse> issue(@PathVariable String contractId,
                                                 @RequestBody(required = false) IssueRequest request, Principal principal) {
        ContractDocument contract = contracts.contract(contractId).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                "not-found", "Not found", "No contract " + contractId + "."));
        LocalDate periodEnd = request != null && request.periodEnd() != null ? request.periodEnd()
                : InvoicePeriods.lastClosedPeriodEnd(InvoicePeriod.valueOf(contract.invoicePeriod()), contract.validFrom(),
                contract.validTo(), LocalDate.now(clock));
        if (periodEnd == null) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "no-closed-period", "No closed period",
                    "No invoice period of this contract has ended yet; name a periodEnd.");
        }
        InvoicePeriodResult result = commands.sendAndWait(new CloseInvoicePeriodCommand(contractId, periodEnd,
                principal.getName()));
        if (result == null) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "nothing-to-invoice", "Nothing to invoice",
                    "No delivered package up to " + periodEnd + " is waiting to be invoiced.");
        }
        return answer(result.invoiceId(), result.created());
    }

    @PostMapping("/api/v1/invoices/{invoiceId}/credit-notes")
    public ResponseEntity<InvoiceResponse> credit(@PathVariable String invoiceId, @Valid @RequestBody CreditRequest request,
                                                  Principal principal) {
        InvoiceDocument invoice = invoices.invoice(invoiceId).filter(i -> !i.isCreditNote())
                .orElseThrow(() -> notFound(invoiceId));
        String creditNoteId = commands.sendAndWait(new CreditInvoiceCommand(invoice.contractId(), invoiceId,
                request.referralIds(), request.reason(), principal.getName()));
        return answer(creditNoteId, true);
    }

    @GetMapping("/api/v1/invoices")
    public List<InvoiceResponse> list(@RequestParam(required = false) String municipality) {
        return invoices.invoices(municipality).stream().map(InvoiceResponse::of).toList();
    }

    @GetMapping(value = "/api/v1/invoices/{invoiceId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public InvoiceResponse get(@PathVariable String invoiceId) {
        return InvoiceResponse.of(invoices.invoice(invoiceId).orElseThrow(() -> notFound(invoiceId)));
    }

    @GetMapping(value = "/api/v1/invoices/{invoiceId}", produces = MediaType.APPLICATION_XML_VALUE)
    public ResponseEntity<byte[]> ubl(@PathVariable String invoiceId) {
        InvoiceDocument invoice = invoices.invoice(invoiceId).orElseThrow(() -> notFound(invoiceId));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header("Content-Disposition", "inline; filename=\"" + invoice.number() + ".xml\"")
                .body(documents.ubl(invoice));
    }

    @GetMapping(value = "/api/v1/invoices/{invoiceId}", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> pdf(@PathVariable String invoiceId) {
        InvoiceDocument invoice = invoices.invoice(invoiceId).orElseThrow(() -> notFound(invoiceId));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + invoice.number() + ".pdf\"")
                .body(documents.pdf(invoice));
    }

    /** The document once its read model shows it (normally within milliseconds); 202 if it takes longer. */
    private ResponseEntity<InvoiceResponse> answer(String invoiceId, boolean created) {
        URI location = URI.create("/api/v1/invoices/" + invoiceId);
        Instant deadline = Instant.now().plus(VISIBLE_WITHIN);
        Optional<InvoiceDocument> invoice = invoices.invoice(invoiceId);
        while (invoice.isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            invoice = invoices.invoice(invoiceId);
        }
        if (invoice.isEmpty()) {
            return ResponseEntity.accepted().location(location).build();
        }
        InvoiceResponse body = InvoiceResponse.of(invoice.get());
        return created ? ResponseEntity.created(location).body(body) : ResponseEntity.ok().location(location).body(body);
    }

    private static ApiProblem notFound(String invoiceId) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No invoice " + invoiceId + ".");
    }
}

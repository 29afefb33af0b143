package nl.startpakket.billing.web.pages;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.startpakket.billing.api.AmendContractCommand;
import nl.startpakket.billing.api.CloseInvoicePeriodCommand;
import nl.startpakket.billing.api.ContractRuleViolation;
import nl.startpakket.billing.api.CreditInvoiceCommand;
import nl.startpakket.billing.api.EInvoiceRefused;
import nl.startpakket.billing.api.EInvoiceRuleFailure;
import nl.startpakket.billing.api.InvoicePeriod;
import nl.startpakket.billing.api.InvoicePeriodResult;
import nl.startpakket.billing.api.InvoicePeriods;
import nl.startpakket.billing.api.Money;
import nl.startpakket.billing.query.ContractDocument;
import nl.startpakket.billing.query.ContractQueries;
import nl.startpakket.billing.query.ContractUsage;
import nl.startpakket.billing.query.InvoiceDocument;
import nl.startpakket.billing.query.InvoiceQueries;
import nl.startpakket.billing.query.InvoicedAmounts;
import nl.startpakket.billing.query.Reconciliation;
import nl.startpakket.billing.web.InvoiceDocuments;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator and finance pages: contracts with usage bars, a contract with its hold queue,
 * amendments and invoices, the hold queue of all municipalities, and the invoices with download
 * links. Forms send the same commands as the API.
 */
@Controller
public class BillingPages {

    private final ContractQueries contracts;
    private final InvoiceQueries invoices;
    private final InvoicedAmounts invoiced;
    private final InvoiceDocuments documents;
    private final CommandGateway commands;
    private final java.time.Clock clock;
    private final nl.startpakket.billing.web.ContractRegistration registration;

    public BillingPages(ContractQueries contracts, InvoiceQueries invoices, InvoicedAmounts invoiced,
                        InvoiceDocuments documents, CommandGateway commands, java.time.Clock clock,
                        nl.startpakket.billing.web.ContractRegistration registration) {
        this.registration = registration;
        this.contracts = contracts;
        this.invoices = invoices;
        this.invoiced = invoiced;
        this.documents = documents;
        this.commands = commands;
        this.clock = clock;
    }

    /** A contract with its usage, for a row or a header. */
    public record ContractRow(ContractDocument contract, ContractUsage usage, UsageBar bar, int warnings) {
    }

    /** Whether the signed-in user may issue and credit invoices (the forms are shown only then). */
    @org.springframework.web.bind.annotation.ModelAttribute("finance")
    public boolean finance(org.springframework.security.core.Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> "ROLE_FINANCE".equals(a.getAuthority()));
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/contracts";
    }

    @GetMapping("/contracts")
    public String contracts(Model model) {
        model.addAttribute("rows", contracts.contracts().stream().map(this::row).toList());
        return "contracts";
    }

    @GetMapping("/contracts/{contractId}")
    public String contract(@PathVariable String contractId, Model model) {
        ContractDocument contract = contracts.contract(contractId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<InvoiceDocument> ofContract = invoices.invoicesOfContract(contractId);
        model.addAttribute("row", row(contract));
        model.addAttribute("held", contracts.holdQueue(contractId));
        model.addAttribute("amendments", contracts.amendments(contractId));
        model.addAttribute("warnings", contracts.warnings(contractId));
        model.addAttribute("invoices", ofContract);
        model.addAttribute("reconciliation", Reconciliation.of(contract, contracts.fundingOf(contractId), ofContract));
        model.addAttribute("defaultPeriodEnd", InvoicePeriods.lastClosedPeriodEnd(
                InvoicePeriod.valueOf(contract.invoicePeriod()), contract.validFrom(), contract.validTo(), LocalDate.now(clock)));
        return "contract";
    }

    @PostMapping("/contracts/{contractId}/amendments")
    public String amend(@PathVariable String contractId, @RequestParam(required = false) Integer maxPackages,
                        @RequestParam(required = false) BigDecimal budget,
                        @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                                iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate validTo,
                        @RequestParam String reason, Principal principal, RedirectAttributes redirect) {
        try {
            if (maxPackages == null && budget == null && validTo == null) {
                throw new ContractRuleViolation("empty-amendment", "An amendment changes maxPackages, budget or validTo.");
            }
            registration.amend(new AmendContractCommand(contractId, maxPackages, budget == null ? null : Money.eur(budget),
                    validTo, principal.getName(), reason));
            redirect.addFlashAttribute("message", "amended");
        } catch (ContractRuleViolation e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/contracts/" + contractId;
    }

    @PostMapping("/contracts/{contractId}/invoices")
    public String issue(@PathVariable String contractId,
                        @RequestParam @org.springframework.format.annotation.DateTimeFormat(
                                iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate periodEnd,
                        Principal principal, RedirectAttributes redirect) {
        try {
            InvoicePeriodResult result = commands.sendAndWait(new CloseInvoicePeriodCommand(contractId, periodEnd,
                    principal.getName()));
            redirect.addFlashAttribute(result == null ? "error" : "message", result == null ? "nothing-to-invoice"
                    : result.created() ? "invoice-issued" : "invoice-exists");
        } catch (EInvoiceRefused e) {
            refused(e, "invoice-refused", redirect);
        } catch (ContractRuleViolation e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/contracts/" + contractId;
    }

    @PostMapping("/invoices/{invoiceId}/credit-notes")
    public String credit(@PathVariable String invoiceId, @RequestParam String reason, Principal principal,
                         RedirectAttributes redirect) {
        InvoiceDocument invoice = invoices.invoice(invoiceId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            commands.sendAndWait(new CreditInvoiceCommand(invoice.contractId(), invoiceId, null, reason, principal.getName()));
            redirect.addFlashAttribute("message", "credited");
        } catch (EInvoiceRefused e) {
            refused(e, "credit-note-refused", redirect);
        } catch (ContractRuleViolation e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/contracts/" + invoice.contractId();
    }

    @GetMapping("/held")
    public String held(@RequestParam(required = false) String municipality, Model model) {
        model.addAttribute("held", contracts.heldReferrals(municipality == null || municipality.isBlank() ? null : municipality));
        model.addAttribute("municipality", municipality);
        return "held";
    }

    @GetMapping("/invoices")
    public String invoices(@RequestParam(required = false) String municipality, Model model) {
        List<InvoiceDocument> list = invoices.invoices(municipality == null || municipality.isBlank() ? null : municipality);
        model.addAttribute("invoices", list);
        model.addAttribute("municipality", municipality);
        model.addAttribute("total", list.stream().map(i -> i.total().multiply(i.sign())).reduce(BigDecimal.ZERO, BigDecimal::add));
        Map<String, ContractDocument> byId = contracts.contracts().stream()
                .collect(Collectors.toMap(ContractDocument::contractId, Function.identity()));
        model.addAttribute("contracts", byId);
        return "invoices";
    }

    @GetMapping("/invoices/{invoiceId}.pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable String invoiceId) {
        InvoiceDocument invoice = invoices.invoice(invoiceId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"" + invoice.number() + ".pdf\"")
                .body(documents.pdf(invoice));
    }

    @GetMapping("/invoices/{invoiceId}.xml")
    public ResponseEntity<byte[]> xml(@PathVariable String invoiceId) {
        InvoiceDocument invoice = invoices.invoice(invoiceId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header("Content-Disposition", "attachment; filename=\"" + invoice.number() + ".xml\"")
                .body(documents.ubl(invoice));
    }

    /** The refusal as a message, and each rule the document breaks (id, message, what to change) as a line below it. */
    private static void refused(EInvoiceRefused refusal, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", message);
        redirect.addFlashAttribute("ruleFailures", refusal.failures().stream().map(EInvoiceRuleFailure::asLine).toList());
    }

    private ContractRow row(ContractDocument contract) {
        ContractUsage usage = contracts.usage(contract, invoiced.of(contract.contractId()));
        return new ContractRow(contract, usage, UsageBar.of(contract, usage), contracts.warnings(contract.contractId()).size());
    }
}

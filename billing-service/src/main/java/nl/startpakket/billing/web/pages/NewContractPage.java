package nl.startpakket.billing.web.pages;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import nl.startpakket.billing.api.ContractRuleViolation;
import nl.startpakket.billing.api.InvoicePeriod;
import nl.startpakket.billing.config.BillingProperties;
import nl.startpakket.billing.query.ContractQueries;
import nl.startpakket.billing.web.ContractRegistration;
import nl.startpakket.billing.web.ContractRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A coordinator or finance registers a municipality's contract in the pages: the API's
 * {@link ContractRequest} from the form, checked and registered by the API's
 * {@link ContractRegistration}; each error is shown next to its field, in the page's language.
 */
@Controller
public class NewContractPage {

    /** How long the contract page may take to show a contract just registered (its read model follows the events). */
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(5);
    /** The categories of {@link nl.startpakket.billing.api.VatTreatment}, the usual ones first. */
    private static final List<String> VAT_CATEGORIES = List.of("S", "Z", "E", "AE", "O");

    private final ContractRegistration registration;
    private final ContractQueries contracts;
    private final BillingProperties properties;
    private final MessageSource messages;

    public NewContractPage(ContractRegistration registration, ContractQueries contracts, BillingProperties properties,
                           MessageSource messages) {
        this.registration = registration;
        this.contracts = contracts;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/contracts/new")
    public String form(Model model) {
        return show(new ContractForm(), model);
    }

    @PostMapping("/contracts")
    public String register(@ModelAttribute("form") ContractForm form, BindingResult binding, Principal principal, Locale locale,
                           Model model, RedirectAttributes redirect) {
        String contractId = form.id();
        ContractRequest request = form.toRequest(binding);
        reject(registration.check(contractId, request), binding, locale);
        if (binding.hasErrors()) {
            return show(form, model);
        }
        try {
            registration.register(contractId, request, principal.getName());
        } catch (ContractRuleViolation refused) {
            refuse(refused, contractId, binding, locale);
            return show(form, model);
        }
        awaitVisible(contractId);
        redirect.addFlashAttribute("message", "registered");
        return "redirect:/contracts/" + contractId;
    }

    private String show(ContractForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("invoicePeriods", InvoicePeriod.values());
        model.addAttribute("vatCategories", VAT_CATEGORIES);
        model.addAttribute("defaultVat", properties.getDefaultVat());
        return "contract-new";
    }

    /** The contract's refusal: an id taken with other terms next to the id, a period it refuses next to its end. */
    private void refuse(ContractRuleViolation refused, String contractId, BindingResult binding, Locale locale) {
        switch (refused.code()) {
            case "contract-exists" -> reject(binding, "contractId", new DefaultMessageSourceResolvable(
                    new String[] {"contract.exists"}, new Object[] {contractId}, refused.getMessage()), locale);
            case "invalid-period" -> reject(binding, "validTo", new DefaultMessageSourceResolvable(
                    new String[] {"contract.refused"}, new Object[] {refused.getMessage()}, refused.getMessage()), locale);
            default -> binding.reject("contract.refused", new Object[] {refused.getMessage()}, refused.getMessage());
        }
    }

    /** Each refusal next to its field, unless the field shows why it could not be read already. */
    private void reject(List<ContractRegistration.Refusal> refusals, BindingResult binding, Locale locale) {
        for (ContractRegistration.Refusal refusal : refusals) {
            String field = ContractForm.fieldOf(refusal.field());
            if (field == null) {
                binding.reject("contract.refused", new Object[] {messages.getMessage(refusal, locale)}, refusal.detail());
            } else if (!binding.hasFieldErrors(field)) {
                reject(binding, field, refusal, locale);
            }
        }
    }

    private void reject(BindingResult binding, String field, MessageSourceResolvable message, Locale locale) {
        binding.addError(new FieldError(binding.getObjectName(), field, binding.getRawFieldValue(field), false,
                message.getCodes(), message.getArguments(), messages.getMessage(message, locale)));
    }

    /** Waits briefly until the contract's page can show it; the contract is registered either way. */
    private void awaitVisible(String contractId) {
        Instant deadline = Instant.now().plus(VISIBLE_WITHIN);
        while (contracts.contract(contractId).isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

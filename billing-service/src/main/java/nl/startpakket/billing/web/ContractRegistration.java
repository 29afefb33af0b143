package nl.startpakket.billing.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.startpakket.billing.api.ContractRuleViolation;
import nl.startpakket.billing.api.RegisterContractCommand;
import nl.startpakket.billing.api.VatTreatment;
import nl.startpakket.billing.api.AmendContractCommand;
import nl.startpakket.billing.config.BillingProperties;
import nl.startpakket.platform.audit.AuditTrail;
import nl.startpakket.municipalities.Municipality;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.municipalities.Reorganisation;
import nl.startpakket.platform.municipalities.CurrentMunicipality;
import nl.startpakket.platform.web.ApiProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Registering a municipality's contract, for the API and the pages alike: the Bean Validation of
 * the {@link ContractRequest} (the {@link Validator} bean, which {@code @Valid} uses on the API),
 * the rules beyond it (contract id, period, VAT treatment) and one {@link RegisterContractCommand}
 * under the signed-in user's name. The contract's own refusals, such as an id that exists with
 * other terms, are {@link ContractRuleViolation}s of the command. Like the rest of the contract's
 * history, who registered it and when is in its event; registration writes no audit trail entry.
 */
@Service
public class ContractRegistration {

    private static final Pattern CONTRACT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** Attributes of a constraint that are not arguments of its message. */
    private static final Set<String> NOT_ARGUMENTS = Set.of("message", "groups", "payload");

    private final Validator validator;
    private final CommandGateway commands;
    private final MunicipalityRegister municipalities;
    private final BillingProperties properties;
    private final AuditTrail audit;

    public ContractRegistration(Validator validator, CommandGateway commands, MunicipalityRegister municipalities,
                                BillingProperties properties, AuditTrail audit) {
        this.audit = audit;
        this.validator = validator;
        this.commands = commands;
        this.municipalities = municipalities;
        this.properties = properties;
    }

    /**
     * Everything that refuses the request before it reaches the contract, its Bean Validation
     * first (by field); empty when it may be registered. A rule is not checked on a field whose
     * Bean Validation failed already.
     */
    public List<Refusal> check(String contractId, ContractRequest request) {
        List<Refusal> refusals = new ArrayList<>(validator.validate(request).stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .map(this::refusal)
                .toList());
        rules(contractId, request).stream()
                .filter(rule -> refusals.stream().noneMatch(r -> r.field().startsWith(rule.field())))
                .forEach(refusals::add);
        return refusals;
    }

    /**
     * Registers the contract under {@code registeredBy} (a request that passed Bean Validation)
     * and answers the command that was sent. A rule beyond Bean Validation that the request breaks
     * is thrown as a 400 problem, the first one only.
     */
    public RegisterContractCommand register(String contractId, ContractRequest request, String registeredBy) {
        List<Refusal> refused = rules(contractId, request);
        if (!refused.isEmpty()) {
            throw refused.get(0).problem();
        }
        RegisterContractCommand command = new RegisterContractCommand(contractId, request.toTerms(),
                request.toInvoicing(contractId, municipalities.nameOrCode(request.municipality()), properties.getDefaultVat()),
                registeredBy);
        commands.sendAndWait(command);
        audit.record(registeredBy, "register-contract", contractId, Map.of("municipality", request.municipality(),
                "validFrom", request.validFrom().toString(), "validTo", request.validTo().toString()));
        return command;
    }

    /** Amends the contract under {@code amendedBy}, for the API and the pages alike, and writes the audit trail. */
    public void amend(AmendContractCommand amendment) {
        commands.sendAndWait(amendment);
        Map<String, String> details = new java.util.LinkedHashMap<>();
        if (amendment.maxPackages() != null) {
            details.put("maxPackages", amendment.maxPackages().toString());
        }
        if (amendment.budget() != null) {
            details.put("budget", amendment.budget().amount().toPlainString());
        }
        if (amendment.validTo() != null) {
            details.put("validTo", amendment.validTo().toString());
        }
        details.put("reason", amendment.reason());
        audit.record(amendment.amendedBy(), "amend-contract", amendment.contractId(), details);
    }

    /** Why a contract id is no contract id, or null when it is one: 1-64 lower-case letters, digits and dashes. */
    public static Refusal checkContractId(String contractId) {
        return contractId != null && CONTRACT_ID.matcher(contractId).matches() ? null
                : new Refusal("contractId", "invalid-contract-id", "Invalid contract id",
                "A contract id is 1-64 lower-case letters, digits and dashes, e.g. huizen-2026.", List.of("contract.id.format"),
                List.of());
    }

    /** The rules beyond Bean Validation, in the order the API answers them; null-safe for a request that failed it. */
    private List<Refusal> rules(String contractId, ContractRequest request) {
        List<Refusal> refusals = new ArrayList<>();
        Refusal id = checkContractId(contractId);
        if (id != null) {
            refusals.add(id);
        }
        if (request.validFrom() != null && request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            refusals.add(new Refusal("validTo", "invalid-period", "Invalid period", "validTo lies before validFrom.",
                    List.of("contract.period.invalid"), List.of()));
        }
        Refusal endpoint = checkEndpoint(request.invoiceRecipient());
        if (endpoint != null) {
            refusals.add(endpoint);
        }
        VatTreatment vat = request.toVat(properties.getDefaultVat());
        VatTreatment.Inconsistency inconsistency = vat.inconsistency();
        if (inconsistency != null) {
            String field = request.vat() == null ? "vat" : switch (inconsistency) {
                case UNKNOWN_CATEGORY -> "vat.category";
                case RATE_OUT_OF_RANGE, RATE_NOT_ZERO, RATE_ZERO -> "vat.rate";
                case EXEMPTION_TEXT_MISSING -> "vat.exemptionReason";
            };
            refusals.add(new Refusal(field, "invalid-vat", "Invalid VAT treatment", vat.problem() + ".",
                    List.of("contract.vat." + inconsistency.name()), List.of(String.valueOf(vat.category()))));
        }
        return refusals;
    }

    /**
     * The recipient's electronic address, which e-invoices need (Peppol rule PEPPOL-EN16931-R010):
     * scheme and id together, an OIN (0190) of 20 digits, a KvK number (0106) of 8. A recipient
     * without one may be registered, but its invoices are refused until it has one.
     */
    private static Refusal checkEndpoint(ContractRequest.Recipient recipient) {
        if (recipient == null) {
            return null;
        }
        String scheme = recipient.endpointScheme() == null ? "" : recipient.endpointScheme().strip();
        String id = recipient.endpointId() == null ? "" : recipient.endpointId().strip();
        if (scheme.isEmpty() != id.isEmpty()) {
            return endpointRefusal(scheme.isEmpty() ? "invoiceRecipient.endpointScheme" : "invoiceRecipient.endpointId",
                    "endpointScheme and endpointId go together, e.g. 0190 with the municipality's OIN.", "incomplete");
        }
        if ("0190".equals(scheme) && !id.matches("\\d{20}")) {
            return endpointRefusal("invoiceRecipient.endpointId", "An OIN (endpointScheme 0190) has 20 digits.", "oin");
        }
        if ("0106".equals(scheme) && !id.matches("\\d{8}")) {
            return endpointRefusal("invoiceRecipient.endpointId", "A KvK number (endpointScheme 0106) has 8 digits.", "kvk");
        }
        return null;
    }

    private static Refusal endpointRefusal(String field, String detail, String code) {
        return new Refusal(field, "invalid-endpoint", "Invalid electronic address", detail,
                List.of("contract.endpoint." + code), List.of());
    }

    /** A violated constraint, with codes for a message of this field and of the constraint in general. */
    private Refusal refusal(ConstraintViolation<ContractRequest> violation) {
        String field = violation.getPropertyPath().toString();
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        if (constraint instanceof CurrentMunicipality && violation.getInvalidValue() instanceof String code) {
            return notCurrent(field, code, violation.getMessage());
        }
        String name = constraint.annotationType().getSimpleName();
        List<Object> arguments = violation.getConstraintDescriptor().getAttributes().entrySet().stream()
                .filter(attribute -> !NOT_ARGUMENTS.contains(attribute.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
        return Refusal.invalid(field, field + " " + violation.getMessage(),
                List.of("contract.invalid." + field + "." + name, "contract.invalid." + name), arguments);
    }

    /** A code that is no current municipality: a merged one names its successor, a split one its parts. */
    private Refusal notCurrent(String field, String code, String detail) {
        Reorganisation ceased = municipalities.reorganisationOf(code).orElse(null);
        if (ceased == null) {
            return Refusal.invalid(field, detail, List.of("contract.municipality.unknown"),
                    List.of(code, municipalities.edition().toString()));
        }
        String effective = ceased.effective().toString();
        Optional<Municipality> successor = municipalities.successorOf(code);
        if (successor.isPresent()) {
            return Refusal.invalid(field, detail, List.of("contract.municipality.merged"),
                    List.of(code, ceased.oldName(), effective, successor.get().code(), successor.get().name()));
        }
        return Refusal.invalid(field, detail, List.of("contract.municipality.split"), List.of(code, ceased.oldName(), effective,
                ceased.splitInto().stream().map(municipalities::nameWithCode).collect(Collectors.joining(", "))));
    }

    /**
     * One reason a registration is refused: the request's field (a property path such as
     * {@code pricePerPackage.baby}), the problem the API answers, and message codes (most specific
     * first) with their arguments for the pages, the problem's detail being the default message.
     */
    public record Refusal(String field, String type, String title, String detail, List<String> codes, List<Object> arguments)
            implements MessageSourceResolvable {

        /** A field that fails Bean Validation. */
        static Refusal invalid(String field, String detail, List<String> codes, List<?> arguments) {
            return new Refusal(field, "validation", "Invalid request", detail, codes, List.copyOf(arguments));
        }

        public ApiProblem problem() {
            return new ApiProblem(HttpStatus.BAD_REQUEST, type, title, detail);
        }

        @Override
        public String[] getCodes() {
            return codes.toArray(String[]::new);
        }

        @Override
        public Object[] getArguments() {
            return arguments.toArray();
        }

        @Override
        public String getDefaultMessage() {
            return detail;
        }
    }
}

package nl.startpakket.billing.web;

import com.helger.diagnostics.error.IError;
import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.io.resource.inmemory.ReadableResourceByteArray;
import com.helger.phive.api.EValidationBaseType;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResult;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.peppol.PeppolValidation2026_05;
import com.helger.phive.simplerinvoicing.SimplerInvoicingValidation;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.startpakket.billing.api.EInvoiceRuleFailure;
import nl.startpakket.billing.query.InvoiceDocument;
import nl.startpakket.billing.web.UblInvoiceWriter.Customization;

/**
 * The official e-invoice rule sets, as the phive rule modules ship them: EN 16931 (UBL) 1.3.16,
 * Peppol BIS Billing 3.0 (the OpenPeppol release 2026.5, BIS 3.0.21, in force since 17 August
 * 2026) and SI-UBL 2.0 (Simplerinvoicing 2.0.3.12, the Dutch NLCIUS). Each set is the UBL 2.1
 * schema plus its schematron; SI-UBL 2.0 and Peppol BIS each accept only their own
 * customisation id, so a document is written as SI-UBL 2.0 (what the service delivers) for EN
 * 16931 and SI-UBL, and as Peppol BIS for the Peppol rules: the same content checked against
 * all three.
 * <p>
 * The rule sets are loaded once per JVM, on first use: compiling their XSLT takes seconds
 * (measured in docs/adr/0007-einvoice-validation.md); after that a document takes milliseconds.
 */
public final class EInvoiceValidation {

    /** One official rule set: its VES ids for invoices and credit notes, and the customisation it accepts. */
    public enum RuleSet {
        EN16931(EN16931Validation.VID_UBL_INVOICE_1316, EN16931Validation.VID_UBL_CREDIT_NOTE_1316, Customization.SI_UBL_2_0),
        PEPPOL_BIS_3(PeppolValidation2026_05.VID_OPENPEPPOL_INVOICE_UBL_V3,
                PeppolValidation2026_05.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3, Customization.PEPPOL_BIS_3),
        SI_UBL_2_0(SimplerInvoicingValidation.VID_SI_INVOICE_V2_0_3_12,
                SimplerInvoicingValidation.VID_SI_CREDIT_NOTE_V2_0_3_12, Customization.SI_UBL_2_0);

        private final DVRCoordinate invoice;
        private final DVRCoordinate creditNote;
        private final Customization writtenAs;

        RuleSet(DVRCoordinate invoice, DVRCoordinate creditNote, Customization writtenAs) {
            this.invoice = invoice;
            this.creditNote = creditNote;
            this.writtenAs = writtenAs;
        }

        /** The VES id this rule set checks the document with, e.g. {@code eu.peppol.bis3:invoice:2026.5}. */
        public DVRCoordinate vesFor(InvoiceDocument document) {
            return document.isCreditNote() ? creditNote : invoice;
        }
    }

    /** "[BR-NL-10] text" or "[BR-CO-10]-text": the rule id the schematron puts before its message. */
    private static final Pattern RULE_PREFIX = Pattern.compile("^\\s*\\[([A-Za-z0-9._-]+)\\]\\s*-?\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern NAMESPACE_TEST = Pattern.compile("\\[namespace-uri\\(\\)='[^']*'\\]");

    private static final String RECIPIENT_ADDRESS = "add the street (or Postbus), postal code and city to the contract's "
            + "invoice recipient";
    private static final String SELLER_KVK = "set the foundation's KvK number (startpakket.billing.seller.chamber-of-commerce)";
    private static final String SELLER_ADDRESS = "set the foundation's street, postal code and city (startpakket.billing.seller.*)";
    private static final String SELLER_IBAN = "set the foundation's IBAN (startpakket.billing.seller.iban)";

    /**
     * What to change for a rule that our documents can break: the contract's invoice recipient or
     * the seller settings (Peppol and SI-UBL each have their id for the same Dutch rule). Other
     * rules (totals, dates) are the service's own mistakes: their message says all there is.
     */
    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("PEPPOL-EN16931-R010", "add the municipality's electronic address to the contract's invoice recipient: "
                    + "endpointScheme 0190 with its OIN as endpointId (or its Peppol id); register the contract again with "
                    + "the same terms and the completed invoiceRecipient"),
            Map.entry("BR-NL-10", "give the invoice recipient an OIN (endpointScheme 0190) or KvK number (0106) as "
                    + "electronic address: it is also the municipality's legal identifier on the invoice"),
            Map.entry("NL-R-004", RECIPIENT_ADDRESS),
            Map.entry("BR-NL-4", RECIPIENT_ADDRESS),
            Map.entry("PEPPOL-EN16931-R020", "set the seller's electronic address (startpakket.billing.seller.endpoint-scheme "
                    + "and endpoint-id)"),
            Map.entry("BR-E-02", "set the foundation's VAT number (startpakket.billing.seller.vat-number)"),
            Map.entry("BR-NL-1", SELLER_KVK),
            Map.entry("NL-R-003", SELLER_KVK),
            Map.entry("BR-NL-2", SELLER_ADDRESS),
            Map.entry("NL-R-002", SELLER_ADDRESS),
            Map.entry("BR-61", SELLER_IBAN),
            Map.entry("BR-50", SELLER_IBAN));

    private static final EInvoiceValidation OFFICIAL = new EInvoiceValidation();

    /** The rule sets, one registry per JVM; its executors compile on first use. */
    private static final class Registry {
        static final ValidationExecutorSetRegistry<IValidationSourceXML> SETS = load();

        private static ValidationExecutorSetRegistry<IValidationSourceXML> load() {
            ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();
            EN16931Validation.initEN16931(registry);
            PeppolValidation2026_05.init(registry);
            SimplerInvoicingValidation.initSimplerInvoicing(registry);
            return registry;
        }
    }

    private final UblInvoiceWriter writer = new UblInvoiceWriter();

    private EInvoiceValidation() {
    }

    /** The official rule sets, shared by everything in this JVM. */
    public static EInvoiceValidation official() {
        return OFFICIAL;
    }

    /** The error-level rules the document breaks in any rule set, each rule once; empty when it may be issued. */
    public List<EInvoiceRuleFailure> errorsOf(InvoiceDocument document) {
        return findings(document, error -> error.getErrorLevel().isError());
    }

    /** Everything the rule sets say of the document, warnings included. */
    public List<EInvoiceRuleFailure> findingsOf(InvoiceDocument document) {
        return findings(document, error -> true);
    }

    private List<EInvoiceRuleFailure> findings(InvoiceDocument document, Predicate<IError> kept) {
        Map<String, EInvoiceRuleFailure> byRule = new LinkedHashMap<>();
        for (RuleSet ruleSet : RuleSet.values()) {
            for (EInvoiceRuleFailure failure : validate(document, ruleSet, kept)) {
                byRule.merge(failure.ruleId() + " " + failure.message(), failure, (first, again) -> new EInvoiceRuleFailure(
                        first.ruleId(), first.message(), first.ruleSet() + ", " + again.ruleSet(), first.location(),
                        first.hint()));
            }
        }
        return List.copyOf(byRule.values());
    }

    private List<EInvoiceRuleFailure> validate(InvoiceDocument document, RuleSet ruleSet, Predicate<IError> kept) {
        DVRCoordinate vesId = ruleSet.vesFor(document);
        IValidationExecutorSet<IValidationSourceXML> ves = Registry.SETS.getOfID(vesId);
        if (ves == null) {
            throw new IllegalStateException("The rule set " + vesId.getAsSingleID() + " is not on the class path");
        }
        byte[] xml = writer.write(document, ruleSet.writtenAs);
        ValidationResultList results = ValidationExecutionManager.executeValidation(IValidityDeterminator.createDefault(),
                ves, ValidationSourceXML.create(new ReadableResourceByteArray(document.invoiceId() + ".xml", xml)));
        List<EInvoiceRuleFailure> failures = new ArrayList<>();
        for (ValidationResult result : results) {
            boolean schema = result.getValidationArtefact().getValidationType().getBaseType() == EValidationBaseType.XSD;
            for (IError error : result.getErrorList()) {
                if (kept.test(error)) {
                    failures.add(failure(error, schema, vesId));
                }
            }
        }
        return failures;
    }

    private static EInvoiceRuleFailure failure(IError error, boolean schema, DVRCoordinate vesId) {
        String text = String.valueOf(error.getErrorText(Locale.ENGLISH)).strip();
        String ruleId = error.getErrorID();
        Matcher prefixed = RULE_PREFIX.matcher(text);
        if (prefixed.matches()) {
            ruleId = ruleId == null || ruleId.isBlank() ? prefixed.group(1) : ruleId;
            text = prefixed.group(2).strip();
        }
        if (ruleId == null || ruleId.isBlank()) {
            ruleId = schema ? "UBL-2.1-XSD" : "UNNAMED";
        }
        String location = error.getErrorFieldName() != null
                ? NAMESPACE_TEST.matcher(error.getErrorFieldName()).replaceAll("")
                : error.hasErrorLocation() ? error.getErrorLocation().getAsString() : null;
        return new EInvoiceRuleFailure(ruleId, text, vesId.getAsSingleID(), location, HINTS.get(ruleId));
    }
}

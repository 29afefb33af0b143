package nl.startpakket.referral.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.startpakket.events.Phase;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.municipalities.Reorganisation;
import nl.startpakket.referral.config.ReferralProperties;
import org.springframework.stereotype.Component;

/**
 * The intake's validation, shared by the API and the web form so both give the same messages
 * (codes in {@code messages*.properties}). Nothing invalid reaches the aggregate.
 */
@Component
public class ReferralRules {

    static final Pattern MUNICIPALITY = Pattern.compile("^GM\\d{4}$");
    /** Four digits (not starting with 0), optional space, two letters; SA, SD and SS are not used. */
    static final Pattern POSTAL_CODE = Pattern.compile("^[1-9]\\d{3} ?(?!SA|SD|SS)[A-Z]{2}$");
    /** 1..99999 with an optional addition such as {@code a}, {@code -2}, {@code bis}, {@code A-1}. */
    static final Pattern HOUSE_NUMBER = Pattern.compile(
            "^[1-9]\\d{0,4}(?:(?: ?- ?| )[A-Za-z0-9]{1,4}|[A-Za-z]{1,4}\\d{0,2})?(?:-[A-Za-z0-9]{1,4})?$");
    static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{6,20}$");
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final ReferralProperties properties;
    private final MunicipalityRegister municipalities;
    private final Clock clock;

    public ReferralRules(ReferralProperties properties, MunicipalityRegister municipalities, Clock clock) {
        this.properties = properties;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    public List<FieldError> check(ReferralRequest request) {
        List<FieldError> errors = new ArrayList<>();
        checkMunicipality(request.municipality(), errors);
        if (request.phase() == null) {
            errors.add(new FieldError("phase", "referral.phase.required"));
        } else if (request.phase() == Phase.BABY) {
            checkDueDate(request.expectedDueDate(), "expectedDueDate", errors);
            if (request.childBirthDate() != null) {
                errors.add(new FieldError("childBirthDate", "referral.childBirthDate.onlyToddler"));
            }
        } else {
            checkBirthDate(request.childBirthDate(), "childBirthDate", errors);
            if (request.expectedDueDate() != null) {
                errors.add(new FieldError("expectedDueDate", "referral.expectedDueDate.onlyBaby"));
            }
        }
        checkParent(request.parent(), errors);
        if (request.deliveryMethod() == null) {
            errors.add(new FieldError("deliveryMethod", "referral.deliveryMethod.required"));
        }
        if (request.consentFollowUp() == null) {
            errors.add(new FieldError("consentFollowUp", "referral.consentFollowUp.required"));
        }
        maxLength(request.notes(), 1000, "notes", errors);
        return errors;
    }

    /** Whether the code is a current municipality in the CBS register (not one that ceased). */
    public boolean isKnownMunicipality(String code) {
        return municipalities.isCurrent(code);
    }

    void checkMunicipality(String municipality, List<FieldError> errors) {
        if (isBlank(municipality)) {
            errors.add(new FieldError("municipality", "referral.municipality.required"));
        } else if (!MUNICIPALITY.matcher(municipality).matches()) {
            errors.add(new FieldError("municipality", "referral.municipality.format"));
        } else if (!isKnownMunicipality(municipality)) {
            errors.add(notCurrent("municipality", municipality));
        }
    }

    /**
     * Why a code is no municipality to refer for, as a message: a code that ceased names its
     * successor (or, when it was split, the municipalities that received a part), any other the
     * register's edition.
     */
    public FieldError notCurrent(String field, String code) {
        Reorganisation ceased = municipalities.reorganisationOf(code).orElse(null);
        if (ceased == null) {
            return new FieldError(field, "referral.municipality.unknown", code, municipalities.year());
        }
        return municipalities.successorOf(code)
                .map(successor -> new FieldError(field, "referral.municipality.merged", code, ceased.oldName(),
                        successor.code(), successor.name(), ceased.effective().toString()))
                .orElseGet(() -> new FieldError(field, "referral.municipality.split", code, ceased.oldName(),
                        ceased.effective().toString(), ceased.splitInto().stream()
                        .map(part -> part + " " + municipalities.nameOrCode(part)).collect(Collectors.joining(", "))));
    }

    public void checkDueDate(LocalDate dueDate, String field, List<FieldError> errors) {
        if (dueDate == null) {
            errors.add(new FieldError(field, "referral.expectedDueDate.required"));
            return;
        }
        LocalDate today = LocalDate.now(clock);
        if (dueDate.isBefore(today.minusWeeks(properties.getDueDateMaxWeeksPast()))) {
            errors.add(new FieldError(field, "referral.expectedDueDate.tooFarPast", properties.getDueDateMaxWeeksPast()));
        } else if (dueDate.isAfter(today.plusWeeks(properties.getDueDateMaxWeeksAhead()))) {
            errors.add(new FieldError(field, "referral.expectedDueDate.tooFarAhead", properties.getDueDateMaxWeeksAhead()));
        }
    }

    public void checkBirthDate(LocalDate birthDate, String field, List<FieldError> errors) {
        if (birthDate == null) {
            errors.add(new FieldError(field, "referral.childBirthDate.required"));
            return;
        }
        LocalDate today = LocalDate.now(clock);
        if (birthDate.isAfter(today)) {
            errors.add(new FieldError(field, "referral.childBirthDate.future"));
            return;
        }
        int months = Period.between(birthDate, today).getYears() * 12 + Period.between(birthDate, today).getMonths();
        if (months < properties.getToddlerMinAgeMonths() || months >= properties.getToddlerMaxAgeMonths()) {
            errors.add(new FieldError(field, "referral.childBirthDate.outsideWindow",
                    properties.getToddlerMinAgeMonths(), properties.getToddlerMaxAgeMonths()));
        }
    }

    public void checkParent(ReferralRequest.ParentRequest parent, List<FieldError> errors) {
        if (parent == null) {
            errors.add(new FieldError("parent", "referral.parent.required"));
            return;
        }
        required(parent.name(), 200, "parent.name", errors);
        required(parent.street(), 200, "parent.street", errors);
        if (isBlank(parent.houseNumber())) {
            errors.add(new FieldError("parent.houseNumber", "referral.field.required"));
        } else if (!HOUSE_NUMBER.matcher(parent.houseNumber().trim()).matches()) {
            errors.add(new FieldError("parent.houseNumber", "referral.houseNumber.format"));
        }
        if (isBlank(parent.postalCode())) {
            errors.add(new FieldError("parent.postalCode", "referral.field.required"));
        } else if (!POSTAL_CODE.matcher(parent.postalCode().trim().toUpperCase(Locale.ROOT)).matches()) {
            errors.add(new FieldError("parent.postalCode", "referral.postalCode.format"));
        }
        required(parent.city(), 100, "parent.city", errors);
        if (!isBlank(parent.phone()) && !PHONE.matcher(parent.phone().trim()).matches()) {
            errors.add(new FieldError("parent.phone", "referral.phone.format"));
        }
        if (!isBlank(parent.email()) && (parent.email().length() > 254 || !EMAIL.matcher(parent.email().trim()).matches())) {
            errors.add(new FieldError("parent.email", "referral.email.format"));
        }
    }

    private static void required(String value, int max, String field, List<FieldError> errors) {
        if (isBlank(value)) {
            errors.add(new FieldError(field, "referral.field.required"));
        } else {
            maxLength(value, max, field, errors);
        }
    }

    private static void maxLength(String value, int max, String field, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "referral.field.tooLong", max));
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

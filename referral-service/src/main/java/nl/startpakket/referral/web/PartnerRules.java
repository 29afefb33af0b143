package nl.startpakket.referral.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.platform.web.ApiProblemHandler.FieldProblem;
import nl.startpakket.referral.api.partner.PartnerIdentifiers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a partner's registration and its web form users must look like, shared by the API and the
 * coordinator's pages so both refuse the same and say so in the same words (codes in
 * {@code messages*.properties}).
 */
@Component
public class PartnerRules {

    static final int MAX_NAME = 200;
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 200;

    private final ReferralRules referralRules;
    private final MessageSource messages;

    public PartnerRules(ReferralRules referralRules, MessageSource messages) {
        this.referralRules = referralRules;
        this.messages = messages;
    }

    public List<FieldError> checkPartnerId(String partnerId) {
        return PartnerIdentifiers.isPartnerId(partnerId) ? List.of() : List.of(new FieldError("partnerId", "partner.id.format"));
    }

    /** The terms as given; a field the client left out is null. Unknown municipalities are named by their index. */
    public List<FieldError> checkTerms(String name, IntermediaryType type, List<String> municipalities, Boolean active) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "partner.name.required", MAX_NAME));
        }
        if (type == null) {
            errors.add(new FieldError("intermediaryType", "partner.intermediaryType.required"));
        }
        if (municipalities == null || municipalities.isEmpty()) {
            errors.add(new FieldError("municipalities", "partner.municipalities.required"));
        } else {
            for (int i = 0; i < municipalities.size(); i++) {
                if (!referralRules.isKnownMunicipality(municipalities.get(i))) {
                    errors.add(referralRules.notCurrent("municipalities[" + i + "]", municipalities.get(i)));
                }
            }
        }
        if (active == null) {
            errors.add(new FieldError("active", "partner.active.required"));
        }
        return errors;
    }

    public List<FieldError> checkUsername(String username) {
        return PartnerIdentifiers.isUsername(username) ? List.of() : List.of(new FieldError("username", "partner.username.format"));
    }

    public List<FieldError> checkPassword(String password) {
        return password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD
                ? List.of(new FieldError("password", "partner.password.length", MIN_PASSWORD)) : List.of();
    }

    /** An address for status e-mails: null or blank (none) or something like an address, at most 254 characters. */
    public List<FieldError> checkEmail(String email) {
        return email == null || email.isBlank() || PartnerIdentifiers.isEmail(email.trim())
                ? List.of() : List.of(new FieldError("email", "partner.email.format"));
    }

    /** The language of status e-mails: absent (Dutch), {@code nl} or {@code en}. */
    public List<FieldError> checkLanguage(String language) {
        return language == null || language.equals("nl") || language.equals("en")
                ? List.of() : List.of(new FieldError("language", "partner.language.format"));
    }

    /** The errors as the API answers them. */
    public List<FieldProblem> problems(List<FieldError> errors, Locale locale) {
        return errors.stream().map(error -> new FieldProblem(error.field(), message(error, locale))).toList();
    }

    public String message(FieldError error, Locale locale) {
        return messages.getMessage(error.code(), error.args(), error.code(), locale);
    }
}

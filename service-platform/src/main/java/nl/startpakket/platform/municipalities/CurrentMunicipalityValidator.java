package nl.startpakket.platform.municipalities;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Pattern;
import nl.startpakket.municipalities.MunicipalityRegister;

/** Checks {@link CurrentMunicipality} against the service's register (Spring creates it with the bean). */
public class CurrentMunicipalityValidator implements ConstraintValidator<CurrentMunicipality, String> {

    private static final Pattern CODE = Pattern.compile("GM\\d{4}");
    /** What a message template would interpret: the register's names are data, not templates. */
    private static final Pattern TEMPLATE_CHARACTERS = Pattern.compile("([\\\\{}$])");

    private final MunicipalityRegister register;

    public CurrentMunicipalityValidator(MunicipalityRegister register) {
        this.register = register;
    }

    @Override
    public boolean isValid(String code, ConstraintValidatorContext context) {
        if (code == null || !CODE.matcher(code).matches() || register.isCurrent(code)) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(
                        TEMPLATE_CHARACTERS.matcher(register.whyNotCurrent(code).orElseThrow()).replaceAll("\\\\$1"))
                .addConstraintViolation();
        return false;
    }
}

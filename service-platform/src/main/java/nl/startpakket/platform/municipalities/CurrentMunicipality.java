package nl.startpakket.platform.municipalities;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A CBS code of a current municipality in the register. A code that ceased is refused with its
 * successor named ("GM0398 Heerhugowaard became part of GM1980 Dijk en Waard on 2022-01-01."),
 * an unknown one with the register's edition. {@code null} and codes that are not {@code GM} and
 * four digits pass: {@code @NotNull} and {@code @Pattern} say what is wrong with those.
 */
@Documented
@Constraint(validatedBy = CurrentMunicipalityValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrentMunicipality {

    String message() default "must be a current CBS municipality code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
